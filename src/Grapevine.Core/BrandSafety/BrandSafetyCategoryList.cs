using Grapevine.Core.Workspaces;

namespace Grapevine.Core.BrandSafety;

/// <summary>A workspace's own brand-safety category (alcohol, gambling …) and its keywords.</summary>
public class BrandSafetyCategoryList : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<BrandSafetyKeyword> Keywords { get; set; } = [];
}
