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
        Assert.Equal(200, e.Median, 0.5);
        Assert.InRange(e.Expected, 200, 203);
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

        Assert.Equal(narrow.Median, wide.Median, 0.5);
        Assert.True(wide.Expected > narrow.Expected, "the wider spread has the higher mean");
        Assert.True(Math.Log(wide.High / wide.Low) > 1.8 * Math.Log(narrow.High / narrow.Low),
            $"wide {wide.Low}–{wide.High} vs narrow {narrow.Low}–{narrow.High}");
    }

    [Fact]
    public void Two_posts_are_about_twice_one_post()
    {
        var posts = Photos(180, 220, 200, 190, 210, 205, 195, 230, 170, 200);
        var one = Forecast(posts, count: 1);
        var two = Forecast(posts, count: 2);

        // Means add exactly (up to rounding); medians a little more than double, as the sum is less skewed.
        Assert.Equal(2 * one.Engagements!.Expected, two.Engagements!.Expected, 1.0);
        Assert.Equal(2 * one.Impressions!.Expected, two.Impressions!.Expected, 1.0);
        Assert.InRange(two.Engagements.Median / one.Engagements.Median, 2.0, 2.1);
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
    public void Without_reported_reach_or_followers_it_comes_from_engagements_by_the_reference_band()
    {
        var f = Forecast(Photos([.. Enumerable.Repeat(300L, 30)]), followers: null);

        // 300 engagements ÷ ER by reach 2%–5% (middle 3.16%) ≈ 9,487 people.
        Assert.Equal(300 / Math.Sqrt(0.02 * 0.05), f.Reach!.Median, 1.0);
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

        Assert.Equal(4000, f.Impressions!.Median, 1.0);
        Assert.Equal(3000, f.Reach!.Median, 1.0);
        Assert.Equal(88, f.Engagements!.Median, 0.5);
        Assert.DoesNotContain("engagement_rate_by_reach", f.Basis);
    }

    [Fact]
    public void Stories_without_story_history_use_the_documented_share_of_followers()
    {
        var f = Forecast(Photos(100, 120, 110, 90, 105), Deliverables.InstagramStory, followers: 5000);

        Assert.Null(f.Engagements);
        Assert.Equal(5000 * 0.0912, f.Reach!.Median, 0.5);
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

        Assert.Equal(380, f.Reach!.Median, 0.5);
        Assert.Equal(450, f.Impressions!.Median, 0.5);
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

        Assert.Equal(10_000 * 0.02, f.Clicks!.Median, 0.5);
        Assert.Equal(10_000 * 0.02 * 0.05, f.Conversions!.Median, 0.01);
        Assert.Equal(10_000 * 0.02 * 0.05 * 50, f.Revenue!.Median, 0.5);

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

    private static double LogWidth(Estimate e) => Math.Log(e.High / e.Low);

    /// <summary>The pre-2026-12 sum: count independent posts, each the log-normal through the count-1 median and interval.</summary>
    private static double IndependentLogWidth(Estimate one, int count)
    {
        var s2 = Math.Pow(LogWidth(one) / (2 * LogNormal.Z80), 2);
        return 2 * LogNormal.Z80 * Math.Sqrt(Math.Log(1 + (Math.Exp(s2) - 1) / count));
    }

    [Fact]
    public void The_mean_is_above_the_median_by_the_log_normal_factor()
    {
        var e = Forecast(Photos([.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 50L : 800L)])).Engagements!;

        var sigma = LogWidth(e) / (2 * LogNormal.Z80);
        Assert.Equal(Math.Exp(sigma * sigma / 2), e.Expected / e.Median, 2);
        Assert.True(e.Expected > 1.3 * e.Median, $"mean {e.Expected} vs median {e.Median}");
    }

    [Fact]
    public void Two_posts_of_a_well_known_account_sum_almost_like_independent_posts()
    {
        // 30 posts: the account's centre is known to σ/√30, so nearly all the spread is post-to-post and averages out.
        var posts = Photos([.. Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 100L : 400L)]);
        var one = Forecast(posts).Engagements!;
        var two = Forecast(posts, count: 2).Engagements!;

        Assert.InRange(LogWidth(two) / IndependentLogWidth(one, 2), 1.0, 1.05);
        Assert.True(LogWidth(two) < 0.8 * LogWidth(one));
    }

    [Fact]
    public void Two_posts_of_a_three_post_account_are_wider_than_an_independent_sum()
    {
        // 3 posts: the account's centre is uncertain by σ/√3, and that uncertainty is the same for both new posts.
        var posts = Photos(100, 400, 200);
        var one = Forecast(posts).Engagements!;
        var two = Forecast(posts, count: 2).Engagements!;
        var three = Forecast(posts, count: 3).Engagements!;

        Assert.True(LogWidth(two) > 1.05 * IndependentLogWidth(one, 2), $"{LogWidth(two)} vs independent {IndependentLogWidth(one, 2)}");
        Assert.True(LogWidth(three) > 1.1 * IndependentLogWidth(one, 3));
        // Still narrower than one post scaled up (which would treat the posts as one and the same).
        Assert.True(LogWidth(two) < LogWidth(one));
        Assert.Equal(2 * one.Expected, two.Expected, 1.0);
    }

    [Fact]
    public void A_constant_history_stays_narrow_for_several_posts()
    {
        var posts = Photos([.. Enumerable.Repeat(200L, 30)]);
        var three = Forecast(posts, count: 3).Engagements!;

        Assert.Equal(600, three.Median, 3.0);
        Assert.InRange(three.Low, 500, 600);
        Assert.InRange(three.High, 600, 700);
    }

    [Fact]
    public void Without_reported_reach_it_is_a_share_of_followers_with_the_fitted_band()
    {
        var f = Forecast(Photos([.. Enumerable.Repeat(300L, 30)]), followers: 10_000);

        var band = ForecastSettings.Default.ReachShareOfFollowers;
        Assert.Equal(10_000 * 0.35, f.Reach!.Median, 1.0);
        Assert.Equal(10_000 * band.Low, f.Reach.Low, 1.0);
        Assert.Equal(10_000 * band.High, f.Reach.High, 1.0);
        Assert.Contains("followers ×", f.Basis);
        Assert.Equal(f.Reach, f.Impressions);
    }

    [Fact]
    public void Reach_never_exceeds_impressions()
    {
        var random = new Random(6);
        long? Maybe(double value) => random.NextDouble() < 0.3 ? null : (long)value;
        var kinds = new (Platform Platform, string Deliverable, PostType Type)[]
        {
            (Platform.Instagram, Deliverables.InstagramPost, PostType.Photo),
            (Platform.Instagram, Deliverables.InstagramReel, PostType.Reel),
            (Platform.Instagram, Deliverables.InstagramStory, PostType.Story),
            (Platform.TikTok, Deliverables.TikTokVideo, PostType.Video),
            (Platform.YouTube, Deliverables.YouTubeVideo, PostType.Video),
            (Platform.X, Deliverables.XPost, PostType.Text),
        };
        var checkedForecasts = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var (platform, deliverable, type) = kinds[random.Next(kinds.Length)];
            var scale = Math.Exp(random.NextDouble() * 10);
            var posts = Enumerable.Range(0, 1 + random.Next(12)).Select(i =>
            {
                // Views, reach and impressions drawn independently, so any of them can come out above the others.
                var likes = scale * Math.Exp(random.NextDouble() * 2);
                return new PostOutcome(type, AsOf.AddDays(-2 - 5 * i), Maybe(likes), Maybe(likes / 10), null, null,
                    Maybe(scale * 20 * Math.Exp(random.NextDouble() * 3)), Maybe(scale * 20 * Math.Exp(random.NextDouble() * 3)),
                    Maybe(scale * 20 * Math.Exp(random.NextDouble() * 3)));
            }).ToList();
            long? followers = random.NextDouble() < 0.2 ? null : (long)(scale * 100 * Math.Exp(random.NextDouble() * 3));
            var f = Forecast(posts, deliverable, 1 + random.Next(3), followers, platform);
            if (f.Reach is not { } r || f.Impressions is not { } i)
                continue;
            checkedForecasts++;
            Assert.True(r.Low <= i.Low && r.Median <= i.Median && r.Expected <= i.Expected && r.High <= i.High,
                $"trial {trial}: reach {r} above impressions {i}");
            Assert.True(r.Low <= r.Median && r.Median <= r.Expected && r.Median <= r.High, $"trial {trial}: reach {r}");
        }
        Assert.True(checkedForecasts > 1000);
    }

    [Fact]
    public void Reported_reach_above_views_is_capped_at_views()
    {
        var posts = Enumerable.Range(0, 10)
            .Select(i => new PostOutcome(PostType.Video, AsOf.AddDays(-2 - i), 80, 5, 3, null, 1000, 3000, null))
            .ToList();
        var f = Forecast(posts, Deliverables.TikTokVideo, platform: Platform.TikTok);

        Assert.Equal(f.Impressions, f.Reach);
        Assert.Equal(1000, f.Impressions!.Median, 1.0);
    }
}
