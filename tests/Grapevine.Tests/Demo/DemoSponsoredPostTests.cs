using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Demo;

public partial class DemoSponsoredPostTests(DemoSample sample) : IClassFixture<DemoSample>
{
    [GeneratedRegex(@"(^|\s)#(ad|sponsored)(\s|$)|^Ad:|Paid partnership with", RegexOptions.IgnoreCase)]
    private static partial Regex ProperTag();

    [GeneratedRegex(@"(^|\s)#ad(\s|$)")]
    private static partial Regex AdTag();

    [GeneratedRegex(@"(^|\s)(#spon|#sp|#collab|#partner|#thanks)(\s|$)|Thanks @")]
    private static partial Regex VagueTag();

    private IEnumerable<(DemoSponsoredPost Truth, PostRow Post)> Sponsored(DemoDisclosure disclosure) =>
        sample.Accounts.SelectMany(a => a.Truth.SponsoredPosts
            .Where(s => s.Disclosure == disclosure)
            .Select(s => (s, a.Posts.Single(p => p.PostId == s.PostId))));

    [Fact]
    public void Every_disclosure_pattern_is_present_in_feed_posts_and_stories()
    {
        foreach (var disclosure in Enum.GetValues<DemoDisclosure>())
        {
            var posts = Sponsored(disclosure).ToList();
            Assert.True(posts.Count(p => p.Post.Type.IsFeed()) > 100, $"{disclosure}: {posts.Count} posts");
            Assert.Contains(posts, p => p.Post.Type == PostType.Story);
        }
    }

    [Fact]
    public void Proper_disclosure_opens_the_caption()
    {
        Assert.All(Sponsored(DemoDisclosure.ProperAtStart), p =>
        {
            var firstLine = p.Post.Caption!.Split('\n')[0];
            Assert.Matches(ProperTag(), firstLine);
            Assert.Contains("@" + p.Truth.Brand, p.Post.Caption);
        });
    }

    [Fact]
    public void Platform_label_only_sets_the_flag()
    {
        Assert.All(Sponsored(DemoDisclosure.PlatformLabel), p =>
        {
            Assert.True(p.Post.IsPaidPartnership);
            Assert.DoesNotMatch(ProperTag(), p.Post.Caption!);
        });
    }

    [Fact]
    public void Buried_ad_sits_among_many_hashtags_at_the_end()
    {
        Assert.All(Sponsored(DemoDisclosure.BuriedAtEnd).Where(p => p.Post.Type.IsFeed()), p =>
        {
            var caption = p.Post.Caption!;
            Assert.DoesNotMatch(AdTag(), caption.Split('\n')[0]);
            var lastLine = caption.Split('\n')[^1];
            Assert.Matches(AdTag(), lastLine);
            Assert.True(lastLine.Split(' ').Count(t => t.StartsWith('#')) >= 10, lastLine);
            Assert.NotEqual(true, p.Post.IsPaidPartnership);
        });
    }

    [Fact]
    public void Vague_and_missing_disclosures_have_no_proper_tag_but_name_the_brand()
    {
        Assert.All(Sponsored(DemoDisclosure.VagueOnly), p =>
        {
            Assert.Matches(VagueTag(), p.Post.Caption!);
            Assert.DoesNotMatch(ProperTag(), p.Post.Caption!);
        });
        Assert.All(Sponsored(DemoDisclosure.Undisclosed), p =>
        {
            Assert.DoesNotMatch(ProperTag(), p.Post.Caption!);
            Assert.DoesNotMatch(VagueTag(), p.Post.Caption!);
            Assert.Contains("@" + p.Truth.Brand, p.Post.Caption);
            Assert.NotEqual(true, p.Post.IsPaidPartnership);
        });
    }

    [Fact]
    public void About_one_post_in_seven_of_active_creators_is_sponsored()
    {
        var active = sample.Accounts.Where(a => !a.Truth.IsInactive && a.Posts.Count > 0).ToList();
        var feed = active.Sum(a => a.Posts.Count(p => p.Type.IsFeed()));
        var sponsored = active.Sum(a => a.Truth.SponsoredPosts.Count(s => a.Posts.Single(p => p.PostId == s.PostId).Type.IsFeed()));
        Assert.InRange((double)sponsored / feed, 0.10, 0.20);
        Assert.Contains(active, a => a.Truth.SponsoredPosts.Count == 0);
    }

    [Fact]
    public void Captions_use_niche_hashtags_and_competitor_brands_recur()
    {
        var byNiche = sample.Accounts.GroupBy(a => a.Truth.Niche);
        foreach (var niche in byNiche)
        {
            var tags = DemoNiches.Find(niche.Key).Hashtags.Select(t => "#" + t).ToArray();
            var feed = niche.SelectMany(a => a.Posts.Where(p => p.Type.IsFeed() && p.Platform == Platform.Instagram)).ToList();
            Assert.True(feed.Count(p => tags.Any(t => p.Caption!.Contains(t))) > feed.Count * 0.9, niche.Key);
        }
        var competitor = DemoNiches.Find("beauty").Competitors.First();
        var accountsMentioning = sample.Accounts.Count(a => a.Posts.Any(p => p.Caption?.Contains("@" + competitor) == true));
        Assert.True(accountsMentioning >= 10, $"{competitor} appears in {accountsMentioning} accounts' captions");
    }

    [Fact]
    public void Stories_are_typed_story_without_public_likes_and_only_where_stories_exist()
    {
        var stories = sample.Accounts.SelectMany(a => a.Posts.Where(p => p.Type == PostType.Story).Select(p => (a.Truth, Post: p))).ToList();
        Assert.True(stories.Count > 500);
        Assert.All(stories, s =>
        {
            Assert.Contains(s.Post.Platform, new[] { Platform.Instagram, Platform.Facebook });
            Assert.Null(s.Post.Likes);
            Assert.Null(s.Post.Comments);
            Assert.Equal(s.Truth.HasInsights, s.Post.Views is not null);
            Assert.True(s.Post.PostedAt > DemoSample.AsOf.AddDays(-31));
        });
    }
}
