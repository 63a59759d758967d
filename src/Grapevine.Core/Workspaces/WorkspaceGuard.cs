namespace Grapevine.Core.Workspaces;

internal static class WorkspaceGuard
{
    public static void Require(this CurrentWorkspace current, Permission permission)
    {
        if (!current.Can(permission))
            throw new PermissionDeniedException(permission);
    }
}
