using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// How to plan a campaign this time: the budget (the campaign's when null) and the rules the marketer set on the plan
/// page, the API or the command line. The campaign's own deliverables, gifting cost and must-include / exclude
/// decisions always apply.
/// </summary>
public sealed record PlanRequest
{
    public decimal? Budget { get; init; }
    public int MinCreators { get; init; }
    public int? MaxCreators { get; init; }
    public decimal? MaxPerCreator { get; init; }
    public IReadOnlyDictionary<string, CountRange> Tiers { get; init; } = new Dictionary<string, CountRange>();
    public IReadOnlyDictionary<string, CountRange> Platforms { get; init; } = new Dictionary<string, CountRange>();

    /// <summary>Also plan at other budgets (half to double) to show what more or less money buys.</summary>
    public bool BudgetCurve { get; init; } = true;
}
