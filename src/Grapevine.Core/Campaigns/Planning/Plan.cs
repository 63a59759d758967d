namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// A plan: who is chosen with which option, the total cost, the total value after diminishing returns, and
/// how good it is known to be — the solver's best bound on any plan's value and the gap to it
/// ((bound − value) / bound). An infeasible problem has no picks and names its conflicts.
/// </summary>
public sealed record Plan(
    IReadOnlyList<PlanPick> Picks,
    double Cost,
    double Value,
    double? BestBound,
    double? Gap,
    PlanSolver Solver,
    PlanStatus Status,
    double Seconds,
    IReadOnlyList<PlanConflict> Conflicts);

/// <summary>One chosen creator and option; <paramref name="Value"/> is the option's own value, before overlap.</summary>
public sealed record PlanPick(string CandidateId, string Option, double Cost, double Value, bool Gifting);

public enum PlanSolver
{
    /// <summary>Google OR-Tools CP-SAT, exact: optimal when it proves it within its time limit.</summary>
    CpSat,

    /// <summary>Greedy construction plus local search; its bound comes from the linear relaxation.</summary>
    Heuristic,
}

public enum PlanStatus
{
    Optimal,
    Feasible,
    Infeasible,
}

/// <summary>A rule that cannot be met together with others, in words a marketer can act on.</summary>
public sealed record PlanConflict(string Rule, string Message);
