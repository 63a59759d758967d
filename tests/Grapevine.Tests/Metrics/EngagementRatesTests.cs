using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using static Grapevine.Tests.Metrics.PostBuilder;

namespace Grapevine.Tests.Metrics;

public class EngagementRatesTests
{
    [Fact]
    public void Er_by_followers_is_the_median_of_the_last_twelve_feed_posts()
    {
        // 14 posts: the two oldest have a huge rate and must fall outside the last 12.
        var posts = Enumerable.Range(1, 12).Select(d => Post(d, likes: 90 + d, comments: 10))
            .Append(Post(30, likes: 100_000)).Append(Post(31, likes: 100_000))
            .ToList();

        var er = EngagementRates.ByFollowers(10_000, posts);

        // rates are (100+d)/10000*100 = 1.01..1.12 %; median of 12 = (1.06 + 1.07) / 2
        Assert.Equal(1.065, er.Value!.Value, 6);
        Assert.Equal(12, er.N);
        Assert.Equal(Now.AddDays(-12), er.WindowStart);
        Assert.Equal(Now.AddDays(-1), er.WindowEnd);
        Assert.Equal(MetricDefinitions.ErByFollowers.Formula, er.Formula);
    }

    [Fact]
    public void Er_by_followers_uses_the_posts_there_are_when_fewer_than_twelve()
    {
        var er = EngagementRates.ByFollowers(1_000, [Post(1, 40, 10), Post(2, 20, 0), Post(3, 90, 10)]);
        Assert.Equal(5.0, er.Value);
        Assert.Equal(3, er.N);
    }

    [Fact]
    public void Stories_do_not_count_as_feed_posts()
    {
        var posts = new[] { Post(1, 1_000, 0, PostType.Story), Post(2, 10, 0), Post(3, 1_000, 0, PostType.Story) };
        var er = EngagementRates.ByFollowers(1_000, posts);
        Assert.Equal(1.0, er.Value);
        Assert.Equal(1, er.N);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(null)]
    public void Er_by_followers_is_unknown_without_a_follower_count(long? followers)
    {
        var er = EngagementRates.ByFollowers(followers, [Post(1)]);
        Assert.Null(er.Value);
    }

    [Fact]
    public void Er_by_followers_is_unknown_without_posts_and_skips_posts_with_hidden_counts()
    {
        Assert.Null(EngagementRates.ByFollowers(1_000, []).Value);
        var er = EngagementRates.ByFollowers(1_000, [Post(1, likes: null), Post(2, comments: null), Post(3, 50, 0)]);
        Assert.Equal(5.0, er.Value);
        Assert.Equal(1, er.N);
    }

    [Fact]
    public void Er_by_reach_is_unknown_when_no_post_reports_reach()
    {
        var er = EngagementRates.ByReach([Post(1, saves: 5), Post(2, saves: 3)]);
        Assert.Null(er.Value);
        Assert.Equal(0, er.N);
    }

    [Fact]
    public void Er_by_reach_counts_saves_and_skips_posts_missing_reach_or_saves()
    {
        var posts = new[]
        {
            Post(1, likes: 80, comments: 10, saves: 10, reach: 1_000),   // 10 %
            Post(2, likes: 30, comments: 10, saves: 10, reach: 1_000),   // 5 %
            Post(3, likes: 30, comments: 10, saves: null, reach: 1_000), // saves unknown: skipped
            Post(4, likes: 30, comments: 10, saves: 10, reach: 0),       // no reach: skipped
            Post(5, likes: 30, comments: 10, saves: 10, reach: 10, type: PostType.Story),
        };
        var er = EngagementRates.ByReach(posts);
        Assert.Equal(7.5, er.Value);
        Assert.Equal(2, er.N);
    }

    [Fact]
    public void Er_by_views_reads_only_video_posts_with_views_and_shares()
    {
        var posts = new[]
        {
            Post(1, likes: 50, comments: 30, shares: 20, views: 1_000, type: PostType.Reel), // 10 %
            Post(2, likes: 10, comments: 10, shares: 0, views: 1_000, type: PostType.Short), // 2 %
            Post(3, likes: 10, comments: 10, shares: null, views: 1_000, type: PostType.Video),
            Post(4, likes: 10, comments: 10, shares: 10, views: 1_000, type: PostType.Photo),
        };
        var er = EngagementRates.ByViews(posts);
        Assert.Equal(6.0, er.Value);
        Assert.Equal(2, er.N);
    }

    [Fact]
    public void Post_rate_is_null_when_anything_is_unknown()
    {
        Assert.Null(EngagementRates.OfPost(0, 1, 1));
        Assert.Null(EngagementRates.OfPost(100, null, 1));
        Assert.Equal(2.0, EngagementRates.OfPost(100, 1, 1));
    }
}
