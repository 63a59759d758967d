using Google.OrTools.LinearSolver;

namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// An upper bound on the value of any plan: the linear relaxation of the exact model (each creator may be
/// taken fractionally), solved with GLOP. The heuristic's gap is measured against it, and the heuristic
/// starts from its solution rounded (almost every variable of an optimal vertex is already 0 or 1).
/// </summary>
internal static class LinearBound
{
    public static double? Compute(PlanModel model) => Solve(model)?.Bound;

    /// <summary>The relaxation's optimal value and each option's fractional share, or null when GLOP fails.</summary>
    public static LinearRelaxation? Solve(PlanModel model)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = new Variable[model.Count][];
        var budget = solver.MakeConstraint(double.NegativeInfinity, model.Budget, "budget");
        var creators = solver.MakeConstraint(model.MinCreators, model.MaxCreators == int.MaxValue ? double.PositiveInfinity : model.MaxCreators, "creators");
        var tiers = Counts(solver, model.TierMin, model.TierMax, "tier");
        var platforms = Counts(solver, model.PlatformMin, model.PlatformMax, "platform");
        var groupSums = new Constraint[model.GroupNames.Length];
        var objective = solver.Objective();
        for (var g = 0; g < groupSums.Length; g++)
        {
            if (model.Curves[g] is not { } curve)
                continue;
            var s = solver.MakeNumVar(0, double.PositiveInfinity, $"s{g}");
            var z = solver.MakeNumVar(0, curve.Breakpoints.Last().F, $"z{g}");
            groupSums[g] = solver.MakeConstraint(0, 0, $"sum{g}");
            groupSums[g].SetCoefficient(s, -1);
            var points = curve.Breakpoints.ToList();
            for (var k = 0; k + 1 < points.Count; k++)
            {
                // z − slope·s ≤ f0 − slope·s0
                var slope = (points[k + 1].F - points[k].F) / (points[k + 1].S - points[k].S);
                var line = solver.MakeConstraint(double.NegativeInfinity, points[k].F - slope * points[k].S, $"line{g}_{k}");
                line.SetCoefficient(z, 1);
                line.SetCoefficient(s, -slope);
            }
            objective.SetCoefficient(z, 1);
        }
        for (var i = 0; i < model.Count; i++)
        {
            var one = solver.MakeConstraint(model.Must[i] ? 1 : 0, 1, $"one{i}");
            x[i] = new Variable[model.Options[i].Length];
            for (var o = 0; o < x[i].Length; o++)
            {
                var option = model.Options[i][o];
                var v = x[i][o] = solver.MakeNumVar(0, 1, $"x{i}_{o}");
                one.SetCoefficient(v, 1);
                budget.SetCoefficient(v, option.Cost);
                creators.SetCoefficient(v, 1);
                tiers[model.Tier[i]]?.SetCoefficient(v, 1);
                platforms[model.Platform[i]]?.SetCoefficient(v, 1);
                if (groupSums[model.Group[i]] is { } sum)
                    sum.SetCoefficient(v, option.Value);
                else
                    objective.SetCoefficient(v, option.Value);
            }
        }
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
            return null;
        var shares = x.Select(options => options.Select(v => v.SolutionValue()).ToArray()).ToArray();
        // The price of a creator slot in dollars: what one more slot is worth over what one more dollar is.
        var dollar = Math.Abs(budget.DualValue());
        var slot = dollar > 1e-12 ? Math.Abs(creators.DualValue()) / dollar : 0;
        return new LinearRelaxation(objective.Value(), shares, slot);
    }

    private static Constraint?[] Counts(Solver solver, int[] min, int[] max, string what) =>
        min.Select((m, k) => m == 0 && max[k] == int.MaxValue
            ? null
            : solver.MakeConstraint(m, max[k] == int.MaxValue ? double.PositiveInfinity : max[k], $"{what}{k}")).ToArray();
}
