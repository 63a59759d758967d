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
        // Named like the campaign's other entries, so the audit page says which campaign was planned.
        audit.Add(CampaignPlanService.AuditActions.Planned, CampaignService.Target(campaign),
            $"budget {CampaignService.Amount(request.Budget ?? campaign.Budget)} {campaign.Currency}, " +
            $"{Vetting.Plural.Of(saved.Creators.Count, "creator")}, {saved.Status}, {saved.Solver}");
        await db.SaveChangesAsync(ct);
        return saved;
    }
}
