using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Discovery.Pricing;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Tests.Vetting;

namespace Grapevine.Tests.Discovery.Profiles;

public sealed class SearchProfileBuilderTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static readonly SearchProfileBuilder Builder =
        new(NicheScorer.Default, PriceEstimator.Default, BrandSafetyLexicon.Default, new NameClassifier());

    private static ProfilePost Post(int daysAgo, string? caption, long? likes = 100, long? comments = 10, PostType type = PostType.Photo)
    {
        var (hashtags, mentions) = CaptionTags.Extract(caption);
        return new ProfilePost(Now.AddDays(-daysAgo), type, caption, hashtags, mentions, likes, comments);
    }

    private static SearchProfileInput Input(IReadOnlyList<ProfilePost>? posts = null, IReadOnlyList<FollowerProfile>? sample = null) => new(
        AccountId: 7, Platform: Platform.Instagram, Handle: "lena.lifts", DisplayName: "Lena Vogel", Followers: 30_000, Tier: "micro",
        Country: "DE", Language: "de", IsVerified: false, Email: "lena@example.com",
        Bio: "Vegan fitness coach 🌱 home workouts & plant-based recipes. Collabs: lena@example.com", Category: null,
        Posts: posts ?? [], EngagementRate: 1.2, SponsoredShare: 10, Growth: 2.5, FollowerSample: sample ?? []);

    [Fact]
    public void Builds_every_field_from_fields_posts_metrics_and_sample()
    {
        var posts = new List<ProfilePost>
        {
            Post(1, "Leg day 💪 thanks @ironpeak.fit #fitness #legday", 200, 20),
            Post(3, "Tofu scramble #vegan #recipes", 100, 10),
            Post(5, "Morning story", 5000, 0, PostType.Story),
            Post(10, "Stretch with me #mobility #fitness", 300, 30),
            Post(400, "Old post #throwback @oldbrand", 1, 1),
        };
        var sample = Enumerable.Range(0, 200).Select(i => new FollowerProfile(i < 50 ? $"fake{i}" : $"real{i}")).ToList();

        var profile = Builder.Build(Input(posts, sample), Now);

        Assert.Equal(7, profile.AccountId);
        Assert.Equal(Platform.Instagram, profile.Platform);
        Assert.Equal("micro", profile.Tier);
        Assert.True(profile.HasEmail);
        Assert.Equal("fitness", profile.PrimaryNiche);
        Assert.Contains(profile.Niches, n => n.Niche == "food");
        Assert.True(profile.Niches.Sum(n => n.Score) <= 100);
        Assert.All(profile.Niches, n => Assert.Equal(7, n.AccountId));
        Assert.NotNull(profile.NicheConfidence);
        Assert.Equal(1.2, profile.EngagementRate);
        Assert.Null(profile.EngagementPercentile);
        Assert.Equal(0.75, profile.AudienceQuality);
        // Feed posts only (the story's 5,000 likes do not count): median of 220, 110, 330, 2.
        Assert.Equal(165, profile.ExpectedEngagements);
        var price = PriceEstimator.Default.EstimateDefault(Platform.Instagram, 30_000, 1.2)!;
        Assert.Equal(price.Estimate, profile.PriceEstimate);
        Assert.Equal(price.Low, profile.PriceLow);
        Assert.Equal(price.High, profile.PriceHigh);
        Assert.True(profile.PriceLow < profile.PriceEstimate && profile.PriceEstimate < profile.PriceHigh);
        Assert.Equal(new DateTimeOffset(Now.AddDays(-1)).ToUnixTimeSeconds(), profile.LastPostedAt);
        Assert.Equal(10, profile.SponsoredShare);
        Assert.Equal(2.5, profile.Growth);
        Assert.Equal(1, profile.SafetyScore);
        Assert.Equal(Now, profile.UpdatedAt);

        var words = profile.Words.Split(' ');
        Assert.Equal(words.Distinct().Count(), words.Length);
        Assert.Equal(["lena", "lifts", "vogel", "vegan", "fitness", "coach"], words.Take(6));
        Assert.Contains("tofu", words);
        Assert.Contains("legday", words);
        Assert.DoesNotContain("throwback", words); // older than the window
        Assert.DoesNotContain("example", words); // an address
        Assert.DoesNotContain("ironpeak", words); // a mention names someone else
        Assert.DoesNotContain("with", words); // a stop word
        Assert.Contains("morning", words); // stories speak too
    }

    [Fact]
    public void Terms_carry_their_latest_use_and_number_of_posts_within_the_window()
    {
        var posts = new List<ProfilePost>
        {
            Post(1, "#fitness #legday @ironpeak.fit"),
            Post(10, "#fitness @IronPeak.fit"),
            Post(30, "#vegan"),
            Post(400, "#throwback"),
        };
        var terms = Builder.Build(Input(posts), Now).Terms.ToDictionary(t => t.Term);

        Assert.Equal(["#fitness", "#legday", "#vegan", "@ironpeak.fit"], terms.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, terms["#fitness"].Uses);
        Assert.Equal(SearchProfileBuilder.UnixSeconds(Now.AddDays(-1)), terms["#fitness"].LastUsedAt);
        Assert.Equal(2, terms["@ironpeak.fit"].Uses);
        Assert.Equal(SearchProfileBuilder.UnixSeconds(Now.AddDays(-30)), terms["#vegan"].LastUsedAt);
        Assert.All(terms.Values, t => Assert.Equal(7, t.AccountId));
    }

    [Fact]
    public void Terms_keep_the_most_recently_used_when_there_are_too_many()
    {
        var posts = Enumerable.Range(0, 150).Select(i => Post(i + 1, $"#tag{i:000}")).ToList();
        var terms = Builder.Build(Input(posts), Now).Terms;
        Assert.Equal(SearchProfileBuilder.MaxTerms, terms.Count);
        Assert.Equal("#tag000", terms[0].Term);
        Assert.Equal("#tag099", terms[^1].Term);
    }

    [Fact]
    public void Words_are_capped_profile_first_then_newest_captions()
    {
        var posts = Enumerable.Range(0, 30).Select(i => Post(i + 1, string.Join(' ', Enumerable.Range(0, 10).Select(j => $"w{i:00}x{j}")))).ToList();
        var words = Builder.Build(Input(posts), Now).Words.Split(' ');
        Assert.Equal(SearchProfileBuilder.MaxWords, words.Length);
        Assert.Equal("lena", words[0]);
        Assert.Contains("w00x0", words);
        Assert.DoesNotContain("w23x9", words);
    }

    [Fact]
    public void Only_the_newest_captions_of_the_window_count()
    {
        var posts = Enumerable.Range(0, 30).Select(i => Post(i + 1, $"word{i:00}")).ToList();
        var words = Builder.Build(Input(posts), Now).Words.Split(' ');
        Assert.Contains("word23", words);
        Assert.DoesNotContain("word24", words);
    }

    [Fact]
    public void Unknown_stays_null()
    {
        var input = Input() with
        {
            Followers = null,
            Tier = null,
            Email = null,
            Bio = null,
            EngagementRate = null,
            SponsoredShare = null,
            Growth = null,
            Handle = "x_1",
            DisplayName = null,
            IsVerified = null,
            Country = null,
            Language = null,
        };
        var profile = Builder.Build(input, Now);
        Assert.Null(profile.Tier);
        Assert.Null(profile.Followers);
        Assert.False(profile.HasEmail);
        Assert.Null(profile.PrimaryNiche);
        Assert.Null(profile.NicheConfidence);
        Assert.Empty(profile.Niches);
        Assert.Null(profile.EngagementRate);
        Assert.Null(profile.AudienceQuality);
        Assert.Null(profile.ExpectedEngagements);
        Assert.Null(profile.PriceEstimate);
        Assert.Null(profile.PriceLow);
        Assert.Null(profile.PriceHigh);
        Assert.Null(profile.LastPostedAt);
        Assert.Null(profile.SafetyScore);
        Assert.Null(profile.IsVerified);
        Assert.Empty(profile.Terms);
        Assert.Equal("", profile.Words);
    }

    [Fact]
    public void Audience_quality_needs_the_minimum_sample_and_a_classifier()
    {
        var small = Enumerable.Range(0, 99).Select(i => new FollowerProfile($"real{i}")).ToList();
        Assert.Null(Builder.Build(Input(sample: small), Now).AudienceQuality);
        var enough = Enumerable.Range(0, 100).Select(i => new FollowerProfile($"real{i}")).ToList();
        Assert.Equal(1, Builder.Build(Input(sample: enough), Now).AudienceQuality);
        var noClassifier = new SearchProfileBuilder(NicheScorer.Default, PriceEstimator.Default, BrandSafetyLexicon.Default, null);
        Assert.Null(noClassifier.Build(Input(sample: enough), Now).AudienceQuality);
    }

    [Fact]
    public void Safety_score_falls_with_each_flagged_text()
    {
        var posts = new List<ProfilePost> { Post(1, "Casino night 🎰"), Post(2, "Beer tasting #beer"), Post(3, "Leg day") };
        var profile = Builder.Build(Input(posts) with { Bio = "Poker player" }, Now);
        Assert.Equal(Math.Round(1.0 / 4, 4), profile.SafetyScore);
    }

    [Fact]
    public void Expected_engagements_use_the_last_twelve_feed_posts()
    {
        var posts = Enumerable.Range(0, 20).Select(i => Post(i + 1, null, likes: i < 12 ? 10 : 1000, comments: 0)).ToList();
        Assert.Equal(10, SearchProfileBuilder.ExpectedEngagements([.. posts.OrderByDescending(p => p.PostedAt)]));
        Assert.Null(SearchProfileBuilder.ExpectedEngagements([Post(1, null, likes: null)]));
    }

    [Fact]
    public void An_imported_category_wins_the_primary_niche_and_gives_words()
    {
        var profile = Builder.Build(Input() with { Category = "Pet" }, Now);
        Assert.Equal("pets", profile.PrimaryNiche);
        Assert.Contains("pet", profile.Words.Split(' '));
    }

    [Fact]
    public void Inputs_from_import_rows_compute_the_metrics_like_the_recomputer()
    {
        var account = new AccountRow(Platform.TikTok, "Mia.Cooks", "Mia", 12_000, 100, 50, "FR", "fr", "Recettes faciles #recette",
            null, null, true, false, true, null);
        var posts = Enumerable.Range(0, 12).Select(i => new PostRow(Platform.TikTok, "mia.cooks", $"p{i}", Now.AddDays(-i - 1), PostType.Video,
            "Pâtes #recette #foodtok", 120, 0, 5, null, 4000, null, null, i == 0 ? true : false)).ToList();
        var snapshots = new List<SnapshotRow>
        {
            new(Platform.TikTok, "mia.cooks", Now.AddDays(-31), 10_000, null, null),
            new(Platform.TikTok, "mia.cooks", Now.AddDays(-1), 12_000, null, null),
        };
        var input = SearchProfileInputs.FromRows(3, account, posts, snapshots, [], Now);

        Assert.Equal("mia.cooks", input.Handle);
        Assert.Equal("micro", input.Tier);
        Assert.Equal(1.0, input.EngagementRate!.Value, 6);
        Assert.Equal(20, input.Growth!.Value, 6);
        Assert.Equal(100.0 / 12, input.SponsoredShare!.Value, 6);
        Assert.Equal("recette foodtok", input.Posts[0].Hashtags);
        var profile = Builder.Build(input, Now);
        Assert.Equal("food", profile.PrimaryNiche);
        Assert.Equal(120, profile.ExpectedEngagements);
    }
}
