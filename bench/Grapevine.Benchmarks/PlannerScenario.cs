using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Benchmarks;

/// <summary>
/// The planner on synthetic shortlists (SyntheticPlanningProblem): on 1,000 candidates the heuristic (median
/// time of several runs, wall clock and CPU of its thread, the linear relaxation included) against every bound
/// known — CP-SAT's own (the better of a run with all workers and one with a single worker, each started from the
/// heuristic's plan, without the relaxation's help),
/// the linear relaxation's, and the better of the two; on 100 candidates CP-SAT's time to prove optimality,
/// configured as the planner runs it (heuristic hint, objective capped by the relaxation). Both sides solve
/// the same instance in the same run.
/// </summary>
public static class PlannerScenario
{
    public static object Run(BenchSettings settings)
    {
        var size = settings.Size ?? 1000;
        var large = SyntheticPlanningProblem.Create(size, settings.Seed);
        var exactLimit = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("GRAPEVINE_BENCH_CPSAT_S") ?? "60", CultureInfo.InvariantCulture));
        var heuristicLimit = TimeSpan.FromMilliseconds(80);
        var workers = Environment.ProcessorCount;

        CampaignPlanner.SolveHeuristic(large, heuristicLimit); // warm-up: JIT
        var runs = new List<(Plan Plan, double CpuMs)>();
        for (var run = 0; run < 7; run++)
        {
            var cpu = ThreadCpuMs();
            var plan = CampaignPlanner.SolveHeuristic(large, heuristicLimit);
            runs.Add((plan, ThreadCpuMs() - cpu));
        }
        var times = runs.Select(r => r.Plan.Seconds * 1000).Order().ToList();
        var cpuTimes = runs.Select(r => r.CpuMs).Order().ToList();
        var values = runs.Select(r => r.Plan.Value).Order().ToList();
        var heuristic = runs.OrderBy(r => r.Plan.Value).ElementAt(runs.Count / 2).Plan; // the median plan
        var violations = runs.Sum(r => PlanChecker.Violations(large, r.Plan.Picks).Count);
        Console.Error.WriteLine($"heuristic on {size}: median value {heuristic.Value:0.###} (min {values[0]:0.###}, max {values[^1]:0.###}), {heuristic.Picks.Count} creators, median {Median(times):0.0} ms wall, {Median(cpuTimes):0.0} ms CPU");
        foreach (var violation in runs.SelectMany(r => PlanChecker.Violations(large, r.Plan.Picks)).Distinct())
            Console.Error.WriteLine($"  heuristic plan breaks a rule: {violation}");

        var lpStarted = Stopwatch.GetTimestamp();
        var lpCpu = ThreadCpuMs();
        var lpBound = CampaignPlanner.UpperBound(large) ?? double.NaN;
        var lpCpuMs = ThreadCpuMs() - lpCpu;
        var lpMs = Stopwatch.GetElapsedTime(lpStarted).TotalMilliseconds;
        // CP-SAT with one worker proves far better bounds here than with 2–4 (whose worker mix does not carry
        // the linear relaxation's bound); both are run and the better bound is CP-SAT's best.
        var exact = CampaignPlanner.SolveExact(large, exactLimit, workers, hint: true);
        var single = CampaignPlanner.SolveExact(large, exactLimit, 1, hint: true);
        Console.Error.WriteLine($"CP-SAT on {size} ({exactLimit.TotalSeconds:0} s, hint, 1 worker): {single.Status} in {single.Seconds:0.00} s, value {single.Value:0.###}, own bound {single.BestBound:0.###}");
        var cpsatBound = Math.Min(exact.BestBound ?? double.NaN, single.BestBound ?? double.NaN);
        if (double.IsNaN(cpsatBound))
            cpsatBound = exact.BestBound ?? single.BestBound ?? double.NaN;
        var bestBound = double.IsNaN(cpsatBound) ? lpBound : Math.Min(cpsatBound, lpBound);
        Console.Error.WriteLine($"CP-SAT on {size} ({exactLimit.TotalSeconds:0} s, hint, {workers} workers): {exact.Status}, value {exact.Value:0.###}, own bound {exact.BestBound:0.###}");
        Console.Error.WriteLine($"LP bound {lpBound:0.###} in {lpMs:0} ms wall, {lpCpuMs:0} ms CPU; best known bound {bestBound:0.###}");
        Console.Error.WriteLine($"heuristic gap: {Gap(cpsatBound, heuristic.Value):P2} to CP-SAT's bound, {Gap(lpBound, heuristic.Value):P2} to the LP bound, {Gap(bestBound, heuristic.Value):P2} to the best bound; {Gap(Math.Max(exact.Value, single.Value), heuristic.Value):P2} under CP-SAT's best plan");

        var small = SyntheticPlanningProblem.Create(100, settings.Seed + 1);
        var smallCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var smallExact = CampaignPlanner.SolveExact(small, TimeSpan.FromSeconds(60), workers, hint: true, capWithLinearBound: true);
        var smallCpuS = (Process.GetCurrentProcess().TotalProcessorTime - smallCpu).TotalSeconds;
        var smallSingle = CampaignPlanner.SolveExact(small, TimeSpan.FromSeconds(60), 1, hint: true, capWithLinearBound: true);
        var smallHeuristic = CampaignPlanner.SolveHeuristic(small, heuristicLimit);
        Console.Error.WriteLine($"CP-SAT on 100 (hint, LP cap, 1 worker): {smallSingle.Status} in {smallSingle.Seconds:0.00} s");
        Console.Error.WriteLine($"CP-SAT on 100 (hint, LP cap, {workers} workers): {smallExact.Status} in {smallExact.Seconds:0.00} s wall, {smallCpuS:0.00} s CPU; heuristic {smallHeuristic.Value:0.###} vs {smallExact.Value:0.###}");

        return new
        {
            scenario = "planner",
            candidates = size,
            heuristic_ms = Math.Round(Median(times), 2),
            heuristic_cpu_ms = Math.Round(Median(cpuTimes), 2),
            heuristic_ms_runs = times.Select(t => Math.Round(t, 2)),
            heuristic_cpu_ms_runs = cpuTimes.Select(t => Math.Round(t, 2)),
            heuristic_value = heuristic.Value,
            heuristic_value_min = values[0],
            heuristic_violations = violations,
            cpsat_value = Math.Max(exact.Value, single.Value),
            cpsat_bound = Number(cpsatBound),
            cpsat_status = exact.Status.ToString(),
            cpsat_s = Math.Round(exact.Seconds, 2),
            cpsat_workers_bound = exact.BestBound,
            cpsat_1_worker_status = single.Status.ToString(),
            cpsat_1_worker_s = Math.Round(single.Seconds, 2),
            cpsat_1_worker_bound = single.BestBound,
            cpsat_limit_s = exactLimit.TotalSeconds,
            lp_bound = Number(lpBound),
            lp_ms = Math.Round(lpMs, 1),
            lp_cpu_ms = Math.Round(lpCpuMs, 1),
            best_bound = Number(bestBound),
            gap = Gap(bestBound, heuristic.Value),
            gap_cpsat_bound = Gap(cpsatBound, heuristic.Value),
            gap_lp_bound = Gap(lpBound, heuristic.Value),
            gap_cpsat_value = Gap(Math.Max(exact.Value, single.Value), heuristic.Value),
            gap_worst_run = Gap(bestBound, values[0]),
            cpsat_100_s = Math.Round(smallExact.Seconds, 3),
            cpsat_100_cpu_s = Math.Round(smallCpuS, 3),
            cpsat_100_optimal = smallExact.Status == PlanStatus.Optimal,
            cpsat_100_1_worker_s = Math.Round(smallSingle.Seconds, 3),
            cpsat_100_1_worker_optimal = smallSingle.Status == PlanStatus.Optimal,
            heuristic_100_gap = Gap(smallExact.Value, smallHeuristic.Value),
            workers,
            load_average_1m = BenchSettings.LoadAverage(),
        };
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    // JSON has no NaN: a missing number is null.
    private static double? Number(double x) => double.IsNaN(x) ? null : x;

    private static double? Gap(double bound, double value) =>
        double.IsNaN(bound) || bound <= 0 ? null : (bound - value) / bound;

    /// <summary>CPU time of the calling thread (Linux), so that a loaded machine does not inflate the heuristic's time.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ThreadCpuClock, out var time) != 0)
            return double.NaN;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
