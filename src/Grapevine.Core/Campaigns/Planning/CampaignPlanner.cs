using System.Diagnostics;

namespace Grapevine.Core.Campaigns.Planning;

/// <summary>Which solver to use and how long each may take.</summary>
public sealed record PlannerSettings
{
    /// <summary>Up to this many candidates CP-SAT solves the plan (seeded with the heuristic's); above it the heuristic does.</summary>
    public int ExactUpTo { get; init; } = 300;
    public TimeSpan ExactTimeLimit { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan HeuristicTimeLimit { get; init; } = TimeSpan.FromMilliseconds(80);
    // One worker: on the synthetic shortlists a single CP-SAT worker proved optimality on 1,000 candidates in
    // 0.8 s and on 100 in 0.09 s, while 2–4 workers ran 30 s with a bound 5% too high (docs/planner.md).
    public int Workers { get; init; } = 1;

    public static readonly PlannerSettings Default = new();
}

/// <summary>
/// Turns a planning problem into a plan: prechecks the rules, then solves small problems exactly with
/// CP-SAT and large ones with the heuristic (its gap measured against the linear relaxation). When no plan
/// can meet the rules, the plan is Infeasible and names the rules that conflict.
/// </summary>
public static class CampaignPlanner
{
    public static Plan Solve(PlanningProblem problem, PlannerSettings? settings = null)
    {
        settings ??= PlannerSettings.Default;
        var started = Stopwatch.GetTimestamp();
        var model = new PlanModel(problem);
        var conflicts = PlanPrechecks.Find(problem, model);
        if (conflicts.Count > 0)
            return Infeasible(conflicts, PlanSolver.Heuristic, started);

        var relaxation = LinearBound.Solve(model);
        var heuristic = new HeuristicPlanner(model, settings.HeuristicTimeLimit, relaxation).Solve();
        if (model.Count <= settings.ExactUpTo || heuristic is null)
        {
            var exact = new CpSatPlanner(model).Solve(settings.ExactTimeLimit, settings.Workers, heuristic, relaxation?.Bound);
            if (exact.Status != PlanStatus.Infeasible)
                return WithBestBound(exact, relaxation?.Bound) with { Seconds = Seconds(started) };
            if (heuristic is null)
            {
                var names = new CpSatPlanner(model).Conflicting(settings.ExactTimeLimit);
                return Infeasible(names.Count == 0
                    ? [new PlanConflict("time limit", "No plan meeting every rule was found within the time limit; loosen a rule or raise the limit.")]
                    : names.Select(n => new PlanConflict(n, $"Cannot be met together with the other rules named here: {string.Join("; ", names)}.")).ToList(),
                    PlanSolver.CpSat, started);
            }
        }
        return model.ToPlan(heuristic, relaxation?.Bound, PlanSolver.Heuristic, PlanStatus.Feasible, Seconds(started));
    }

    /// <summary>
    /// The heuristic alone (with the linear relaxation it starts from and reports as its bound), without
    /// prechecks or CP-SAT: for benchmarks that time it on its own. The time limit covers the relaxation too.
    /// </summary>
    public static Plan SolveHeuristic(PlanningProblem problem, TimeSpan timeLimit)
    {
        var started = Stopwatch.GetTimestamp();
        var model = new PlanModel(problem);
        var relaxation = LinearBound.Solve(model);
        var choice = new HeuristicPlanner(model, timeLimit, relaxation).Solve(started);
        return choice is null
            ? Infeasible([new PlanConflict("heuristic", "The heuristic found no plan meeting every rule.")], PlanSolver.Heuristic, started)
            : model.ToPlan(choice, relaxation?.Bound, PlanSolver.Heuristic, PlanStatus.Feasible, Seconds(started));
    }

    /// <summary>
    /// CP-SAT alone, with its own time limit and workers: for benchmarks and for the exact side of comparisons.
    /// With <paramref name="hint"/> it starts from the heuristic's plan (found within <paramref name="hintTimeLimit"/>,
    /// 80 ms by default); with <paramref name="capWithLinearBound"/> its objective is capped by the linear relaxation
    /// (so its bound is never weaker than that). Without both, the bound reported is CP-SAT's own.
    /// </summary>
    public static Plan SolveExact(
        PlanningProblem problem, TimeSpan timeLimit, int workers, bool hint = false, bool capWithLinearBound = false, TimeSpan? hintTimeLimit = null)
    {
        var model = new PlanModel(problem);
        var relaxation = hint || capWithLinearBound ? LinearBound.Solve(model) : null;
        var start = hint ? new HeuristicPlanner(model, hintTimeLimit ?? TimeSpan.FromMilliseconds(80), relaxation).Solve() : null;
        var plan = new CpSatPlanner(model).Solve(timeLimit, workers, start, capWithLinearBound ? relaxation?.Bound : null);
        return capWithLinearBound ? WithBestBound(plan, relaxation?.Bound) : plan;
    }

    // Both bounds are valid: report the tighter one, and the gap to it.
    private static Plan WithBestBound(Plan plan, double? linearBound)
    {
        if (plan.Status == PlanStatus.Infeasible || linearBound is not { } lp || plan.BestBound is { } own && own <= lp)
            return plan;
        var gap = lp <= 0 ? 0 : Math.Max(0, (lp - plan.Value) / lp);
        return plan with { BestBound = lp, Gap = gap };
    }

    /// <summary>The linear-relaxation bound on any plan's value.</summary>
    public static double? UpperBound(PlanningProblem problem) => LinearBound.Compute(new PlanModel(problem));

    private static Plan Infeasible(IReadOnlyList<PlanConflict> conflicts, PlanSolver solver, long started) =>
        new([], 0, 0, null, null, solver, PlanStatus.Infeasible, Seconds(started), conflicts);

    private static double Seconds(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;
}
