namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Tiers of the default scheme (DESIGN.md) as log10(followers) ranges, and the demo's tier mix.
/// The calibration data set starts at 1,000 followers and leans to micro (37% nano, 46% micro, 14% macro,
/// 2% mega); Grapevine is about nano and micro creators, so the demo re-weights tiers to <see cref="Tier.DemoMix"/>
/// while keeping the data set's shape within each tier and its differences between categories.
/// </summary>
public static class DemoTiers
{
    public sealed record Tier(string Name, double MinLog10, double MaxLog10, double DemoMix);

    public static readonly IReadOnlyList<Tier> All =
    [
        // Below the data set's floor: drawn log-uniformly from 250 to 999 followers.
        new("emerging", Math.Log10(250), 3, 0.04),
        new("nano", 3, 4, 0.50),
        new("micro", 4, 5, 0.36),
        new("macro", 5, 6, 0.085),
        new("mega", 6, 9, 0.015),
    ];

    public static string NameOf(long followers) => followers switch
    {
        < 1_000 => "emerging",
        < 10_000 => "nano",
        < 100_000 => "micro",
        < 1_000_000 => "macro",
        _ => "mega",
    };
}
