namespace Grapevine.Core.Metrics;

/// <summary>
/// A way of naming follower ranges. The default scheme is DESIGN.md's; the alternative one is
/// also in use in the field (reference.json "tiers").
/// </summary>
public sealed record TierScheme(string Name, IReadOnlyList<TierBand> Bands)
{
    public const string Formula = "tier_by_followers";

    public static readonly TierScheme Default = new("default",
    [
        new("emerging", 0, 999),
        new("nano", 1_000, 9_999),
        new("micro", 10_000, 99_999),
        new("macro", 100_000, 999_999),
        new("mega", 1_000_000, null),
    ]);

    public static readonly TierScheme Alternative = new("alternative",
    [
        new("nano", 1_000, 9_999),
        new("micro", 10_000, 99_999),
        new("macro", 100_000, 499_999),
        new("mega", 500_000, 999_999),
        new("celebrity", 1_000_000, null),
    ]);

    public static TierScheme Named(string name) => name.ToLowerInvariant() switch
    {
        "default" => Default,
        "alternative" => Alternative,
        _ => throw new ArgumentException($"Unknown tier scheme '{name}'; use 'default' or 'alternative'.", nameof(name)),
    };

    /// <summary>The tier of a follower count; null when the count is unknown or below every band.</summary>
    public string? Classify(long? followers)
    {
        if (followers is not { } count)
            return null;
        foreach (var band in Bands)
        {
            if (count >= band.Min && (band.Max is null || count <= band.Max))
                return band.Name;
        }
        return null;
    }

    /// <summary>The follower range of a named tier, for filters.</summary>
    public TierBand? Band(string name) => Bands.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
