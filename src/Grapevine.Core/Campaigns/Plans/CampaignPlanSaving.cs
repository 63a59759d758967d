using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Keeps a plan (from the page, the API or the CLI) as the campaign's latest, audited, with what the marketer asked for
/// and the campaign's set-up at the time, so the page can pre-fill its form with the marketer's own values (not the rules
/// a first test derived from them) and say when the campaign has changed since.
/// </summary>
public sealed class CampaignPlanSaving(GrapevineDb db, CurrentWorkspace current, AuditLog audit)
{
    public async Task<CampaignPlanDocument> SaveAsync(Campaign campaign, PlanRequest request, CampaignPlanDocument document, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var saved = document with { Request = request, SetUp = PlanSetUp.Of(campaign) };
        db.CampaignPlans.Add(new CampaignPlan
        {
            Id = Guid.NewGuid(),
            CampaignId = campaign.Id,
            Budget = request.Budget ?? campaign.Budget,
            Solver = saved.Solver,
            Status = saved.Status,
            Value = saved.Value,
            BestBound = saved.BestBound,
            Gap = saved.Gap,
            Document = JsonSerializer.Serialize(saved, CampaignPlanService.Json),
            CreatedBy = current.UserId ?? Guid.Empty,
            CreatedAt = saved.PlannedAt,
        });
        audit.Add(CampaignPlanService.AuditActions.Planned, $"campaign:{campaign.Id}",
            $"budget {request.Budget ?? campaign.Budget:0.##} {campaign.Currency}, {saved.Creators.Count} creators, {saved.Status}, {saved.Solver}");
        await db.SaveChangesAsync(ct);
        return saved;
    }
}
