namespace Grapevine.Core.Workspaces;

/// <summary>
/// Who is asking, and in which workspace: set once per request (from the sign-in cookie or the
/// API key) and read by GrapevineDb's query filter. Empty means "no workspace": every
/// workspace-owned query then returns nothing.
/// </summary>
public sealed class CurrentWorkspace
{
    public Guid? Id { get; private set; }
    public Guid? UserId { get; private set; }
    public string? ActorName { get; private set; }
    public WorkspaceRole? Role { get; private set; }
    public ApiKeyScope? KeyScope { get; private set; }
    public Guid? ApiKeyId { get; private set; }

    public void Enter(Guid workspaceId, Guid? userId, string? actorName, WorkspaceRole role, ApiKeyScope? keyScope = null, Guid? apiKeyId = null)
    {
        Id = workspaceId;
        UserId = userId;
        ActorName = actorName;
        Role = role;
        KeyScope = keyScope;
        ApiKeyId = apiKeyId;
    }

    /// <summary>Whether the current actor may do <paramref name="permission"/> here.</summary>
    public bool Can(Permission permission) =>
        Role is { } role && RolePermissions.Allows(role, permission) && (KeyScope != ApiKeyScope.Read || !RolePermissions.IsWrite(permission));
}
