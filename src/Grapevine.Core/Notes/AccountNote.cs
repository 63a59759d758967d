using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Notes;

/// <summary>A workspace's private note on a catalogue account.</summary>
public class AccountNote : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public long AccountId { get; set; }
    public required string Text { get; set; }
    public Guid AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
}
