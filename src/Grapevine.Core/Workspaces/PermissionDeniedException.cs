namespace Grapevine.Core.Workspaces;

/// <summary>The current member's role does not allow the action: answered with 403.</summary>
public sealed class PermissionDeniedException(Permission permission)
    : Exception($"Your role does not allow this ({permission}; needs {RolePermissions.Minimum(permission)} or above).")
{
    public Permission Permission { get; } = permission;
}
