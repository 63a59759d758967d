namespace Grapevine.Core.Discovery;

/// <summary>The answer to a <see cref="DiscoveryQuery"/>: how many accounts matched, the top K and the facets of all matches.</summary>
public sealed record DiscoveryResult(int Total, IReadOnlyList<DiscoveryHit> Hits, DiscoveryFacets Facets);

/// <summary>One ranked account: its fit score (0–1) and the parts that make it up.</summary>
public sealed record DiscoveryHit(long AccountId, double Score, FitBreakdown Fit);

/// <summary>Each fit component's weight (normalised), value (0–1, null when unknown) and contribution to the score.</summary>
public sealed record FitBreakdown(
    FitPart Niche, FitPart Keywords, FitPart Audience, FitPart Engagement, FitPart Quality, FitPart Cost, FitPart Recency, FitPart Safety);

/// <summary>
/// One fit component. <paramref name="Value"/> is null when unknown; an unknown value counts as
/// <see cref="NeutralValue"/> in <paramref name="Contribution"/> (= weight × value) and the explanation says so.
/// </summary>
public sealed record FitPart(double Weight, double? Value, double Contribution)
{
    public const double NeutralValue = 0.5;
}

/// <summary>Counts of all matching accounts by tier, platform, country and primary niche ("" for unknown).</summary>
public sealed record DiscoveryFacets(
    IReadOnlyDictionary<string, int> Tiers,
    IReadOnlyDictionary<string, int> Platforms,
    IReadOnlyDictionary<string, int> Countries,
    IReadOnlyDictionary<string, int> Niches);
