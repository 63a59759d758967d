using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>
/// ER by followers against the account's tier on its platform: its percentile among catalogue accounts of the same
/// tier and platform. Too low suggests an inactive or bought audience; too high suggests engagement pods.
/// </summary>
public static class EngagementBenchmark
{
    public const double LowPercentile = 5;
    public const double HighPercentile = 98;

    /// <summary>Fewer accounts of the same tier and platform than this give no percentile.</summary>
    public const int MinPeers = 30;

    public const string Formula = "percentile_of_er_followers_within_tier_and_platform";

    /// <summary>
    /// reference.json "engagement_rate_claims_percent": the published median of the account's own platform, or null when
    /// it holds none for that platform (only Instagram and TikTok have one): another platform's median is no benchmark.
    /// </summary>
    public static string? ReferenceSentence(Platform platform, string? tier) => (platform, tier) switch
    {
        (Platform.Instagram, "nano") => "HypeAuditor's 2026 Instagram median for nano accounts is 1.78%.",
        (Platform.Instagram, "micro") => "HypeAuditor's 2026 Instagram median for micro accounts is 0.54%.",
        (Platform.Instagram, "mega") => "HypeAuditor's 2026 Instagram median for mega accounts is 0.33%.",
        (Platform.Instagram, null) => "HypeAuditor's 2026 Instagram medians: nano 1.78%, micro 0.54%, mega 0.33%.",
        (Platform.Instagram, _) => $"HypeAuditor publishes no 2026 Instagram median for {tier} accounts; its medians are nano 1.78%, micro 0.54%, mega 0.33%.",
        (Platform.TikTok, _) => "Influencer Hero's TikTok median is 1.31%.",
        _ => null,
    };

    /// <summary>The reference sentence, or one saying that no published median exists for the platform.</summary>
    public static string ReferenceOrNone(Platform platform, string? tier) =>
        ReferenceSentence(platform, tier) ?? $"No published {platform.DisplayName()} median is on file (reference.json), so none is quoted.";

    public static VettingSignal Signal(Platform platform, string? tier, MetricValue er, EngagementDistribution distribution)
    {
        var reference = ReferenceOrNone(platform, tier);
        var peers = tier is null ? 0 : distribution.Count(platform, tier);
        var place = $"{platform.DisplayName()} {tier ?? "(unknown tier)"} accounts";
        if (er.Value is not { } value || tier is null || peers < MinPeers)
        {
            var missing = tier is null ? "the follower count is unknown, so neither ER by followers nor the tier can be computed"
                : er.Value is null ? $"ER by followers is unknown ({Plural.Of(er.N, "usable post")})"
                : $"the catalogue has {peers} {place} with a known ER, {MinPeers} are needed";
            return new VettingSignal("engagement", "Engagement against tier", null, "percentile",
                $"P{LowPercentile:0}–P{HighPercentile:0} of {place} in the catalogue. {reference}", SignalVerdict.NotEnoughData,
                $"Not enough data: {missing}.", Formula, er.N, er.WindowStart, er.WindowEnd);
        }
        var percentile = distribution.Percentile(platform, tier, value)!.Value;
        var low = distribution.ValueAt(platform, tier, LowPercentile)!.Value;
        var high = distribution.ValueAt(platform, tier, HighPercentile)!.Value;
        var expected = $"P{LowPercentile:0}–P{HighPercentile:0} of {peers:N0} {place}: {Pct(low)}–{Pct(high)} ER. {reference}";
        var at = $"ER {Pct(value)} (median of {Plural.Of(er.N, "post")}) is at {PercentileText.Of(percentile)} of {place}";
        var (verdict, why) = percentile < LowPercentile
            ? (SignalVerdict.Watch, $"{at}: unusually low, as with an inactive or bought audience.")
            : percentile > HighPercentile
                ? (SignalVerdict.Watch, $"{at}: unusually high, as with engagement pods or bought likes.")
                : (SignalVerdict.Ok, $"{at}: within the usual range.");
        // The value is not rounded: rounding it to one decimal and then to a whole percentile for display could give
        // one more than the sentence above (13.49 → 13.5 → "P14" beside "at P13").
        return new VettingSignal("engagement", "Engagement against tier", percentile, "percentile", expected, verdict, why,
            Formula, er.N, er.WindowStart, er.WindowEnd);
    }

    private static string Pct(double value) => value.ToString(value < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";
}
