using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Tests.Campaigns.Forecasts;

public class ForecastModelTests
{
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ForecastAssumptions Reference = ForecastAssumptionsBuilder.For([]);

    private static List<PostOutcome> Photos(params long[] likes) =>
        [.. likes.Select((l, i) => new PostOutcome(PostType.Photo, AsOf.AddDays(-2 - 3 * i), l, 0, null, null, null, null, null))];

    private static DeliverableForecast Forecast(IReadOnlyList<PostOutcome> posts, string deliverable = Deliverables.InstagramPost, int count = 1,
        long? followers = 5000, Platform platform = Platform.Instagram, ForecastAssumptions? assumptions = null) =>
        ForecastModel.Forecast(7, platform, followers, deliverable, count, posts, AsOf, assumptions ?? Reference);

    [Fact]
    public void A_constant_history_gives_a_narrow_interval_around_it()
    {
        var f = Forecast(Photos([.. Enumerable.Repeat(200L, 30)]));

        var e = f.Engagements!;
        Assert.Equal(200, e.Expected, 0.5);
        Assert.InRange(e.Low, 150, 200);
        Assert.InRange(e.High, 200, 265);
        Assert.Equal(30, f.PostsUsed);
        Assert.DoesNotContain("fewer than", f.Basis);
    }

    [Fact]
    public void Doubling_the_spread_widens_the_interval()
    {
        // Same geometric centre (200), log spread ±ln 2 versus ±2 ln 2.
        var narrow = Forecast(Photos([.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 100L : 400L)])).Engagements!;
        var wide = Forecast(Photos([.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 50L : 800L)])).Engagements!;

        Assert.Equal(narrow.Expected, wide.Expected, 0.5);
        Assert.True(Math.Log(wide.High / wide.Low) > 1.8 * Math.Log(narrow.High / narrow.Low),
            $"wide {wide.Low}–{wide.High} vs narrow {narrow.Low}–{narrow.High}");
    }

    [Fact]
    public void Two_posts_are_about_twice_one_post()
    {
        var posts = Photos(180, 220, 200, 190, 210, 205, 195, 230, 170, 200);
        var one = Forecast(posts, count: 1);
        var two = Forecast(posts, count: 2);

        Assert.InRange(two.Engagements!.Expected / one.Engagements!.Expected, 1.95, 2.1);
        Assert.InRange(two.Impressions!.Expected / one.Impressions!.Expected, 1.95, 2.2);
        // Independent posts partly cancel out: the relative interval of the sum is narrower.
        Assert.True(two.Engagements.High / two.Engagements.Low < one.Engagements.High / one.Engagements.Low);
        Assert.Equal(2, two.Count);
    }

    [Fact]
    public void No_posts_give_null_estimates_and_say_why()
    {
        var f = Forecast([]);

        Assert.Null(f.Engagements);
        Assert.Null(f.Reach);
        Assert.Null(f.Impressions);
        Assert.Null(f.Clicks);
        Assert.Null(f.Conversions);
        Assert.Null(f.Revenue);
        Assert.Equal(0, f.PostsUsed);
        Assert.Null(f.WindowStart);
        Assert.Contains("no comparable posts", f.Basis);
    }

    [Fact]
    public void Posts_outside_the_window_or_too_fresh_do_not_count()
    {
        List<PostOutcome> posts =
        [
            new(PostType.Photo, AsOf.AddDays(-200), 100, 1, null, null, null, null, null),
            new(PostType.Photo, AsOf.AddHours(-6), 100, 1, null, null, null, null, null),
            new(PostType.Photo, AsOf.AddDays(3), 100, 1, null, null, null, null, null),
        ];

        Assert.Null(Forecast(posts).Engagements);
    }

    [Fact]
    public void Few_posts_widen_the_interval_and_the_basis_says_so()
    {
        var few = Forecast(Photos(150, 260, 200));
        var many = Forecast(Photos(150, 260, 200, 150, 260, 200, 150, 260, 200, 150, 260, 200));

        Assert.Contains("only 3 comparable posts (fewer than 5)", few.Basis);
        Assert.DoesNotContain("fewer than", many.Basis);
        Assert.True(few.Engagements!.High / few.Engagements.Low > 1.3 * (many.Engagements!.High / many.Engagements.Low));
    }

    [Fact]
    public void Without_the_same_post_type_the_closest_feed_posts_are_used()
    {
        var f = Forecast(Photos(100, 120, 110, 90, 105), Deliverables.InstagramReel);

        Assert.NotNull(f.Engagements);
        Assert.Contains("other feed posts", f.Basis);
    }

    [Fact]
    public void Without_reported_reach_it_comes_from_engagements_by_the_reference_band()
    {
        var f = Forecast(Photos([.. Enumerable.Repeat(300L, 30)]));

        // 300 engagements ÷ ER by reach 2%–5% (middle 3.16%) ≈ 9,487 people.
        Assert.Equal(300 / Math.Sqrt(0.02 * 0.05), f.Reach!.Expected, 1.0);
        Assert.True(f.Reach.Low < 300 / 0.05 * 1.05 && f.Reach.High > 300 / 0.02 * 0.95);
        Assert.Contains("engagement_rate_by_reach", f.Basis);
        Assert.Equal(f.Reach.Expected, f.Impressions!.Expected);
    }

    [Fact]
    public void Reported_views_and_reach_are_used_where_the_platform_gives_them()
    {
        var posts = Enumerable.Range(0, 12)
            .Select(i => new PostOutcome(PostType.Video, AsOf.AddDays(-2 - i), 80, 5, 3, null, 4000, 3000, null))
            .ToList();
        var f = Forecast(posts, Deliverables.TikTokVideo, platform: Platform.TikTok);

        Assert.Equal(4000, f.Impressions!.Expected, 1.0);
        Assert.Equal(3000, f.Reach!.Expected, 1.0);
        Assert.Equal(88, f.Engagements!.Expected, 0.5);
        Assert.DoesNotContain("engagement_rate_by_reach", f.Basis);
    }

    [Fact]
    public void Stories_without_story_history_use_the_documented_share_of_followers()
    {
        var f = Forecast(Photos(100, 120, 110, 90, 105), Deliverables.InstagramStory, followers: 5000);

        Assert.Null(f.Engagements);
        Assert.Equal(5000 * 0.0912, f.Reach!.Expected, 0.5);
        Assert.Equal(5000 * 0.0912 / 2, f.Reach.Low, 0.5);
        Assert.Equal(5000 * 0.0912 * 2, f.Reach.High, 0.5);
        Assert.Contains("Socialinsider", f.Basis);
        Assert.Equal(0.0522, ForecastReference.StoryReachShare(50_000));

        var unknownFollowers = Forecast([], Deliverables.InstagramStory, followers: null);
        Assert.Null(unknownFollowers.Reach);
    }

    [Fact]
    public void Stories_with_insights_are_forecast_from_their_own_views()
    {
        var stories = Enumerable.Range(0, 8)
            .Select(i => new PostOutcome(PostType.Story, AsOf.AddDays(-2 - i), null, null, null, null, 400, 380, 450))
            .ToList();
        var f = Forecast(stories, Deliverables.InstagramStory, followers: 5000);

        Assert.Equal(380, f.Reach!.Expected, 0.5);
        Assert.Equal(450, f.Impressions!.Expected, 0.5);
        Assert.DoesNotContain("Socialinsider", f.Basis);
    }

    [Fact]
    public void Clicks_conversions_and_revenue_chain_the_rates_and_widen()
    {
        var posts = Enumerable.Range(0, 30)
            .Select(i => new PostOutcome(PostType.Photo, AsOf.AddDays(-2 - i), 100, 5, null, 10, null, 5000, 10_000))
            .ToList();
        var exact = ForecastAssumptionsBuilder.For([], 0.02, 0.05, 50m);
        var f = Forecast(posts, assumptions: exact);

        Assert.Equal(10_000 * 0.02, f.Clicks!.Expected, 0.5);
        Assert.Equal(10_000 * 0.02 * 0.05, f.Conversions!.Expected, 0.01);
        Assert.Equal(10_000 * 0.02 * 0.05 * 50, f.Revenue!.Expected, 0.5);

        var uncertain = Forecast(posts);
        var r = uncertain.Revenue!;
        var i = uncertain.Impressions!;
        Assert.True(r.High / r.Low > 5 * (i.High / i.Low), "the rates' ranges widen revenue far beyond impressions");
        Assert.Contains("CTR", uncertain.Basis);
    }

    [Fact]
    public void A_deliverable_of_another_platform_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Forecast(Photos(1), Deliverables.TikTokVideo));
        Assert.Throws<ArgumentException>(() => Forecast(Photos(1), "billboard"));
    }
}
