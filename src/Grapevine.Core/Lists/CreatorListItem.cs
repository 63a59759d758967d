using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Lists;

public class CreatorListItem : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ListId { get; set; }
    public long AccountId { get; set; }
    public DateTime AddedAt { get; set; }
}
