using System.Globalization;
using System.Text;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Compares the research data with a sample from the demo generator: quantiles of followers, following and
/// posts, category shares, tier mix and follower-profile features, as markdown tables for docs/demo-data.md.
/// </summary>
public static class DemoCalibrationReport
{
    private static readonly double[] Shown = [0.1, 0.25, 0.5, 0.75, 0.9];

    public static string Build(TextReader influencers, TextReader followers, DemoCalibration calibration, int sampleSize, int seed, DateTime asOf)
    {
        var real = DemoCalibrationFitter.ReadInfluencers(influencers);
        var profiles = DemoCalibrationFitter.ReadFollowerProfiles(followers);
        var options = new DemoOptions(sampleSize, seed, asOf);
        var calibrated = new DemoGenerator(options, calibration, reweightTiers: false).Generate().ToList();
        var demo = new DemoGenerator(options, calibration).Generate().ToList();
        string CategoryOf(DemoAccount a) => DemoNiches.Find(a.Truth.Niche).DatasetCategory;

        var md = new StringBuilder();
        md.AppendLine($"Real: {real.Count:N0} accounts (Kim et al. 2020). Generated: {sampleSize:N0} accounts, seed {seed}, as calibrated (tier mix of the data set) and as the demo writes them (re-weighted tier mix).");
        md.AppendLine();
        md.AppendLine("Followers, p10 / p25 / p50 / p75 / p90:");
        md.AppendLine();
        md.AppendLine("| category | real share | generated share | real | generated (calibrated) | demo mix |");
        md.AppendLine("|---|---:|---:|---|---|---|");
        foreach (var group in real.GroupBy(r => r.Category).OrderByDescending(g => g.Count()))
        {
            var gen = calibrated.Where(a => CategoryOf(a) == group.Key).ToList();
            var dem = demo.Where(a => CategoryOf(a) == group.Key).ToList();
            md.AppendLine($"| {group.Key} | {Percent((double)group.Count() / real.Count)} | {Percent((double)gen.Count / calibrated.Count)} | " +
                $"{Row(group.Select(r => (double)r.Followers))} | {Row(gen.Select(a => (double)a.Account.Followers!))} | {Row(dem.Select(a => (double)a.Account.Followers!))} |");
        }
        md.AppendLine($"| **all** | 100% | 100% | {Row(real.Select(r => (double)r.Followers))} | {Row(calibrated.Select(a => (double)a.Account.Followers!))} | {Row(demo.Select(a => (double)a.Account.Followers!))} |");
        md.AppendLine();

        md.AppendLine("Following and posts (Instagram accounts of the generated sample; other platforms are adjusted, see below), p10 / p25 / p50 / p75 / p90:");
        md.AppendLine();
        md.AppendLine("| followers band | real following | generated following | real posts | generated posts |");
        md.AppendLine("|---|---|---|---|---|");
        var instagram = calibrated.Where(a => a.Account.Platform == Platform.Instagram).ToList();
        foreach (var (lo, hi, label) in new[] { (3.0, 4.0, "1k-10k"), (4.0, 5.0, "10k-100k"), (5.0, 6.0, "100k-1M"), (6.0, 10.0, "1M+") })
        {
            var r = real.Where(x => Math.Log10(x.Followers) >= lo && Math.Log10(x.Followers) < hi).ToList();
            var g = instagram.Where(x => Math.Log10(x.Account.Followers!.Value) >= lo && Math.Log10(x.Account.Followers!.Value) < hi).ToList();
            md.AppendLine($"| {label} | {Row(r.Select(x => (double)x.Following))} | {Row(g.Select(x => (double)x.Account.Following!))} | " +
                $"{Row(r.Select(x => (double)x.Posts))} | {Row(g.Select(x => (double)x.Account.PostsCount!))} |");
        }
        md.AppendLine();

        md.AppendLine("Tier mix:");
        md.AppendLine();
        md.AppendLine("| tier | real | generated (calibrated) | demo mix |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var tier in DemoTiers.All)
        {
            md.AppendLine($"| {tier.Name} | {Percent(Share(real, r => DemoTiers.NameOf(r.Followers) == tier.Name))} | " +
                $"{Percent(Share(calibrated, a => a.Truth.Tier == tier.Name))} | {Percent(Share(demo, a => a.Truth.Tier == tier.Name))} |");
        }
        md.AppendLine();

        md.AppendLine("Median ER by followers (Instagram, last 12 feed posts) per tier, demo vs reference.json (HypeAuditor 2026 medians; macro interpolated):");
        md.AppendLine();
        md.AppendLine("| tier | accounts | demo median ER | reference |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var tier in DemoTiers.All)
        {
            var rates = demo.Where(a => a.Truth.Tier == tier.Name && a.Account.Platform == Platform.Instagram)
                .Select(ErByFollowers).OfType<double>().Order().ToArray();
            var reference = DemoEngagement.ReferenceTierMedians.TryGetValue(tier.Name, out var r) ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";
            md.AppendLine($"| {tier.Name} | {rates.Length} | {(rates.Length == 0 ? "-" : QuantileFunction.EmpiricalQuantile(rates, 0.5).ToString("0.00", CultureInfo.InvariantCulture) + "%")} | {reference} |");
        }
        md.AppendLine();

        md.AppendLine("Follower profiles, SRF 2017 labelled followers vs the demo's follower draws per class (p50 and rates):");
        md.AppendLine();
        md.AppendLine("| class | source | n | posts p50 | following p50 | followers p50 | following/followers p50 | 0 posts | profile pic | private | 3+ digits in username |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var random = new Random(seed);
        foreach (var fake in new[] { false, true })
        {
            var srf = profiles.Where(p => p.IsFake == fake).ToList();
            var name = fake ? "fake" : "real";
            md.AppendLine($"| {name} | SRF | {srf.Count} | {Median(srf.Select(p => (double)p.Posts))} | {Median(srf.Select(p => (double)p.Following))} | " +
                $"{Median(srf.Select(p => (double)p.Followers))} | {Ratio(srf.Select(p => (p.Following + 1.0) / (p.Followers + 1.0)))} | " +
                $"{Percent(Share(srf, p => p.Posts == 0))} | {Percent(Share(srf, p => p.HasProfilePic))} | {Percent(Share(srf, p => p.IsPrivate))} | " +
                $"{Percent(Share(srf, p => DemoUsernames.IsDigitHeavy(p.Username)))} |");
            var drawer = new DemoFollowerProfiles(calibration, fake);
            var drawn = Enumerable.Range(0, 20_000).Select(_ => drawer.Draw(random)).ToList();
            md.AppendLine($"| {name} | demo | {drawn.Count:N0} | {Median(drawn.Select(p => (double)p.Posts))} | {Median(drawn.Select(p => (double)p.Following))} | " +
                $"{Median(drawn.Select(p => (double)p.Followers))} | {Ratio(drawn.Select(p => (p.Following + 1.0) / (p.Followers + 1.0)))} | " +
                $"{Percent(Share(drawn, p => p.Posts == 0))} | {Percent(Share(drawn, p => p.HasProfilePic))} | {Percent(Share(drawn, p => p.IsPrivate))} | " +
                $"{Percent(Share(drawn, p => p.DigitHeavyUsername))} |");
        }
        return md.ToString();
    }

    private static double? ErByFollowers(DemoAccount account)
    {
        var feed = account.Posts.Where(p => p.Type.IsFeed()).OrderByDescending(p => p.PostedAt).Take(12)
            .Select(p => (p.Likes!.Value + p.Comments!.Value) * 100.0 / account.Account.Followers!.Value).Order().ToArray();
        return feed.Length == 0 ? null : QuantileFunction.EmpiricalQuantile(feed, 0.5);
    }

    private static double Share<T>(IReadOnlyCollection<T> rows, Func<T, bool> predicate) => rows.Count == 0 ? 0 : (double)rows.Count(predicate) / rows.Count;

    private static string Percent(double share) => (share * 100).ToString(share < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";

    private static string Median(IEnumerable<double> values) => Compact(QuantileFunction.EmpiricalQuantile(values.Order().ToArray(), 0.5));

    private static string Ratio(IEnumerable<double> values) => QuantileFunction.EmpiricalQuantile(values.Order().ToArray(), 0.5).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Row(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? "-" : string.Join(" / ", Shown.Select(p => Compact(QuantileFunction.EmpiricalQuantile(sorted, p))));
    }

    internal static string Compact(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.0#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 1_000 => (value / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
