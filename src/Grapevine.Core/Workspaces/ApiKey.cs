namespace Grapevine.Core.Workspaces;

/// <summary>A key for scripts. The secret is shown once; only its SHA-256 hash and a prefix are kept.</summary>
public class ApiKey : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public ApiKeyScope Scope { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
