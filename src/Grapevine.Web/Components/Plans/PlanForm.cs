using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Campaigns.Plans;

namespace Grapevine.Web.Components.Plans;

/// <summary>The plan page's form: the budget and the rules a marketer sets most often.</summary>
public sealed class PlanForm
{
    /// <summary>
    /// The tiers above micro in both tier schemes (Metrics/TierScheme): the planner counts each tier on its own, so
    /// "at most N" applies to each of them, and 0 leaves all of them out.
    /// </summary>
    public static readonly IReadOnlyList<string> LargeTiers = ["macro", "mega", "celebrity"];

    public decimal? Budget { get; set; }
    public int? MinCreators { get; set; }
    public int? MaxCreators { get; set; }
    public decimal? MaxPerCreator { get; set; }
    public int? MinNano { get; set; }
    public int? MinMicro { get; set; }
    public int? MaxLarge { get; set; }

    /// <summary>
    /// The form for the next try: what the marketer asked for when the saved plan was made, not the rules the plan
    /// was made under (a first test adds its own cap, creator counts and tier limits, which follow the budget).
    /// The budget is the campaign's when it changed since the plan.
    /// </summary>
    public static PlanForm From(Campaign campaign, CampaignPlanDocument? plan)
    {
        if (plan is null)
            return new PlanForm { Budget = campaign.Budget };
        // A plan saved through the API or the command line keeps no request. Outside a first test its rules are
        // exactly what was asked; in a first test (it has notes) they mix in derived values that cannot be told
        // apart, so only the budget is kept.
        var asked = plan.Request ?? (plan.Notes.Count == 0
            ? new PlanRequest
            {
                Budget = (decimal)plan.Budget,
                MinCreators = plan.Rules.MinCreators,
                MaxCreators = plan.Rules.MaxCreators,
                MaxPerCreator = plan.Rules.MaxPerCreator is { } cap ? (decimal)cap : null,
                Tiers = plan.Rules.Tiers,
            }
            : new PlanRequest { Budget = (decimal)plan.Budget });
        return new PlanForm
        {
            Budget = BudgetChanged(campaign, plan) ? campaign.Budget : asked.Budget ?? campaign.Budget,
            MinCreators = asked.MinCreators > 0 ? asked.MinCreators : null,
            MaxCreators = asked.MaxCreators,
            MaxPerCreator = asked.MaxPerCreator,
            MinNano = asked.Tiers.GetValueOrDefault("nano")?.Min,
            MinMicro = asked.Tiers.GetValueOrDefault("micro")?.Min,
            MaxLarge = asked.Tiers.GetValueOrDefault("macro")?.Max,
        };
    }

    /// <summary>
    /// Whether the campaign's budget is not the one the plan was made for. A plan without its set-up cannot tell a
    /// changed campaign budget from a tried one, so it counts as changed when the two differ.
    /// </summary>
    public static bool BudgetChanged(Campaign campaign, CampaignPlanDocument plan) =>
        plan.SetUp is { } setUp ? setUp.Budget != campaign.Budget : (decimal)plan.Budget != campaign.Budget;

    public PlanRequest ToRequest()
    {
        var tiers = new Dictionary<string, CountRange>();
        if (MinNano is not null)
            tiers["nano"] = new CountRange(MinNano);
        if (MinMicro is not null)
            tiers["micro"] = new CountRange(MinMicro);
        if (MaxLarge is not null)
        {
            foreach (var tier in LargeTiers)
                tiers[tier] = new CountRange(Max: MaxLarge);
        }
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
