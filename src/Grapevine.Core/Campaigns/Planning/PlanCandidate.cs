namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// A creator the planner may choose, with the options open to them. Creators in the same
/// <paramref name="OverlapGroup"/> (e.g. the same niche and country) reach partly the same people.
/// </summary>
public sealed record PlanCandidate(string Id, string Tier, string Platform, string OverlapGroup, IReadOnlyList<PlanOption> Options);
