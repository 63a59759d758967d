using Grapevine.Core.Workspaces;

namespace Grapevine.Core.BrandSafety;

/// <summary>One normalised word, phrase or #hashtag of a workspace's brand-safety category.</summary>
public class BrandSafetyKeyword : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid CategoryId { get; set; }
    public required string Keyword { get; set; }
    public DateTime AddedAt { get; set; }
}
