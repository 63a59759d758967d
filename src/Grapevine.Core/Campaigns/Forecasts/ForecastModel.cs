using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// Forecasts what one account delivers for <c>count</c> of a deliverable from its own recent posts (docs/forecasts.md):
/// <code>
/// posts   = the newest ≤ 30 posts of the same type (else any feed post) in the 180 days before as-of, ≥ 1 day old
/// per post, per metric m: y = ln(max(m, 1)); μ = mean(y); s² = (Σ(y − μ)² + k·σ0²) / (n − 1 + k)
/// one post  ln X = μ + A + e: post-to-post noise e ~ N(0, σ²), σ = s · t₀.₉(n − 1 + k) / z₀.₉; the account's unknown
///           centre A ~ N(0, σ²/n), shared by all its posts (together: the prediction interval of a new post)
/// count     = e^(μ + A) · Fenton–Wilkinson sum of count independent e^e
/// reach     = reported reach; else followers × reach share (<see cref="ForecastSettings.ReachShareOfFollowers"/>); else
///             engagements ÷ ER-by-reach (2%–5%, the account's rate, shared by its posts); else views;
///             stories without insights: followers × story reach share
/// impressions = reported impressions or views; else reach (one impression per person reached, a floor)
/// reach     ≤ impressions, quantile by quantile (capped)
/// clicks = impressions × CTR, conversions = clicks × CVR, revenue = conversions × AOV   (log-normal products)
/// </code>
/// Expected is the mean, Median the median; Low and High the 10% and 90% quantiles. Null where the history has nothing to go on.
/// </summary>
public static class ForecastModel
{
    public static DeliverableForecast Forecast(
        long accountId,
        Platform platform,
        long? followers,
        string deliverable,
        int count,
        IReadOnlyList<PostOutcome> posts,
        DateTime asOf,
        ForecastAssumptions assumptions,
        ForecastSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var kind = Deliverables.Find(deliverable) ?? throw new ArgumentException($"unknown deliverable '{deliverable}'", nameof(deliverable));
        if (kind.Platform != platform)
            throw new ArgumentException($"{deliverable} is not a {platform.Name()} deliverable", nameof(deliverable));
        settings ??= ForecastSettings.Default;

        var from = asOf.AddDays(-settings.WindowDays);
        var until = asOf - settings.MinAge;
        var recent = posts.Where(p => p.PostedAt >= from && p.PostedAt <= until).ToList();
        var notes = new List<string>();
        var used = Newest(recent, ComparablePosts.Same(deliverable), settings.MaxPosts);
        if (used.Count == 0)
        {
            used = Newest(recent, ComparablePosts.Closest(deliverable), settings.MaxPosts);
            if (used.Count > 0)
                notes.Add($"no recent {kind.Label}s, so forecast from the account's other feed posts");
        }
        var isStory = deliverable == Deliverables.InstagramStory;

        var engagements = isStory ? null : Fit(used.Select(p => p.Engagements), settings);
        var seen = Fit(used.Select(p => p.Seen), settings);
        var reportedReach = Fit(used.Select(p => p.Reach), settings);
        var n = new[] { engagements?.N ?? 0, seen?.N ?? 0, reportedReach?.N ?? 0 }.Max();

        var reach = reportedReach?.Value;
        if (reach is null && !isStory && used.Count > 0 && followers is > 0 and { } fo)
        {
            // The band is one post's 80% range; the account's own post-to-post spread (from its engagements) is the
            // part that does not repeat over its posts, the rest is its unknown share, which does.
            var band = settings.ReachShareOfFollowers.ToLogNormal();
            var perPost = Math.Min(engagements?.Value.PerPost ?? 0, band.Sigma);
            reach = new AccountOutcome(Math.Log(fo * settings.ReachShareOfFollowers.Middle), Math.Sqrt(band.Sigma * band.Sigma - perPost * perPost), perPost);
            notes.Add($"reach = followers × {Percent(settings.ReachShareOfFollowers.Low)}–{Percent(settings.ReachShareOfFollowers.High)} (no reach reported; {ForecastSettings.ReachShareSource})");
        }
        if (reach is null && engagements is { } e)
        {
            reach = e.Value.DividedBy(ForecastReference.EngagementRateByReach.ToLogNormal());
            notes.Add($"reach = engagements ÷ ER by reach, {ForecastReference.EngagementRateByReachSource}");
        }
        else if (reach is null && seen is { } s)
        {
            reach = s.Value;
            notes.Add("reach taken as views (no reach, followers or engagements known; an upper bound)");
        }
        if (reach is null && isStory && followers is > 0 and { } f)
        {
            var share = ForecastReference.StoryReachShare(f);
            reach = AccountOutcome.Fixed(new LogNormal(Math.Log(f * share), Math.Log(ForecastReference.StoryReachSpread) / LogNormal.Z80));
            notes.Add($"no story insights, so story reach = followers × {share.ToString("P2", CultureInfo.InvariantCulture)} ({ForecastReference.StoryReachSource})");
        }

        var reachSum = reach?.Sum(count);
        var impressionsSum = (seen?.Value ?? reach)?.Sum(count);
        if (seen is null && reach is not null)
            notes.Add("impressions taken as reach (none reported; a floor)");

        DateTime? windowStart = used.Count == 0 ? null : used[^1].PostedAt;
        DateTime? windowEnd = used.Count == 0 ? null : used[0].PostedAt;
        if (reach is null && seen is null && engagements is null)
        {
            var why = used.Count == 0
                ? $"{count} × {deliverable}: no comparable posts in the {settings.WindowDays} days before {Day(asOf)}"
                : $"{count} × {deliverable}: {used.Count} comparable posts but none with engagements, views or reach";
            return new DeliverableForecast(accountId, deliverable, count, null, null, null, null, null, null, used.Count, windowStart, windowEnd, why);
        }

        var clicks = impressionsSum?.Times(assumptions.ClickThrough);
        var conversions = impressionsSum?.Times(assumptions.ToConversions);
        var revenue = impressionsSum?.Times(assumptions.ToRevenue);

        var basis = used.Count == 0
            ? $"{count} × {deliverable}: no comparable posts in the {settings.WindowDays} days before {Day(asOf)}"
            : $"{count} × {deliverable} from {n} recent comparable posts ({Day(used[^1].PostedAt)} – {Day(used[0].PostedAt)}): median and spread of ln(outcome), prediction interval widened by Student's t";
        if (used.Count > 0 && n < settings.FewPosts)
            notes.Insert(0, $"only {n} comparable posts (fewer than {settings.FewPosts}), so the interval is wide");
        if (notes.Count > 0)
            basis += "; " + string.Join("; ", notes);
        basis += string.Create(CultureInfo.InvariantCulture,
            $"; CTR {assumptions.ClickThroughRate:P2} ({assumptions.ClickThroughSource}), CVR {assumptions.ConversionRate:P2} ({assumptions.ConversionSource}), AOV ${assumptions.AverageOrderValue:0.##} ({assumptions.AverageOrderSource})");

        // Each person reached saw it at least once (and played a video at least once): reach never exceeds impressions
        // or views, quantile by quantile.
        var impressionsEstimate = impressionsSum?.ToEstimate();
        var reachEstimate = reachSum?.ToEstimate() is { } re && impressionsEstimate is { } ie ? AtMost(re, ie) : reachSum?.ToEstimate();
        return new DeliverableForecast(accountId, deliverable, count,
            impressionsEstimate, reachEstimate, engagements?.Value.Sum(count).ToEstimate(),
            clicks?.ToEstimate(), conversions?.ToEstimate(), revenue?.ToEstimate(),
            used.Count, windowStart, windowEnd, basis);
    }

    private static List<PostOutcome> Newest(List<PostOutcome> posts, IReadOnlyList<PostType> types, int max) =>
        [.. posts.Where(p => types.Contains(p.Type)).OrderByDescending(p => p.PostedAt).Take(max)];

    /// <summary>
    /// The account's outcome per post from its history: the post-to-post spread s·t/z, and the uncertainty of its
    /// centre s·t/(z·√n), which all its future posts share (t widens both for the uncertainty of s itself).
    /// </summary>
    private static (AccountOutcome Value, int N)? Fit(IEnumerable<long?> values, ForecastSettings settings)
    {
        var logs = values.OfType<long>().Select(v => Math.Log(Math.Max(v, 1))).ToList();
        var n = logs.Count;
        if (n == 0)
            return null;
        var mean = logs.Average();
        var squares = logs.Sum(y => (y - mean) * (y - mean));
        var df = n - 1 + settings.PriorWeight;
        var s2 = (squares + settings.PriorWeight * settings.PriorSigma * settings.PriorSigma) / df;
        var perPost = Math.Sqrt(s2) * StudentT.Quantile90(df) / LogNormal.Z80;
        return (new AccountOutcome(mean, perPost / Math.Sqrt(n), perPost), n);
    }

    private static Estimate AtMost(Estimate e, Estimate cap) =>
        new(Math.Min(e.Expected, cap.Expected), Math.Min(e.Median, cap.Median), Math.Min(e.Low, cap.Low), Math.Min(e.High, cap.High));

    private static string Percent(double x) => x.ToString("0.##%", CultureInfo.InvariantCulture);

    private static string Day(DateTime t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
