using System.Diagnostics;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>forecasts</c>: calibration of <see cref="ForecastModel"/> on the demo catalogue. For each account the last
/// <see cref="HeldBack"/> feed posts (and the stories after the first of them) are held back; each is forecast (count 1,
/// its own deliverable) from the posts before it, as of the first held-back post, and the scenario reports the share
/// of actual outcomes inside the 80% interval and the mean absolute log error of the median, per metric, platform and
/// tier. Two fallback checks strip what insights would give: reach without insights (views for videos, engagements ÷ ER-by-reach band otherwise) on accounts
/// that report reach, and story reach from followers on accounts with story insights.
/// <para>
/// Sums: per account and deliverable, the first k (2, 3) held-back posts of that deliverable are forecast together
/// (count k) and their total checked against the interval, twice on the same data: as the model does it (the account's
/// unknown centre shared by its k posts) and as if all of one post's spread were independent per post (Fenton–Wilkinson
/// sum of k independent copies of the count-1 forecast, the model before 2026-12). Bias: Σ actual ÷ Σ mean and
/// Σ actual ÷ Σ median over all forecasts of a metric (1 = totals come out right). Reach without insights is also run
/// for a grid of reach shares of followers (the tuning table, to be read on seed 1 only).
/// </para>
/// </summary>
public static class ForecastsScenario
{
    private const int HeldBack = 5;
    private static readonly int[] SumCounts = [2, 3];
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    // Reach shares of followers tried for reach without insights: geometric middles 25%–40% × 80% ranges (High/Low) 3–4.
    private static readonly RateRange[] ReachShares =
    [
        .. new[] { 0.25, 0.3, 0.35, 0.4 }.SelectMany(m => new[] { 3.0, 3.5, 4.0 }.Select(r => new RateRange(m / Math.Sqrt(r), m * Math.Sqrt(r)))),
    ];

    public static object Run(BenchSettings settings)
    {
        var size = settings.Size ?? 5_000;
        var watch = Stopwatch.StartNew();
        var generator = new DemoGenerator(new DemoOptions(size, settings.Seed, AsOf));
        var assumptions = ForecastAssumptionsBuilder.For([]);
        var tally = new Dictionary<string, Tally>();
        int accounts = 0, skipped = 0, forecasts = 0, reachAboveImpressions = 0, videosWithReach = 0, videosReachAboveViews = 0;
        foreach (var demo in generator.Generate())
        {
            var platform = demo.Account.Platform;
            var feed = demo.Posts.Where(p => p.Type.IsFeed()).OrderBy(p => p.PostedAt).ToList();
            if (feed.Count < HeldBack + 1)
            {
                skipped++;
                continue;
            }
            accounts++;
            var cut = feed[^HeldBack].PostedAt;
            var all = demo.Posts.Select(Outcome).ToList();
            var history = all.Where(p => p.PostedAt < cut).ToList();
            var later = all.Where(p => p.PostedAt >= cut && (p.Type.IsFeed() || platform == Platform.Instagram)).ToList();
            var withoutInsights = history.Select(p => p with { Reach = null, Impressions = null, Views = p.Type == PostType.Story ? null : p.Views }).ToList();
            var tier = demo.Truth.Tier;
            foreach (var actual in later)
            {
                var deliverable = ComparablePosts.DeliverableOf(platform, actual.Type);
                var f = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, deliverable, 1, history, cut, assumptions);
                forecasts++;
                Add(tally, "engagements", platform, tier, f.Engagements, actual.Engagements, type: actual.Type.ToString().ToLowerInvariant());
                Add(tally, "views_or_impressions", platform, tier, f.Impressions, actual.Seen, type: actual.Type.ToString().ToLowerInvariant());
                Add(tally, "reach", platform, tier, f.Reach, actual.Reach, type: actual.Type.ToString().ToLowerInvariant());
                if (f.Reach is { } fr && f.Impressions is { } fi && (fr.Low > fi.Low || fr.Median > fi.Median || fr.High > fi.High || fr.Expected > fi.Expected))
                    reachAboveImpressions++;
                if (actual.Reach is not null)
                {
                    if (actual.Views is { } views && actual.Type.IsVideo())
                    {
                        videosWithReach++;
                        if (actual.Reach > views)
                            videosReachAboveViews++;
                    }
                    var stripped = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, deliverable, 1, withoutInsights, cut, assumptions);
                    Add(tally, actual.Type == PostType.Story ? "story_reach_from_followers" : "reach_without_insights", platform, tier, stripped.Reach, actual.Reach, type: actual.Type.ToString().ToLowerInvariant());
                    if (actual.Type != PostType.Story)
                    {
                        foreach (var band in ReachShares)
                        {
                            var tried = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, deliverable, 1, withoutInsights, cut, assumptions,
                                ForecastSettings.Default with { ReachShareOfFollowers = band });
                            Add(tally, $"tune/reach_without_insights share {band.Low:0.####}-{band.High:0.####}", platform, tier, tried.Reach, actual.Reach, detail: false);
                            Add(tally, $"tune/reach_without_insights share {band.Low:0.####}-{band.High:0.####} {(actual.Type.IsVideo() ? "video" : "not video")}", platform, tier, tried.Reach, actual.Reach, detail: false);
                        }
                    }
                }
            }
            foreach (var group in later.GroupBy(p => ComparablePosts.DeliverableOf(platform, p.Type)))
            {
                var posts = group.ToList();
                foreach (var k in SumCounts.Where(k => posts.Count >= k))
                {
                    var first = posts.Take(k).ToList();
                    var one = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, group.Key, 1, history, cut, assumptions);
                    var many = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, group.Key, k, history, cut, assumptions);
                    AddSum(tally, $"sum{k}_engagements", platform, tier, many.Engagements, one.Engagements, k, first.Select(p => p.Engagements));
                    AddSum(tally, $"sum{k}_views_or_impressions", platform, tier, many.Impressions, one.Impressions, k, first.Select(p => p.Seen));
                    AddSum(tally, $"sum{k}_reach", platform, tier, many.Reach, one.Reach, k, first.Select(p => p.Reach));
                    if (first.All(p => p.Reach is not null) && group.Key != Deliverables.InstagramStory)
                    {
                        var strippedOne = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, group.Key, 1, withoutInsights, cut, assumptions);
                        var strippedMany = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, group.Key, k, withoutInsights, cut, assumptions);
                        AddSum(tally, $"sum{k}_reach_without_insights", platform, tier, strippedMany.Reach, strippedOne.Reach, k, first.Select(p => p.Reach));
                    }
                }
            }
        }
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var (key, t) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
            Log($"{key,-60} n={t.N,7:N0} inside={t.Coverage,6:P1} below={t.Below / (double)t.N,6:P1} above={t.Above / (double)t.N,6:P1} MALE={t.LogError / t.N:0.000} actual/mean={t.ActualOverMean:0.000} actual/median={t.ActualOverMedian:0.000}");
        Log($"held-back videos whose demo reach exceeds their views: {videosReachAboveViews:N0} of {videosWithReach:N0}");
        Log($"forecasts with reach above impressions (any of mean, median, low, high): {reachAboveImpressions:N0}");
        Log($"{accounts:N0} accounts ({skipped:N0} with fewer than {HeldBack + 1} feed posts skipped), {forecasts:N0} held-back posts forecast in {seconds:0.0} s");

        var output = new Dictionary<string, object>
        {
            ["scenario"] = "forecasts",
            ["accounts"] = accounts,
            ["seed"] = settings.Seed,
            ["held_back_per_account"] = HeldBack,
            ["forecasts"] = forecasts,
            ["seconds"] = Math.Round(seconds, 1),
            ["reach_above_impressions"] = reachAboveImpressions,
            ["videos_reach_above_views"] = videosReachAboveViews,
            ["videos_with_reach"] = videosWithReach,
        };
        foreach (var (key, t) in tally.Where(t => !t.Key.Contains('/')).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output[$"{key}_n"] = t.N;
            output[$"{key}_coverage"] = Math.Round(t.Coverage, 3);
            output[$"{key}_male"] = Math.Round(t.LogError / t.N, 3);
            output[$"{key}_actual_over_mean"] = Math.Round(t.ActualOverMean, 3);
            output[$"{key}_actual_over_median"] = Math.Round(t.ActualOverMedian, 3);
        }
        return output;
    }

    private static PostOutcome Outcome(Grapevine.Core.Catalogue.Import.PostRow p) =>
        new(p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions);

    /// <summary>The total of k posts against the model's count-k forecast and against k independent copies of its count-1 forecast.</summary>
    private static void AddSum(Dictionary<string, Tally> tally, string metric, Platform platform, string tier, Estimate? forecast, Estimate? one, int k,
        IEnumerable<long?> actuals)
    {
        var values = actuals.ToList();
        if (values.Any(v => v is null))
            return;
        var total = values.Sum(v => Math.Max(v!.Value, 1));
        Add(tally, metric, platform, tier, forecast, total);
        Add(tally, metric + "_independent", platform, tier, one is null ? null : IndependentSum(one, k), total);
    }

    /// <summary>Fenton–Wilkinson sum of k independent posts, each the log-normal through the count-1 forecast's median and 80% interval.</summary>
    private static Estimate? IndependentSum(Estimate one, int k)
    {
        if (one.Low <= 0 || one.Median <= 0)
            return null;
        var mu = Math.Log(one.Median);
        var s2 = Math.Pow(Math.Log(one.High / one.Low) / (2 * Z80), 2);
        var mean = k * Math.Exp(mu + s2 / 2);
        var sumS2 = Math.Log(1 + (Math.Exp(s2) - 1) / k);
        var sumMu = Math.Log(mean) - sumS2 / 2;
        var sd = Math.Sqrt(sumS2);
        return new Estimate(mean, Math.Exp(sumMu), Math.Exp(sumMu - Z80 * sd), Math.Exp(sumMu + Z80 * sd));
    }

    private const double Z80 = 1.2815515655446004;

    private static void Add(Dictionary<string, Tally> tally, string metric, Platform platform, string tier, Estimate? forecast, long? actual, bool detail = true, string type = "")
    {
        if (forecast is null || actual is null)
            return;
        string[] keys = !detail ? [metric] : type == "" ? [metric, $"{metric}/{platform.Name()}", $"{metric}/tier {tier}"]
            : [metric, $"{metric}/{platform.Name()}", $"{metric}/tier {tier}", $"{metric}/type {type}"];
        foreach (var key in keys)
        {
            if (!tally.TryGetValue(key, out var t))
                tally[key] = t = new Tally();
            t.N++;
            var a = Math.Max(actual.Value, 1);
            if (a < forecast.Low)
                t.Below++;
            else if (a > forecast.High)
                t.Above++;
            t.LogError += Math.Abs(Math.Log(a) - Math.Log(Math.Max(forecast.Median, 1)));
            t.Actual += a;
            t.Mean += forecast.Expected;
            t.Median += forecast.Median;
        }
    }

    private static void Log(string message) => Console.Error.WriteLine(message);

    private sealed class Tally
    {
        public int N;
        public int Below;
        public int Above;
        public double LogError;
        public double Actual;
        public double Mean;
        public double Median;

        public double ActualOverMean => Actual / Mean;
        public double ActualOverMedian => Actual / Median;

        public double Coverage => 1 - (Below + Above) / (double)N;
    }
}
