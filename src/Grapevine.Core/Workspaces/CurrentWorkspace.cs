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

    /// <summary>
    /// Steps outside the current workspace until disposed, for the few writes that belong to other
    /// workspaces by design: creating a workspace, joining one by invitation, and auditing a
    /// person's sign-in and sign-out in each of their workspaces. Outside a workspace, GrapevineDb's
    /// query filter matches nothing and its write guard only asks that every row names a workspace.
    /// </summary>
    public IDisposable Leave()
    {
        var saved = Id;
        Id = null;
        return new Restore(() => Id = saved);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Whether the current actor may do <paramref name="permission"/> here.</summary>
    public bool Can(Permission permission) =>
        Role is { } role && RolePermissions.Allows(role, permission) && (KeyScope != ApiKeyScope.Read || !RolePermissions.IsWrite(permission));
}
