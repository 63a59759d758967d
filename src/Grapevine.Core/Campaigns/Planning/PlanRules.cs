namespace Grapevine.Core.Campaigns.Planning;

/// <summary>The constraints of a plan. Every limit is optional except the budget.</summary>
public sealed record PlanRules
{
    public required double Budget { get; init; }
    public int MinCreators { get; init; }
    public int? MaxCreators { get; init; }

    /// <summary>The most one creator may cost; options above it are not offered.</summary>
    public double? MaxPerCreator { get; init; }

    /// <summary>How many creators of each tier (by tier name) the plan must have at least / may have at most.</summary>
    public IReadOnlyDictionary<string, CountRange> Tiers { get; init; } = new Dictionary<string, CountRange>();

    /// <summary>How many creators of each platform the plan must have at least / may have at most.</summary>
    public IReadOnlyDictionary<string, CountRange> Platforms { get; init; } = new Dictionary<string, CountRange>();

    public IReadOnlyList<string> MustInclude { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
}

/// <summary>A count between <paramref name="Min"/> and <paramref name="Max"/>, both inclusive, either open.</summary>
public sealed record CountRange(int? Min = null, int? Max = null);
