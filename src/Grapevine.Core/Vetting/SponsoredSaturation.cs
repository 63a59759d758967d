using System.Globalization;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>
/// How much of the feed is advertising (the stored sponsored-share metric) and whether the audience still engages
/// with it (the paid / organic ER ratio); both are <see cref="ContentMetrics"/>' definitions.
/// </summary>
public static class SponsoredSaturation
{
    /// <summary>More than two ads in five feed posts.</summary>
    public const double WatchShare = 40;

    /// <summary>Sponsored posts drawing under half the engagement of organic ones.</summary>
    public const double WatchRatio = 0.5;

    public static VettingSignal Signal(MetricValue share, MetricValue ratio)
    {
        const string label = "Sponsored saturation";
        var expected = $"at most {WatchShare:0}% of feed posts sponsored, and sponsored posts drawing at least {WatchRatio:0.#}× the ER of organic ones";
        if (share.Value is not { } s)
        {
            return new VettingSignal("sponsored_saturation", label, null, "%", expected, SignalVerdict.NotEnoughData,
                "Not enough data: no feed post of the account is known.", share.Formula, share.N, null, null);
        }
        var shareText = share.N == 1
            ? $"the last feed post is {(s > 0 ? "" : "not ")}sponsored"
            : $"{Fmt(s)}% of the last {share.N} feed posts are sponsored";
        var ratioText = ratio.Value is { } r
            ? $"sponsored posts draw {r.ToString("0.##", CultureInfo.InvariantCulture)}× the ER of organic ones (last {Plural.Of(ratio.N, "post")})"
            : $"the paid / organic ratio is unknown (it needs {MetricDefinitions.MinPostsPerGroup} of each)";
        (SignalVerdict verdict, string why) = s > WatchShare
            ? (SignalVerdict.Watch, $"{Capital(shareText)}, so the audience sees an ad in {Often(s)}; {ratioText}.")
            : ratio.Value < WatchRatio
                ? (SignalVerdict.Watch, $"{Capital(ratioText)}: the audience ignores the ads; {shareText}.")
                : (SignalVerdict.Ok, $"{Capital(shareText)}; {ratioText}.");
        return new VettingSignal("sponsored_saturation", label, Math.Round(s, 1), "%", expected, verdict, why,
            $"{share.Formula}; {ratio.Formula}", share.N, share.WindowStart, share.WindowEnd);
    }

    /// <summary>How often the audience meets an ad, in words that match the share (over 40% when this is called).</summary>
    private static string Often(double percent) => percent switch
    {
        >= 100 => "every post",
        > 50 => "most posts",
        >= 50 => "every other post",
        _ => "more than two posts in five",
    };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
