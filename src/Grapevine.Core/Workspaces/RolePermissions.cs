namespace Grapevine.Core.Workspaces;

/// <summary>The permission matrix: the one place that says which role may do what.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Permission, WorkspaceRole> MinimumRole = new()
    {
        [Permission.ReadCatalogue] = WorkspaceRole.Viewer,
        [Permission.ReadWorkspaceData] = WorkspaceRole.Viewer,
        [Permission.WriteWorkspaceData] = WorkspaceRole.Member,
        [Permission.ExportData] = WorkspaceRole.Member,
        [Permission.ManageMembers] = WorkspaceRole.Admin,
        [Permission.ManageApiKeys] = WorkspaceRole.Admin,
        [Permission.ViewAudit] = WorkspaceRole.Admin,
        [Permission.ManageWorkspace] = WorkspaceRole.Owner,
    };

    public static bool Allows(WorkspaceRole role, Permission permission) => role >= MinimumRole[permission];

    public static WorkspaceRole Minimum(Permission permission) => MinimumRole[permission];

    /// <summary>Permissions a read-only API key never has.</summary>
    public static bool IsWrite(Permission permission) =>
        permission is not (Permission.ReadCatalogue or Permission.ReadWorkspaceData or Permission.ExportData or Permission.ViewAudit);
}
