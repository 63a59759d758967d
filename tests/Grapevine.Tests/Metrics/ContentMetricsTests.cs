using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using static Grapevine.Tests.Metrics.PostBuilder;

namespace Grapevine.Tests.Metrics;

public class ContentMetricsTests
{
    [Fact]
    public void Posting_frequency_counts_feed_posts_of_the_last_ninety_days_per_week()
    {
        var posts = new[] { Post(1), Post(10), Post(89), Post(91), Post(2, type: PostType.Story) };
        var frequency = ContentMetrics.PostingFrequency(posts, Now);
        Assert.Equal(3 / (90 / 7.0), frequency.Value!.Value, 9);
        Assert.Equal(3, frequency.N);
        Assert.Equal(Now.AddDays(-90), frequency.WindowStart);
        Assert.Equal(Now.AddTicks(-1).Date, frequency.WindowEnd);
    }

    [Fact]
    public void Posting_frequency_computed_at_the_close_of_a_day_names_that_day_as_its_last_not_the_next()
    {
        var closeOfDay = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        var frequency = ContentMetrics.PostingFrequency([Post(1)], closeOfDay);
        Assert.Equal(new DateTime(2026, 9, 9, 0, 0, 0, DateTimeKind.Utc), frequency.WindowStart);
        Assert.Equal(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc), frequency.WindowEnd);
    }

    [Fact]
    public void Posting_frequency_is_zero_for_an_inactive_account_and_unknown_without_posts()
    {
        Assert.Equal(0, ContentMetrics.PostingFrequency([Post(200)], Now).Value);
        Assert.Null(ContentMetrics.PostingFrequency([], Now).Value);
    }

    [Fact]
    public void Average_views_is_the_mean_of_recent_videos_with_views()
    {
        var posts = new[]
        {
            Post(1, views: 1_000, type: PostType.Reel),
            Post(2, views: 3_000, type: PostType.Video),
            Post(3, views: null, type: PostType.Video),
            Post(4, views: 9_999, type: PostType.Photo),
        };
        var views = ContentMetrics.AverageViews(posts);
        Assert.Equal(2_000, views.Value);
        Assert.Equal(2, views.N);
        Assert.Null(ContentMetrics.AverageViews([Post(1)]).Value);
    }

    [Fact]
    public void Sponsored_share_reads_the_last_thirty_feed_posts()
    {
        var posts = Enumerable.Range(1, 30).Select(d => Post(d, sponsored: d % 5 == 0))
            .Append(Post(40, sponsored: true))
            .Append(Post(1, type: PostType.Story, sponsored: true))
            .ToList();
        var share = ContentMetrics.SponsoredShare(posts);
        Assert.Equal(20.0, share.Value!.Value, 9);
        Assert.Equal(30, share.N);
        Assert.Null(ContentMetrics.SponsoredShare([]).Value);
    }

    [Fact]
    public void Paid_organic_ratio_compares_medians_and_needs_three_posts_a_side()
    {
        var posts = new List<PostObservation>
        {
            Post(1, 20, 0, sponsored: true), Post(2, 20, 0, sponsored: true), Post(3, 30, 0, sponsored: true),
            Post(4, 40, 0), Post(5, 40, 0), Post(6, 50, 0),
        };
        var ratio = ContentMetrics.PaidOrganicRatio(1_000, posts);
        Assert.Equal(0.5, ratio.Value);
        Assert.Equal(6, ratio.N);

        var tooFew = ContentMetrics.PaidOrganicRatio(1_000, posts.Skip(1).ToList());
        Assert.Null(tooFew.Value);
        Assert.Null(ContentMetrics.PaidOrganicRatio(0, posts).Value);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(null, "summer ad", true)]
    [InlineData(false, "sponsored", true)]
    [InlineData(null, "spon collab partner", false)]
    [InlineData(null, "adventure", false)]
    [InlineData(null, null, false)]
    public void Only_accepted_disclosures_make_a_post_sponsored(bool? flag, string? hashtags, bool expected) =>
        Assert.Equal(expected, SponsoredPost.IsSponsored(flag, hashtags));
}
