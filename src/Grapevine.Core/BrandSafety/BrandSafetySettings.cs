using Grapevine.Core.Workspaces;

namespace Grapevine.Core.BrandSafety;

/// <summary>
/// Present once a workspace has edited its brand-safety lists: from then on its own categories are
/// used (even none at all) instead of <see cref="BrandSafetyLexicon.Default"/>.
/// </summary>
public class BrandSafetySettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public DateTime EditedAt { get; set; }
}
