using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>Puts a solved plan and what its options stand for into the document people read.</summary>
public static class PlanDocumentBuilder
{
    public static CampaignPlanDocument Build(
        Guid? campaignId,
        CampaignGoal goal,
        string currency,
        BuiltProblem built,
        Plan plan,
        IReadOnlyList<PlanCandidateInput> inputs,
        IReadOnlyList<BudgetPoint> curve,
        ForecastAssumptions? assumptions,
        DateTime plannedAt)
    {
        var byId = inputs.ToDictionary(i => i.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var creators = new List<PlannedCreator>();
        foreach (var pick in plan.Picks)
        {
            var c = byId[pick.CandidateId];
            var detail = built.Options[pick.CandidateId][pick.Option];
            var f = detail.Forecasts;
            creators.Add(new PlannedCreator(c.AccountId, c.Platform.Name(), c.Handle, c.Tier, c.PrimaryNiche, c.Country,
                pick.Option, pick.Cost, detail.PriceSource, pick.Gifting, pick.Value,
                EstimateSum.Within([.. f.Select(x => x.Impressions)]),
                EstimateSum.Within([.. f.Select(x => x.Reach)]),
                EstimateSum.Within([.. f.Select(x => x.Engagements)]),
                EstimateSum.Within([.. f.Select(x => x.Clicks)]),
                EstimateSum.Within([.. f.Select(x => x.Conversions)]),
                EstimateSum.Within([.. f.Select(x => x.Revenue)]),
                f.Count == 0 ? 0 : f.Min(x => x.PostsUsed),
                string.Join(" ", f.Select(x => x.Basis).Distinct())));
        }
        creators.Sort((a, b) => b.Value.CompareTo(a.Value) is var byValue and not 0 ? byValue : a.AccountId.CompareTo(b.AccountId));

        // Clicks, orders and revenue are each creator's impressions times the campaign's rates: one set of rates for
        // every creator, so the totals take the rates' uncertainty once, on the sum of the impressions behind them.
        var converted = EstimateSum.Of(creators.Where(c => c.Clicks is not null).Select(c => c.Impressions));
        var totals = new PlanTotals(
            EstimateSum.Of(creators.Select(c => c.Impressions)),
            EstimateSum.Of(creators.Select(c => c.Reach)),
            EstimateSum.Of(creators.Select(c => c.Engagements)),
            assumptions is null ? EstimateSum.Of(creators.Select(c => c.Clicks)) : EstimateSum.Scaled(converted, assumptions.ClickThrough),
            assumptions is null ? EstimateSum.Of(creators.Select(c => c.Conversions)) : EstimateSum.Scaled(converted, assumptions.ToConversions),
            assumptions is null ? EstimateSum.Of(creators.Select(c => c.Revenue)) : EstimateSum.Scaled(converted, assumptions.ToRevenue),
            plan.Value);

        return new CampaignPlanDocument(campaignId, goal.ToString().ToLowerInvariant(), GoalValue.Unit(goal), built.Problem.Rules.Budget, currency,
            plan.Solver == PlanSolver.CpSat ? "cp-sat" : "heuristic", plan.Status.ToString().ToLowerInvariant(),
            plan.Cost, plan.Value, plan.BestBound, plan.Gap, plan.Seconds, built.Problem.Candidates.Count,
            creators, totals, Slices(creators, c => c.Tier ?? "unknown"), Slices(creators, c => c.Platform), curve,
            plan.Conflicts, built.LeftOut, assumptions, built.Problem.Rules, [], plannedAt)
        {
            CheapestOption = built.Problem.Candidates.SelectMany(c => c.Options).Select(o => (double?)o.Cost).Min(),
        };
    }

    private static List<BudgetSlice> Slices(List<PlannedCreator> creators, Func<PlannedCreator, string> key) =>
        [.. creators.GroupBy(key).Select(g => new BudgetSlice(g.Key, Math.Round(g.Sum(c => c.Cost), 2), g.Count())).OrderByDescending(s => s.Cost).ThenBy(s => s.Name, StringComparer.Ordinal)];
}
