using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// A plan saved for a campaign: the budget it was made for, the solver's verdict and the whole plan with its forecasts
/// as a JSON document (the shape of <c>Planning.CampaignPlanDocument</c>), so a page or an export shows exactly what
/// was planned even after the catalogue moves on.
/// </summary>
public class CampaignPlan : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public decimal Budget { get; set; }
    public required string Solver { get; set; }
    public required string Status { get; set; }
    public double Value { get; set; }
    public double? BestBound { get; set; }
    public double? Gap { get; set; }
    public required string Document { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
