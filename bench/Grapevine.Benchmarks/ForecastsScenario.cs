using System.Diagnostics;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>forecasts</c>: calibration of <see cref="ForecastModel"/> on the demo catalogue. For each account the last
/// <see cref="HeldBack"/> feed posts (and the stories after the first of them) are held back; each is forecast (count 1,
/// its own deliverable) from the posts before it, as of the first held-back post, and the scenario reports the share
/// of actual outcomes inside the 80% interval and the mean absolute log error of the median, per metric, platform and
/// tier. Two fallback checks strip what insights would give: reach without insights (views for videos, engagements ÷ ER-by-reach band otherwise) on accounts
/// that report reach, and story reach from followers on accounts with story insights.
/// </summary>
public static class ForecastsScenario
{
    private const int HeldBack = 5;
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    public static object Run(BenchSettings settings)
    {
        var size = settings.Size ?? 5_000;
        var watch = Stopwatch.StartNew();
        var generator = new DemoGenerator(new DemoOptions(size, settings.Seed, AsOf));
        var assumptions = ForecastAssumptionsBuilder.For([]);
        var tally = new Dictionary<string, Tally>();
        int accounts = 0, skipped = 0, forecasts = 0;
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
                Add(tally, "engagements", platform, tier, f.Engagements, actual.Engagements);
                Add(tally, "views_or_impressions", platform, tier, f.Impressions, actual.Seen);
                Add(tally, "reach", platform, tier, f.Reach, actual.Reach);
                if (actual.Reach is not null)
                {
                    var stripped = ForecastModel.Forecast(demo.Truth.Index, platform, demo.Account.Followers, deliverable, 1, withoutInsights, cut, assumptions);
                    Add(tally, actual.Type == PostType.Story ? "story_reach_from_followers" : "reach_without_insights", platform, tier, stripped.Reach, actual.Reach);
                }
            }
        }
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var (key, t) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
            Log($"{key,-60} n={t.N,7:N0} inside={t.Coverage,6:P1} below={t.Below / (double)t.N,6:P1} above={t.Above / (double)t.N,6:P1} MALE={t.LogError / t.N:0.000}");
        Log($"{accounts:N0} accounts ({skipped:N0} with fewer than {HeldBack + 1} feed posts skipped), {forecasts:N0} held-back posts forecast in {seconds:0.0} s");

        var output = new Dictionary<string, object>
        {
            ["scenario"] = "forecasts",
            ["accounts"] = accounts,
            ["seed"] = settings.Seed,
            ["held_back_per_account"] = HeldBack,
            ["forecasts"] = forecasts,
            ["seconds"] = Math.Round(seconds, 1),
        };
        foreach (var (key, t) in tally.Where(t => !t.Key.Contains('/')).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output[$"{key}_n"] = t.N;
            output[$"{key}_coverage"] = Math.Round(t.Coverage, 3);
            output[$"{key}_male"] = Math.Round(t.LogError / t.N, 3);
        }
        return output;
    }

    private static PostOutcome Outcome(Grapevine.Core.Catalogue.Import.PostRow p) =>
        new(p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions);

    private static void Add(Dictionary<string, Tally> tally, string metric, Platform platform, string tier, Estimate? forecast, long? actual)
    {
        if (forecast is null || actual is null)
            return;
        foreach (var key in new[] { metric, $"{metric}/{platform.Name()}", $"{metric}/tier {tier}" })
        {
            if (!tally.TryGetValue(key, out var t))
                tally[key] = t = new Tally();
            t.N++;
            var a = Math.Max(actual.Value, 1);
            if (a < forecast.Low)
                t.Below++;
            else if (a > forecast.High)
                t.Above++;
            t.LogError += Math.Abs(Math.Log(a) - Math.Log(Math.Max(forecast.Expected, 1)));
        }
    }

    private static void Log(string message) => Console.Error.WriteLine(message);

    private sealed class Tally
    {
        public int N;
        public int Below;
        public int Above;
        public double LogError;

        public double Coverage => 1 - (Below + Above) / (double)N;
    }
}
