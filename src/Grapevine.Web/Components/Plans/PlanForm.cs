using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Campaigns.Plans;

namespace Grapevine.Web.Components.Plans;

/// <summary>The plan page's form: the budget and the rules a marketer sets most often.</summary>
public sealed class PlanForm
{
    public decimal? Budget { get; set; }
    public int? MinCreators { get; set; }
    public int? MaxCreators { get; set; }
    public decimal? MaxPerCreator { get; set; }
    public int? MinNano { get; set; }
    public int? MinMicro { get; set; }
    public int? MaxMacro { get; set; }

    public static PlanForm From(Campaign campaign, CampaignPlanDocument? plan)
    {
        var rules = plan?.Rules;
        return new PlanForm
        {
            Budget = plan is null ? campaign.Budget : (decimal)plan.Budget,
            MinCreators = rules is { MinCreators: > 0 } ? rules.MinCreators : null,
            MaxCreators = rules?.MaxCreators,
            MaxPerCreator = rules?.MaxPerCreator is { } cap ? (decimal)cap : null,
            MinNano = rules?.Tiers.GetValueOrDefault("nano")?.Min,
            MinMicro = rules?.Tiers.GetValueOrDefault("micro")?.Min,
            MaxMacro = rules?.Tiers.GetValueOrDefault("macro")?.Max,
        };
    }

    public PlanRequest ToRequest()
    {
        var tiers = new Dictionary<string, CountRange>();
        if (MinNano is not null)
            tiers["nano"] = new CountRange(MinNano);
        if (MinMicro is not null)
            tiers["micro"] = new CountRange(MinMicro);
        if (MaxMacro is not null)
            tiers["macro"] = new CountRange(Max: MaxMacro);
        return new PlanRequest
        {
            Budget = Budget,
            MinCreators = MinCreators ?? 0,
            MaxCreators = MaxCreators,
            MaxPerCreator = MaxPerCreator,
            Tiers = tiers,
        };
    }
}
