namespace Grapevine.Core.Workspaces;

/// <summary>
/// A row that belongs to one workspace. GrapevineDb filters every such entity by the current
/// workspace and stamps new ones with it, so no query can see or write another tenant's rows.
/// </summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; set; }
}
