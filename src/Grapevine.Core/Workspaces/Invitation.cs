namespace Grapevine.Core.Workspaces;

/// <summary>A single-use, expiring, revocable invitation to join a workspace. Only the token's hash is stored.</summary>
public class Invitation : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public WorkspaceRole Role { get; set; }
    public required string TokenHash { get; set; }
    public Guid InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}
