using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Audit;

/// <summary>One security-relevant event in a workspace. Never holds a secret.</summary>
public class AuditEntry : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
