namespace Grapevine.Core.Workspaces;

/// <summary>A user's membership of a workspace, with a role.</summary>
public class Member : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public GrapevineUser? User { get; set; }
    public WorkspaceRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}
