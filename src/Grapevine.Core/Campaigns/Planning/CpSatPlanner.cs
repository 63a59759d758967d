using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// The exact planner: the problem as a CP-SAT model (Google OR-Tools). One boolean per candidate and option;
/// each overlap group's value is its piecewise-linear diminishing-returns curve, written as segments filled in
/// order (exact, since the curve is concave and the objective maximises it). Costs are whole cents and values
/// are scaled to integers (about 10⁶ for the whole candidate set), so the rounding is far below any gap reported.
/// Every rule is guarded by a literal, so that when the rules cannot all hold CP-SAT names a set of them
/// that conflict.
/// </summary>
internal sealed class CpSatPlanner(PlanModel model)
{
    // Small enough that CP-SAT's linear relaxation can reason about the objective exactly (with values scaled
    // to 10⁸ and slopes to 10⁶ its bound stayed 6% above the linear relaxation's), large enough that rounding
    // moves any plan's value by well under 0.01%.
    private const double ValueResolution = 1e6;
    private const long SlopeResolution = 10_000;

    /// <param name="timeLimit">How long CP-SAT may search.</param>
    /// <param name="workers">CP-SAT's worker threads.</param>
    /// <param name="hint">A plan to start from (the heuristic's): CP-SAT begins its search there.</param>
    /// <param name="upperBound">
    /// A known bound on any plan's value (the linear relaxation's), given to CP-SAT as a cap on its objective
    /// so that its own bound starts there. The cap is loosened by far more than the rounding of values and
    /// slopes, so no plan is cut off.
    /// </param>
    public Plan Solve(TimeSpan timeLimit, int workers, int[]? hint = null, double? upperBound = null)
    {
        var started = Stopwatch.GetTimestamp();
        var built = Build(hint);
        if (upperBound is { } cap && cap > 0)
        {
            var units = cap * built.Scale * SlopeResolution;
            // Slopes rounded up add at most one unit per unit of value; values and breakpoints rounded to the
            // nearest unit move at most half a unit each, at a slope of at most one.
            var rounding = (long)ValueResolution + (model.Count + 16L * model.GroupNames.Length + 1) * SlopeResolution;
            built.Model.Add(built.Objective <= (long)Math.Ceiling(units * (1 + 1e-5)) + rounding);
        }
        foreach (var rule in built.Rules)
            built.Model.AddBoolOr([rule.Literal]);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{timeLimit.TotalSeconds} num_workers:{workers} linearization_level:2 log_search_progress:false"),
        };
        var status = solver.Solve(built.Model);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new Plan([], 0, 0, null, null, PlanSolver.CpSat, PlanStatus.Infeasible, seconds, []);
        var choice = Enumerable.Repeat(-1, model.Count).ToArray();
        for (var i = 0; i < model.Count; i++)
        {
            for (var o = 0; o < built.X[i].Length; o++)
            {
                if (solver.BooleanValue(built.X[i][o]))
                    choice[i] = o;
            }
        }
        var bound = solver.BestObjectiveBound / built.Scale / SlopeResolution;
        return model.ToPlan(choice, bound, PlanSolver.CpSat,
            status == CpSolverStatus.Optimal ? PlanStatus.Optimal : PlanStatus.Feasible, seconds);
    }

    /// <summary>
    /// When the rules cannot all hold: a small set of them that cannot hold together (each one needed: without
    /// any of them the rest can be met), or an empty list when the solver found a plan after all.
    /// </summary>
    public IReadOnlyList<string> Conflicting(TimeSpan timeLimit)
    {
        var built = Build(hint: null);
        var active = Enumerable.Range(0, built.Rules.Count).ToList();
        var core = Infeasible(built, active, timeLimit);
        if (core is null)
            return [];
        // Drop each rule in turn; keep it only when the rest become feasible without it.
        foreach (var rule in core.ToList())
        {
            var without = core.Where(r => r != rule).ToList();
            if (Infeasible(built, without, timeLimit) is { } smaller)
                core = smaller;
        }
        return core.Select(r => built.Rules[r].Name).ToList();
    }

    private static List<int>? Infeasible(BuiltModel built, List<int> active, TimeSpan timeLimit)
    {
        built.Model.ClearAssumptions();
        built.Model.AddAssumptions(active.Select(r => (ILiteral)built.Rules[r].Literal));
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{timeLimit.TotalSeconds} num_workers:1 log_search_progress:false"),
        };
        var status = solver.Solve(built.Model);
        if (status != CpSolverStatus.Infeasible)
            return null;
        return solver.SufficientAssumptionsForInfeasibility()
            .Select(index => built.Rules.FindIndex(r => r.Literal.GetIndex() == index))
            .Where(r => r >= 0)
            .Distinct()
            .ToList();
    }

    private sealed record Rule(string Name, BoolVar Literal);

    private sealed record BuiltModel(CpModel Model, BoolVar[][] X, List<Rule> Rules, double Scale, LinearExpr Objective);

    private BuiltModel Build(int[]? hint)
    {
        var cp = new CpModel();
        var rules = new List<Rule>();
        BoolVar RuleLiteral(string name)
        {
            var literal = cp.NewBoolVar(name);
            rules.Add(new Rule(name, literal));
            return literal;
        }

        var maxTotal = Enumerable.Range(0, model.Count)
            .Sum(i => model.Options[i].Length == 0 ? 0 : model.Options[i].Max(o => o.Value));
        var scale = maxTotal > 0 ? ValueResolution / maxTotal : 1;

        var x = new BoolVar[model.Count][];
        var all = new List<BoolVar>();
        var costs = new List<long>();
        for (var i = 0; i < model.Count; i++)
        {
            x[i] = new BoolVar[model.Options[i].Length];
            for (var o = 0; o < x[i].Length; o++)
            {
                x[i][o] = cp.NewBoolVar($"x{i}_{o}");
                all.Add(x[i][o]);
                costs.Add(Cents(model.Options[i][o].Cost));
                if (hint is not null)
                    cp.AddHint(x[i][o], hint[i] == o ? 1 : 0);
            }
            cp.AddAtMostOne(x[i]);
            if (model.Must[i])
                cp.Add(LinearExpr.Sum(x[i]) == 1).OnlyEnforceIf(RuleLiteral($"must include {model.Candidates[i].Id}"));
        }

        cp.Add(LinearExpr.WeightedSum(all, costs) <= (long)Math.Floor(model.Budget * 100 + 1e-6))
            .OnlyEnforceIf(RuleLiteral("budget"));
        var chosen = Enumerable.Range(0, model.Count).Select(i => LinearExpr.Sum(x[i])).ToList();
        if (model.MinCreators > 0)
            cp.Add(LinearExpr.Sum(chosen) >= model.MinCreators).OnlyEnforceIf(RuleLiteral("minimum number of creators"));
        if (model.MaxCreators < int.MaxValue)
            cp.Add(LinearExpr.Sum(chosen) <= model.MaxCreators).OnlyEnforceIf(RuleLiteral("maximum number of creators"));
        AddCounts(cp, x, model.Tier, model.TierNames, model.TierMin, model.TierMax, "tier", RuleLiteral);
        AddCounts(cp, x, model.Platform, model.PlatformNames, model.PlatformMin, model.PlatformMax, "platform", RuleLiteral);

        var objective = new List<LinearExpr>();
        for (var g = 0; g < model.GroupNames.Length; g++)
        {
            var members = Enumerable.Range(0, model.Count).Where(i => model.Group[i] == g).ToList();
            var vars = members.SelectMany(i => x[i]).ToList();
            var values = members.SelectMany(i => model.Options[i].Select(o => (long)Math.Round(o.Value * scale))).ToList();
            var hinted = hint is null ? 0 : members.Where(i => hint[i] >= 0).Sum(i => (long)Math.Round(model.Options[i][hint[i]].Value * scale));
            var sum = LinearExpr.WeightedSum(vars, values);
            if (model.Curves[g] is not { } curve)
            {
                objective.Add(LinearExpr.WeightedSum(vars, values.Select(v => v * SlopeResolution)));
                continue;
            }
            // The curve as consecutive segments u₀ … uₖ of the group's sum, each up to its length and worth its
            // slope per unit; the slopes fall, so the best fill is always from the first segment on, and the
            // linear relaxation is exactly the curve. Slopes are rounded up to 1e-6, so the bound stays a bound.
            var points = curve.Breakpoints.Select(p => (S: (long)Math.Round(p.S * scale), p.F, p.S)).ToList();
            var segments = new List<IntVar>();
            var slopes = new List<long>();
            for (var k = 0; k + 1 < points.Count; k++)
            {
                var length = points[k + 1].Item1 - points[k].Item1;
                if (length <= 0)
                    continue;
                var slope = (points[k + 1].F - points[k].F) / (points[k + 1].Item3 - points[k].Item3);
                segments.Add(cp.NewIntVar(0, length, $"u{g}_{k}"));
                slopes.Add((long)Math.Ceiling(slope * SlopeResolution - 1e-9));
                HintFill(cp, hint, segments[^1], length, ref hinted);
            }
            // Past the last breakpoint the group adds nothing: an unpaid overflow segment takes the rest.
            segments.Add(cp.NewIntVar(0, Math.Max(0, values.Sum() - points[^1].Item1), $"u{g}_rest"));
            slopes.Add(0);
            HintFill(cp, hint, segments[^1], long.MaxValue, ref hinted);
            cp.Add(LinearExpr.Sum(segments) == sum);
            objective.Add(LinearExpr.WeightedSum(segments, slopes));
        }
        var total = LinearExpr.Sum(objective);
        cp.Maximize(total);
        return new BuiltModel(cp, x, rules, scale, total);
    }

    // A complete hint: the hinted plan's group sum fills the segments in order, as the optimum would.
    private static void HintFill(CpModel cp, int[]? hint, IntVar segment, long length, ref long left)
    {
        if (hint is null)
            return;
        var fill = Math.Min(length, left);
        cp.AddHint(segment, fill);
        left -= fill;
    }

    private void AddCounts(
        CpModel cp, BoolVar[][] x, int[] of, string[] names, int[] min, int[] max, string what, Func<string, BoolVar> rule)
    {
        for (var k = 0; k < names.Length; k++)
        {
            if (min[k] == 0 && max[k] == int.MaxValue)
                continue;
            var members = Enumerable.Range(0, model.Count).Where(i => of[i] == k).SelectMany(i => x[i]).ToList();
            var count = LinearExpr.Sum(members);
            if (min[k] > 0)
                cp.Add(count >= min[k]).OnlyEnforceIf(rule($"at least {min[k]} {names[k]} creators ({what})"));
            if (max[k] < int.MaxValue)
                cp.Add(count <= max[k]).OnlyEnforceIf(rule($"at most {max[k]} {names[k]} creators ({what})"));
        }
    }

    // Rounded up, so that a plan within the budget in cents is within it in dollars too.
    private static long Cents(double cost) => (long)Math.Ceiling(cost * 100 - 1e-6);
}
