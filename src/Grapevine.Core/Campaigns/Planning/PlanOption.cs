namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// One way to work with a creator: a deliverable bundle (e.g. "1 feed post + 2 stories"), what it costs
/// (the fee, or for gifting the product's cost) and the goal value expected from it (reach, engagements,
/// conversions or revenue, in the goal's unit).
/// </summary>
public sealed record PlanOption(string Name, double Cost, double Value, bool Gifting = false);
