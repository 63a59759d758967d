using System.Globalization;
using Grapevine.Core.Campaigns.FirstTest;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Only a plan that chooses someone becomes the campaign's plan, from the page, the API and the command line alike: a try
/// that meets no plan or chooses nobody would otherwise replace a useful plan with an empty one. Says why, with the
/// planner's reasons, naming the API's fields.
/// </summary>
public static class PlanNotSaved
{
    public static bool CanBeSaved(CampaignPlanDocument plan) => plan.Status != "infeasible" && plan.Creators.Count > 0;

    /// <summary>Why the plan is not kept as the campaign's latest; null when it can be.</summary>
    public static string? Reason(CampaignPlanDocument plan)
    {
        if (CanBeSaved(plan))
            return null;
        const string notSaved = "Not saved (the campaign's latest plan is unchanged): ";
        if (plan.Status == "infeasible")
            return notSaved + "no plan meets every rule. " + string.Join(" ", plan.Conflicts.Select(c => $"{c.Rule}: {c.Message}"));
        return notSaved + "the plan chooses nobody: " + WhyNobody(plan);
    }

    private static string WhyNobody(CampaignPlanDocument plan)
    {
        if (plan.Candidates == 0 && plan.LeftOut.Count == 0)
            return "every candidate of the campaign is excluded. Set one back to open or add candidates.";
        if (plan.Candidates == 0)
        {
            return $"none of the {Count(plan.LeftOut.Count)} could be considered: a creator needs a price and a forecast (leftOut says why for each). " +
                "Import their follower counts and recent posts, or add other candidates.";
        }
        var considered = Count(plan.Candidates);
        // A first test caps each creator at budget ÷ 8 (docs/first-test.md): reaching the cheapest option takes 8 times its price.
        if (plan.Notes.Count > 0 && plan.CheapestOption is { } lowest && plan.Rules.MaxPerCreator is { } testCap && lowest > testCap)
        {
            var needed = FirstTestRules.BudgetNeeded(lowest);
            return $"a first test pays each creator at most the budget ÷ {FirstTestRules.TargetCreators} ({PlanCurrency.Show(testCap)}), below the cheapest option of the {considered} " +
                $"({PlanCurrency.Show(lowest)}). Raise budget to at least {PlanCurrency.Show(needed)}, add cheaper nano or micro candidates, or plan without the first test.";
        }
        if (plan.CheapestOption is { } cheapest && cheapest > plan.Budget)
            return $"budget ({PlanCurrency.Show(plan.Budget)}) is below the cheapest option of the {considered} ({PlanCurrency.Show(cheapest)}). Raise budget to at least {PlanCurrency.Show(cheapest)}.";
        if (plan.CheapestOption is { } least && plan.Rules.MaxPerCreator is { } cap && least > cap)
            return $"maxPerCreator ({PlanCurrency.Show(cap)}) is below the cheapest option of the {considered} ({PlanCurrency.Show(least)}). Raise it to at least {PlanCurrency.Show(least)} or leave it out.";
        return $"no option of the {considered} fits the budget and the rules together. Loosen maxPerCreator, minCreators, maxCreators, tiers or platforms, or raise budget.";
    }

    // An amount to reach: never rounded down.
    private static string Count(int n) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} candidate{(n == 1 ? "" : "s")}";
}
