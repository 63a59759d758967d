using System.Globalization;
using System.Text.RegularExpressions;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Plans candidates that have prices and forecasts: builds the problem, solves it at the budget, and, when asked,
/// at half to twice the budget with the heuristic (its gap to the linear bound reported) to show what more or less
/// money buys. Rules that depend on the budget (a first test's cap of budget ÷ 8 and its creator counts) are rebuilt
/// for each budget of the curve by <c>rulesAt</c>, so each point is what planning at that budget gives. Conflicts name
/// creators by handle, with the reason a must-include creator was left out before planning (<c>leftOutBefore</c>).
/// </summary>
public static partial class CampaignPlanning
{
    public static readonly IReadOnlyList<double> CurveFactors = [0.5, 0.75, 1.25, 1.5, 2.0];

    private static readonly PlannerSettings CurveSettings = new() { ExactUpTo = 0 };

    public static CampaignPlanDocument Plan(
        PlanSpec spec,
        PlanRules rules,
        IReadOnlyList<PlanCandidateInput> inputs,
        bool budgetCurve,
        ForecastAssumptions? assumptions,
        DateTime now,
        PlannerSettings? settings = null,
        Func<double, PlanRules>? rulesAt = null,
        IReadOnlyList<LeftOut>? leftOutBefore = null)
    {
        var built = CampaignProblemBuilder.Build(spec.Goal, spec.Deliverables, spec.ProductCost, inputs, rules);
        var plan = CampaignPlanner.Solve(built.Problem, settings);
        var handles = inputs.Select(i => (i.AccountId, i.Handle)).Concat((leftOutBefore ?? []).Select(l => (l.AccountId, l.Handle)))
            .DistinctBy(h => h.AccountId).ToDictionary(h => h.AccountId.ToString(CultureInfo.InvariantCulture), h => "@" + h.Handle);
        var leftOut = built.LeftOut.Concat(leftOutBefore ?? []).DistinctBy(l => l.AccountId).ToDictionary(l => $"must include {l.AccountId.ToString(CultureInfo.InvariantCulture)}", l => $"@{l.Handle} must be included but cannot be planned: {l.Reason}.");
        plan = plan with
        {
            Conflicts = [.. plan.Conflicts.Select(c => new PlanConflict(Named(c.Rule, handles),
                leftOut.TryGetValue(c.Rule, out var why) ? why : Named(c.Message, handles)))],
        };

        var curve = new List<BudgetPoint>();
        if (budgetCurve && plan.Status != PlanStatus.Infeasible)
        {
            foreach (var factor in CurveFactors.Where(f => f < 1).Append(1.0).Concat(CurveFactors.Where(f => f > 1)))
            {
                if (factor == 1.0)
                {
                    curve.Add(Point(rules.Budget, plan));
                    continue;
                }
                var budget = Math.Round(rules.Budget * factor, 2);
                var atBudget = rulesAt is null
                    ? built.Problem.Rules with { Budget = budget }
                    : rulesAt(budget) with { MustInclude = built.Problem.Rules.MustInclude, Exclude = built.Problem.Rules.Exclude };
                var other = built.Problem with { Rules = atBudget };
                var p = CampaignPlanner.Solve(other, CurveSettings);
                if (p.Status != PlanStatus.Infeasible)
                    curve.Add(Point(other.Rules.Budget, p));
            }
        }
        return PlanDocumentBuilder.Build(spec.CampaignId, spec.Goal, spec.Currency, built, plan, inputs, curve, assumptions, now);
    }

    private static BudgetPoint Point(double budget, Plan p) =>
        new(budget, p.Cost, p.Value, p.Picks.Count, p.Solver == PlanSolver.CpSat ? "cp-sat" : "heuristic", p.Gap);

    private static string Named(string text, Dictionary<string, string> handles) =>
        Number().Replace(text, m => handles.TryGetValue(m.Value, out var h) ? h : m.Value);

    // Candidate ids appear in the planner's must-include messages ("must include 42", "42 must be included …").
    [GeneratedRegex(@"(?<=must include )\d+\b|\b\d+(?= must be included| is both)")]
    private static partial Regex Number();
}
