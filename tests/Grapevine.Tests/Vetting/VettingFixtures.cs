using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;

namespace Grapevine.Tests.Vetting;

/// <summary>Small hand-made accounts for the signal tests.</summary>
internal static class VettingFixtures
{
    public static readonly DateTime Now = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Weekly snapshots over <paramref name="weeks"/> weeks growing about 0.5% a week, with a fixed wobble.</summary>
    public static List<SnapshotObservation> Weekly(int weeks, long start = 10_000, Func<int, double>? extra = null)
    {
        var series = new List<SnapshotObservation>();
        var followers = (double)start;
        for (var w = 0; w <= weeks; w++)
        {
            if (w > 0)
                followers *= 1.005 + (w % 3 - 1) * 0.001 + (extra?.Invoke(w) ?? 0);
            series.Add(new SnapshotObservation(Now.AddDays(7 * (w - weeks)), (long)Math.Round(followers)));
        }
        return series;
    }

    public static VettingPost Post(DateTime at, long likes = 200, long comments = 10, PostType type = PostType.Photo, long? views = null,
        string? caption = "A day out", string id = "", bool? paid = null, string? hashtags = null) =>
        new(id.Length > 0 ? id : "p" + at.Ticks, at, type, caption, hashtags ?? "", likes, comments, null, null, views, null, paid);

    /// <summary>A post every 4 days over the last <paramref name="days"/> days, all with the same engagement.</summary>
    public static List<VettingPost> Steady(int days = 180, long likes = 200, long? views = null, PostType type = PostType.Photo) =>
        [.. Enumerable.Range(0, days / 4).Select(i => Post(Now.AddDays(-2 - 4 * i), likes, likes / 20, type, views))];

    public static List<FollowerProfile> Sample(int real, int fake) =>
        [.. Enumerable.Range(0, real).Select(i => new FollowerProfile($"real{i}")), .. Enumerable.Range(0, fake).Select(i => new FollowerProfile($"fake{i}"))];

    public static VettingSignal Signal(string id, SignalVerdict verdict) =>
        new(id, id.Replace('_', ' '), verdict == SignalVerdict.NotEnoughData ? null : 1, "%", "", verdict, $"{id} is {verdict}", "f", 1, null, null);
}
