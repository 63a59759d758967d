using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// A campaign turned into a planning problem: the problem, what each option stands for (by candidate id, then option
/// name), the overlap share estimated for each group, and the accounts left out with the reason.
/// </summary>
public sealed record BuiltProblem(
    PlanningProblem Problem,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, PlanOptionDetail>> Options,
    IReadOnlyDictionary<string, double> OverlapShares,
    IReadOnlyList<LeftOut> LeftOut);

/// <summary>A candidate the planner could not consider, and why.</summary>
public sealed record LeftOut(long AccountId, string Handle, string Reason);
