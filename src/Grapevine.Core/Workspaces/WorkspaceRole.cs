namespace Grapevine.Core.Workspaces;

/// <summary>A member's role in one workspace; what each may do is in <see cref="RolePermissions"/>.</summary>
public enum WorkspaceRole
{
    Viewer,
    Member,
    Admin,
    Owner,
}
