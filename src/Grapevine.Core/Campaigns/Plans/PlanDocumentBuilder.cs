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

        // Sums of float prices end in ...0000000002; money is shown and exported to the cent (a sales goal's value is revenue).
        double Value(double value) => goal == CampaignGoal.Sales ? Cents(value) : value;
        creators = [.. creators.Select(c => c with { Cost = Cents(c.Cost), Value = Value(c.Value), Revenue = Cents(c.Revenue) })];
        totals = totals with
        {
            Revenue = totals.Revenue with { Estimate = Cents(totals.Revenue.Estimate) },
            ValueAfterOverlap = Value(totals.ValueAfterOverlap),
        };
        var rules = built.Problem.Rules with { Budget = Cents(built.Problem.Rules.Budget), MaxPerCreator = built.Problem.Rules.MaxPerCreator is { } cap ? Cents(cap) : null };

        // The solver's bound is scaled back from integers and can land a rounding below the value; a bound is never below.
        return new CampaignPlanDocument(campaignId, goal.ToString().ToLowerInvariant(), GoalValue.Unit(goal), rules.Budget, currency,
            plan.Solver == PlanSolver.CpSat ? "cp-sat" : "heuristic", plan.Status.ToString().ToLowerInvariant(),
            Cents(plan.Cost), Value(plan.Value), plan.BestBound is { } bound ? Value(Math.Max(bound, plan.Value)) : null, plan.Gap, plan.Seconds, built.Problem.Candidates.Count,
            creators, totals, Slices(creators, c => c.Tier ?? "unknown"), Slices(creators, c => c.Platform),
            [.. curve.Select(p => p with { Budget = Cents(p.Budget), Cost = Cents(p.Cost), Value = Value(p.Value) })],
            plan.Conflicts, built.LeftOut, assumptions, rules, [], plannedAt)
        {
            CheapestOption = built.Problem.Candidates.SelectMany(c => c.Options).Select(o => (double?)Cents(o.Cost)).Min(),
        };
    }

    /// <summary>An amount of money to the cent.</summary>
    public static double Cents(double amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static Estimate? Cents(Estimate? money) => money is null
        ? null
        : money with { Expected = Cents(money.Expected), Median = Cents(money.Median), Low = Cents(money.Low), High = Cents(money.High) };

    private static List<BudgetSlice> Slices(List<PlannedCreator> creators, Func<PlannedCreator, string> key) =>
        [.. creators.GroupBy(key).Select(g => new BudgetSlice(g.Key, Cents(g.Sum(c => c.Cost)), g.Count())).OrderByDescending(s => s.Cost).ThenBy(s => s.Name, StringComparer.Ordinal)];
}
