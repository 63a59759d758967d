using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Benchmarks;

/// <summary>
/// The planner on synthetic shortlists (SyntheticPlanningProblem): on 1,000 candidates the heuristic (median
/// time of several runs) against CP-SAT's best bound after a long run; on 100 candidates CP-SAT's time to
/// prove optimality. Both sides solve the same instance in the same run.
/// </summary>
public static class PlannerScenario
{
    public static object Run(BenchSettings settings)
    {
        var size = settings.Size ?? 1000;
        var large = SyntheticPlanningProblem.Create(size, settings.Seed);
        var exactLimit = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("GRAPEVINE_BENCH_CPSAT_S") ?? "60", System.Globalization.CultureInfo.InvariantCulture));
        var heuristicLimit = TimeSpan.FromMilliseconds(80);

        CampaignPlanner.SolveHeuristic(large, heuristicLimit); // warm-up: JIT
        var runs = Enumerable.Range(0, 7).Select(_ => CampaignPlanner.SolveHeuristic(large, heuristicLimit)).ToList();
        var heuristic = runs[0];
        var times = runs.Select(r => r.Seconds * 1000).Order().ToList();
        Console.Error.WriteLine($"heuristic on {size}: value {heuristic.Value:0.###}, {heuristic.Picks.Count} creators, median {times[times.Count / 2]:0.0} ms");
        foreach (var violation in PlanChecker.Violations(large, heuristic.Picks))
            Console.Error.WriteLine($"  heuristic plan breaks a rule: {violation}");

        var lpStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var lpBound = CampaignPlanner.UpperBound(large);
        var lpMs = System.Diagnostics.Stopwatch.GetElapsedTime(lpStarted).TotalMilliseconds;
        var exact = CampaignPlanner.SolveExact(large, exactLimit, Environment.ProcessorCount);
        var bound = exact.BestBound ?? double.NaN;
        Console.Error.WriteLine($"CP-SAT on {size}: {exact.Status}, value {exact.Value:0.###}, bound {bound:0.###}, {exact.Seconds:0.0} s; LP bound {lpBound:0.###} in {lpMs:0} ms");

        var small = SyntheticPlanningProblem.Create(100, settings.Seed + 1);
        var smallExact = CampaignPlanner.SolveExact(small, TimeSpan.FromSeconds(60), Environment.ProcessorCount);
        var smallHeuristic = CampaignPlanner.SolveHeuristic(small, heuristicLimit);
        Console.Error.WriteLine($"CP-SAT on 100: {smallExact.Status} in {smallExact.Seconds:0.00} s; heuristic {smallHeuristic.Value:0.###} vs {smallExact.Value:0.###}");

        return new
        {
            scenario = "planner",
            candidates = size,
            heuristic_ms = Math.Round(times[times.Count / 2], 2),
            heuristic_ms_runs = times.Select(t => Math.Round(t, 2)),
            heuristic_value = heuristic.Value,
            heuristic_violations = PlanChecker.Violations(large, heuristic.Picks).Count,
            cpsat_value = exact.Value,
            cpsat_bound = bound,
            cpsat_status = exact.Status.ToString(),
            cpsat_s = Math.Round(exact.Seconds, 2),
            gap = (bound - heuristic.Value) / bound,
            gap_cpsat_value = (exact.Value - heuristic.Value) / exact.Value,
            lp_bound = lpBound,
            lp_ms = Math.Round(lpMs, 1),
            cpsat_100_s = Math.Round(smallExact.Seconds, 3),
            cpsat_100_optimal = smallExact.Status == PlanStatus.Optimal,
            heuristic_100_gap = (smallExact.Value - smallHeuristic.Value) / smallExact.Value,
            workers = Environment.ProcessorCount,
            load_average_1m = BenchSettings.LoadAverage(),
        };
    }
}
