namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// What the planner solves: choose at most one option per candidate to maximise the total value after
/// diminishing returns within each overlap group, under <see cref="Rules"/>. A group missing from
/// <see cref="Saturation"/> has no overlap (its value adds up linearly).
/// </summary>
public sealed record PlanningProblem(
    IReadOnlyList<PlanCandidate> Candidates,
    PlanRules Rules,
    IReadOnlyDictionary<string, double> Saturation);
