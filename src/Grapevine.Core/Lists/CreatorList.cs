using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Lists;

/// <summary>A saved, named list of accounts in a workspace.</summary>
public class CreatorList : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<CreatorListItem> Items { get; set; } = [];
}
