using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

public class DemoEngagementTests(DemoSample sample) : IClassFixture<DemoSample>
{
    [Fact]
    public void Instagram_er_by_followers_falls_with_tier_to_the_reference_medians()
    {
        var medians = new List<double>();
        foreach (var tier in new[] { "nano", "micro", "macro", "mega" })
        {
            var rates = sample.Accounts
                .Where(a => a.Truth.Tier == tier && a.Account.Platform == Platform.Instagram)
                .Select(DemoSample.ErByFollowers).OfType<double>().ToList();
            var median = DemoSample.Median(rates);
            var reference = DemoEngagement.ReferenceTierMedians[tier];
            // Mega has few accounts in a sample of 6,000, so it gets more room.
            var tolerance = tier == "mega" ? 0.3 : 0.15;
            Assert.True(Math.Abs(median / reference - 1) < tolerance, $"{tier}: median ER {median:0.00}% vs reference {reference}% (n={rates.Count})");
            medians.Add(median);
        }
        Assert.True(medians.Zip(medians.Skip(1)).All(p => p.First > p.Second), string.Join(" > ", medians.Select(m => m.ToString("0.00"))));
    }

    [Fact]
    public void Accounts_spread_around_their_tier_median()
    {
        var nano = sample.Accounts.Where(a => a.Truth.Tier == "nano" && a.Account.Platform == Platform.Instagram)
            .Select(DemoSample.ErByFollowers).OfType<double>().Order().ToArray();
        var p10 = QuantileFunction.EmpiricalQuantile(nano, 0.1);
        var p90 = QuantileFunction.EmpiricalQuantile(nano, 0.9);
        Assert.InRange(p90 / p10, 3, 12);
    }

    [Fact]
    public void Tiktok_median_is_near_the_reference_claim()
    {
        var tiktok = sample.Accounts.Where(a => a.Account.Platform == Platform.TikTok)
            .Select(DemoSample.ErByFollowers).OfType<double>().ToList();
        Assert.InRange(DemoSample.Median(tiktok), 1.31 * 0.8, 1.31 * 1.2);
    }

    [Fact]
    public void Views_only_on_videos_shares_on_tiktok_and_youtube_insights_only_where_connected()
    {
        var posts = sample.Accounts.SelectMany(a => a.Posts.Select(p => (a.Truth, Post: p))).ToList();
        Assert.All(posts.Where(x => x.Post.Type.IsFeed()), x => Assert.Equal(x.Post.Type.IsVideo(), x.Post.Views is not null));
        Assert.All(posts.Where(x => x.Post.Type.IsFeed() && x.Truth.Platform is Platform.TikTok or Platform.YouTube), x => Assert.NotNull(x.Post.Shares));
        Assert.All(posts.Where(x => !x.Truth.HasInsights), x =>
        {
            Assert.Null(x.Post.Reach);
            Assert.Null(x.Post.Impressions);
            Assert.Null(x.Post.Saves);
        });
        var connected = posts.Where(x => x.Truth.HasInsights && x.Post.Type.IsFeed()).ToList();
        Assert.NotEmpty(connected);
        Assert.All(connected, x => Assert.True(x.Post.Reach >= x.Post.Likes, "reach covers the likers"));
        var insightShare = (double)sample.Accounts.Count(a => a.Truth.HasInsights) / sample.Accounts.Count;
        Assert.InRange(insightShare, 0.2, 0.4);
    }

    [Fact]
    public void Posts_spread_over_six_months_with_some_inactive_accounts()
    {
        var horizon = DemoSample.AsOf.AddDays(-DemoGenerator.HistoryDays - 1);
        Assert.All(sample.Accounts.SelectMany(a => a.Posts), p => Assert.InRange(p.PostedAt, horizon, DemoSample.AsOf));
        var feedCounts = sample.Accounts.Where(a => a.Posts.Count > 0).Select(a => a.Posts.Count(p => p.Type.IsFeed())).ToList();
        Assert.InRange(feedCounts.Average(), 15, 30);
        Assert.True(feedCounts.Max() <= 31);
        var inactive = sample.Accounts.Where(a => a.Truth.IsInactive && a.Posts.Count > 0).ToList();
        Assert.NotEmpty(inactive);
        Assert.All(inactive, a => Assert.True(a.Posts.Max(p => p.PostedAt) < DemoSample.AsOf.AddDays(-44), a.Account.Handle));
        var frequent = sample.Accounts.Count(a => a.Posts.Count(p => p.Type.IsFeed() && p.PostedAt > DemoSample.AsOf.AddDays(-30)) >= 8);
        var rare = sample.Accounts.Count(a => a.Posts.Count > 0 && a.Posts.Count(p => p.Type.IsFeed() && p.PostedAt > DemoSample.AsOf.AddDays(-30)) <= 1);
        Assert.True(frequent > 300 && rare > 300, $"{frequent} accounts post often, {rare} rarely");
    }
}
