using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Notes;

/// <summary>A workspace's private tag on a catalogue account (lower case).</summary>
public class AccountTag : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public long AccountId { get; set; }
    public required string Tag { get; set; }
    public DateTime CreatedAt { get; set; }
}
