namespace Grapevine.Core.Workspaces;

/// <summary>The things a member can do in a workspace. docs/permissions.md is the matrix in words.</summary>
public enum Permission
{
    ReadCatalogue,
    ReadWorkspaceData,
    WriteWorkspaceData,
    ExportData,
    ManageMembers,
    ManageApiKeys,
    ViewAudit,
    ManageWorkspace,
}
