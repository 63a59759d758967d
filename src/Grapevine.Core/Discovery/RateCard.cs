using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Discovery;

/// <summary>
/// A creator's actual rate for one deliverable as a workspace recorded it; it wins over the estimate in
/// that workspace's searches and plans.
/// </summary>
public class RateCard : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public long AccountId { get; set; }

    /// <summary>A deliverable name such as instagram_post, instagram_story, tiktok_video, youtube_video.</summary>
    public required string Deliverable { get; set; }

    public decimal PriceUsd { get; set; }
    public string? Note { get; set; }
    public Guid UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
