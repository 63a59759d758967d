using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Discovery;

public class DiscoveryQueryParserTests
{
    private static DiscoveryQuery Parse(DiscoveryQueryInput input) => DiscoveryQueryParser.Parse(input);

    private static Dictionary<string, string[]> Errors(DiscoveryQueryInput input)
    {
        Assert.False(DiscoveryQueryParser.TryParse(input, out _, out var errors));
        Assert.NotEmpty(errors);
        return errors;
    }

    private static string Error(DiscoveryQueryInput input, string field)
    {
        var errors = Errors(input);
        Assert.True(errors.ContainsKey(field), $"expected an error on {field}; got {string.Join("; ", errors.Select(e => e.Key))}");
        return string.Join(" ", errors[field]);
    }

    [Fact]
    public void An_empty_input_is_everything_by_fit()
    {
        var query = Parse(new DiscoveryQueryInput());
        Assert.Empty(query.Words);
        Assert.Empty(query.Hashtags);
        Assert.Empty(query.Platforms);
        Assert.Equal(DiscoverySort.Fit, query.Sort);
        Assert.Equal(DiscoveryQuery.DefaultLimit, query.Limit);
        Assert.Equal(DiscoveryQuery.DefaultTagWindowDays, query.TagWindowDays);
        Assert.Equal(FitWeights.Default, query.Weights);
        Assert.False(query.HasEmail);
        Assert.Null(query.Verified);
        Assert.Null(query.MinAudienceQuality);
    }

    [Fact]
    public void One_letter_and_common_words_are_dropped_with_a_notice_naming_them()
    {
        var query = Parse(new DiscoveryQueryInput { Text = "a vegan b", Keywords = "x, the protein" });
        Assert.Equal(["vegan"], query.Words);
        Assert.Equal(["protein"], query.Keywords);
        Assert.Equal(
            [
                new QueryNotice(DiscoveryFields.Text, "Ignored 'a', 'b': single letters and digits are not searchable."),
                new QueryNotice(DiscoveryFields.Keywords, "Ignored 'x': single letters and digits are not searchable."),
                new QueryNotice(DiscoveryFields.Keywords, "Ignored 'the': such common words are left out of every profile, so they cannot match."),
            ],
            query.Notices);
        Assert.Empty(Parse(new DiscoveryQueryInput { Text = "vegan #keto", Keywords = "protein" }).Notices);
        Assert.Equal(
            [new QueryNotice(DiscoveryFields.Keywords, "Ignored '🔥', '!!!': emoji, symbols and punctuation are not searchable; search matches words, #hashtags and @mentions.")],
            Parse(new DiscoveryQueryInput { Keywords = "🔥, !!!, protein" }).Notices);
    }

    [Fact]
    public void Keywords_are_a_comma_list_of_words_that_rank_and_do_not_filter()
    {
        var query = Parse(new DiscoveryQueryInput { Keywords = " Vegan , Oat-Milk,#protein, vegan ,, \"plant based\" " });
        Assert.Equal(["vegan", "oat milk", "protein", "plant based"], query.Keywords);
        Assert.Empty(query.Words);
        Assert.Empty(Parse(new DiscoveryQueryInput { Keywords = " , " }).Keywords);

        Assert.Contains("at most 4", Error(new DiscoveryQueryInput { Keywords = "one two three four five" }, DiscoveryFields.Keywords));
        Assert.Contains("at most 20", Error(new DiscoveryQueryInput { Keywords = string.Join(',', Enumerable.Range(0, 21).Select(i => $"word{i}")) }, DiscoveryFields.Keywords));
        Assert.Contains("at most 1,000", Error(new DiscoveryQueryInput { Keywords = new string('k', 1001) }, DiscoveryFields.Keywords));

        var weights = Parse(new DiscoveryQueryInput { Weights = "keywords=0.5" }).Weights;
        Assert.Equal(FitWeights.Default with { Keywords = 0.5 }, weights);
        Assert.Equal("niche=0.3,keywords=0.2,audience=0.1,engagement=0.2,quality=0.15,cost=0.1,recency=0.1,safety=0.05",
            DiscoveryQueryParser.WeightsText(FitWeights.Default));
    }

    [Fact]
    public void Blank_values_are_not_filters()
    {
        var query = Parse(new DiscoveryQueryInput { Text = " ", Platform = "", Tier = " , ", MinFollowers = " ", Verified = "", Sort = "", Limit = " ", Weights = "" });
        Assert.Empty(query.Platforms);
        Assert.Empty(query.Tiers);
        Assert.Null(query.MinFollowers);
        Assert.Null(query.Verified);
        Assert.Equal(DiscoveryQuery.DefaultLimit, query.Limit);
    }

    [Fact]
    public void Text_becomes_words_hashtags_and_mentions()
    {
        var query = Parse(new DiscoveryQueryInput { Text = "\"Vegan Fitness\" #GlutenFree @Oatly" });
        Assert.Equal(["vegan", "fitness"], query.Words);
        Assert.Equal(["glutenfree"], query.Hashtags);
        Assert.Equal(["oatly"], query.Mentions);
    }

    [Fact]
    public void Injection_like_text_is_words_and_never_an_error()
    {
        var query = Parse(new DiscoveryQueryInput { Text = "'; DROP TABLE accounts; --" });
        Assert.Equal(["drop", "table", "accounts"], query.Words);
        query = Parse(new DiscoveryQueryInput { Text = "\" OR 1=1" });
        Assert.Empty(query.Words);
        Assert.Equal(["q", "q"], query.Notices.Select(n => n.Field));
    }

    [Fact]
    public void Comma_lists_are_parsed_normalised_and_deduplicated()
    {
        var query = Parse(new DiscoveryQueryInput
        {
            Platform = "Instagram, tiktok,,instagram",
            Tier = "NANO,micro",
            Country = "us, de ,US",
            Language = "EN,pt-BR",
            Niche = "Fitness, Home & Interior",
        });
        Assert.Equal([Platform.Instagram, Platform.TikTok], query.Platforms);
        Assert.Equal(["nano", "micro"], query.Tiers);
        Assert.Equal(["US", "DE"], query.Countries);
        Assert.Equal(["en", "pt-br"], query.Languages);
        Assert.Equal(["fitness", "home-interior"], query.Niches);
    }

    [Theory]
    [InlineData("myspace", "unknown platform 'myspace'; one of instagram, tiktok")]
    [InlineData("instagram,orkut", "unknown platform 'orkut'")]
    public void An_unknown_platform_is_named(string platform, string message) =>
        Assert.Contains(message, Error(new DiscoveryQueryInput { Platform = platform }, DiscoveryFields.Platform));

    [Fact]
    public void Tier_country_language_and_niche_are_validated()
    {
        Assert.Contains("unknown tier 'giga'; one of emerging, nano, micro, macro, mega", Error(new() { Tier = "giga" }, DiscoveryFields.Tier));
        Assert.Contains("'USA' is not a two-letter country code", Error(new() { Country = "USA" }, DiscoveryFields.Country));
        Assert.Contains("the United Kingdom is GB", Error(new() { Country = "uk" }, DiscoveryFields.Country));
        Assert.Contains("'e' is not a language code", Error(new() { Language = "e" }, DiscoveryFields.Language));
        Assert.Contains("'english1' is not a known language code", Error(new() { Language = "english1" }, DiscoveryFields.Language));
        Assert.Contains("'ZZ' is not an assigned country code", Error(new() { Country = "ZZ" }, DiscoveryFields.Country));
        Assert.Contains("'xq' is not a known language code", Error(new() { Language = "xq" }, DiscoveryFields.Language));
        Assert.Contains("unknown niche 'knitting'; one of beauty, fashion, fitness", Error(new() { Niche = "knitting" }, DiscoveryFields.Niche));
        Assert.Contains("unknown niche '!!!'", Error(new() { Niche = "!!!" }, DiscoveryFields.Niche));
    }

    [Fact]
    public void Niches_are_named_by_slug_name_or_category_alias()
    {
        var query = Parse(new DiscoveryQueryInput { Niche = "Art & DIY, health-wellness, makeup, Beauty" });
        Assert.Equal(["art-diy", "health-wellness", "beauty"], query.Niches);
        Assert.All(NicheTaxonomy.Default.Niches, n => Assert.Equal([n.Slug], Parse(new() { Niche = n.Name }).Niches));
    }

    [Theory]
    [InlineData("10000", 10_000L)]
    [InlineData("10,000", 10_000L)]
    [InlineData("10_000", 10_000L)]
    [InlineData("10k", 10_000L)]
    [InlineData("2.5K", 2_500L)]
    [InlineData("1.5m", 1_500_000L)]
    [InlineData("0", 0L)]
    public void Follower_counts_take_separators_and_suffixes(string text, long expected) =>
        Assert.Equal(expected, Parse(new DiscoveryQueryInput { MinFollowers = text }).MinFollowers);

    [Theory]
    [InlineData("lots", "'lots' is not a number of followers")]
    [InlineData("-5", "must be 0 or more")]
    [InlineData("1.5", "not a whole number")]
    [InlineData("99999999999", "more followers than any account has")]
    public void Bad_follower_counts_are_named(string text, string message) =>
        Assert.Contains(message, Error(new DiscoveryQueryInput { MaxFollowers = text }, DiscoveryFields.MaxFollowers));

    [Fact]
    public void A_range_needs_min_at_most_max()
    {
        Assert.Contains("50,000 is more than the maximum (10,000)", Error(new() { MinFollowers = "50k", MaxFollowers = "10000" }, DiscoveryFields.MinFollowers));
        Assert.Contains("5% is more than the maximum (2%)", Error(new() { MinEr = "5", MaxEr = "2" }, DiscoveryFields.MinEr));
        var equal = Parse(new() { MinFollowers = "10k", MaxFollowers = "10000", MinEr = "2", MaxEr = "2%" });
        Assert.Equal((10_000L, 10_000L, 2.0, 2.0), (equal.MinFollowers, equal.MaxFollowers, equal.MinEngagementRate, equal.MaxEngagementRate));
    }

    [Fact]
    public void Engagement_and_sponsored_share_are_percentages()
    {
        var query = Parse(new() { MinEr = "1.5", MaxEr = "8%", MaxSponsored = "20" });
        Assert.Equal((1.5, 8.0, 20.0), (query.MinEngagementRate, query.MaxEngagementRate, query.MaxSponsoredShare));
        Assert.Contains("between 0 and 100", Error(new() { MinEr = "101" }, DiscoveryFields.MinEr));
        Assert.Contains("between 0 and 100", Error(new() { MaxSponsored = "-1" }, DiscoveryFields.MaxSponsored));
        Assert.Contains("'high' is not a percentage", Error(new() { MaxEr = "high" }, DiscoveryFields.MaxEr));
        Assert.Contains("is not a percentage", Error(new() { MaxEr = "NaN" }, DiscoveryFields.MaxEr));
        Assert.Contains("between 0 and 100; got 1" + new string('0', 400), Error(new() { MaxSponsored = "1" + new string('0', 400) }, DiscoveryFields.MaxSponsored));
        Assert.Contains("is not a percentage", Error(new() { MaxEr = "2,5" }, DiscoveryFields.MaxEr));
    }

    [Theory]
    [InlineData("80", 0.8)]
    [InlineData("80%", 0.8)]
    [InlineData("0", 0.0)]
    [InlineData("100", 1.0)]
    [InlineData("72.5", 0.725)]
    public void Authenticity_is_a_percentage_stored_as_a_fraction(string text, double expected) =>
        Assert.Equal(expected, Parse(new() { MinAuthenticity = text }).MinAudienceQuality!.Value, 10);

    [Fact]
    public void Authenticity_out_of_range_is_named() =>
        Assert.Contains("between 0 and 100; got 120", Error(new() { MinAuthenticity = "120" }, DiscoveryFields.MinAuthenticity));

    [Theory]
    [InlineData("300", 300.0)]
    [InlineData("$300", 300.0)]
    [InlineData("1,250.50", 1250.5)]
    [InlineData("99 USD", 99.0)]
    public void Prices_are_dollars(string text, double expected) =>
        Assert.Equal(expected, Parse(new() { MaxPrice = text }).MaxPrice);

    [Theory]
    [InlineData("0", "must be more than 0")]
    [InlineData("-10", "must be more than 0")]
    [InlineData("cheap", "is not a price in US dollars")]
    public void Bad_prices_are_named(string text, string message) =>
        Assert.Contains(message, Error(new() { MaxPrice = text }, DiscoveryFields.MaxPrice));

    [Fact]
    public void A_price_too_large_for_a_number_is_named() =>
        Assert.Contains("is more than any price; leave it out for no maximum", Error(new() { MaxPrice = "1" + new string('0', 400) }, DiscoveryFields.MaxPrice));

    [Fact]
    public void Days_are_whole_numbers_in_range()
    {
        var query = Parse(new() { PostedWithin = "30", TagWindow = "90d" });
        Assert.Equal((30, 90), (query.PostedWithinDays, query.TagWindowDays));
        Assert.Contains("between 1 and 3650 days; got 0", Error(new() { PostedWithin = "0" }, DiscoveryFields.PostedWithin));
        Assert.Contains("not a whole number of days", Error(new() { TagWindow = "1.5" }, DiscoveryFields.TagWindow));
        Assert.Contains("between 1 and 3650", Error(new() { TagWindow = "4000" }, DiscoveryFields.TagWindow));
        Assert.Equal("is between 1 and 3650 days; got 99999999999", Error(new() { PostedWithin = "99999999999" }, DiscoveryFields.PostedWithin));
        Assert.Equal("is between 1 and 3650 days; got -99999999999d", Error(new() { TagWindow = "-99999999999d" }, DiscoveryFields.TagWindow));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void Booleans_take_the_usual_spellings(string text, bool expected)
    {
        var query = Parse(new() { HasEmail = text, Verified = text });
        Assert.Equal(expected, query.HasEmail);
        Assert.Equal(expected, query.Verified);
    }

    [Fact]
    public void Bad_booleans_are_named()
    {
        var errors = Errors(new() { HasEmail = "maybe", Verified = "blue" });
        Assert.Contains("'maybe' is not true or false", errors[DiscoveryFields.HasEmail][0]);
        Assert.Contains("'blue' is not true or false", errors[DiscoveryFields.Verified][0]);
    }

    [Theory]
    [InlineData("fit", DiscoverySort.Fit)]
    [InlineData("ER", DiscoverySort.Er)]
    [InlineData("engagement", DiscoverySort.Er)]
    [InlineData("followers", DiscoverySort.Followers)]
    [InlineData("price", DiscoverySort.Price)]
    [InlineData("growth", DiscoverySort.Growth)]
    public void Sorts_are_named(string text, DiscoverySort sort)
    {
        Assert.Equal(sort, Parse(new() { Sort = text }).Sort);
        Assert.Equal(sort, Parse(new() { Sort = DiscoveryQueryParser.SortName(sort) }).Sort);
    }

    [Fact]
    public void An_unknown_sort_lists_the_sorts() =>
        Assert.Contains("unknown sort 'relevance'; one of fit, er, followers, price, growth", Error(new() { Sort = "relevance" }, DiscoveryFields.Sort));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("200", 200)]
    [InlineData("50", 50)]
    public void Limits_up_to_the_cap_are_taken(string text, int limit) =>
        Assert.Equal(limit, Parse(new() { Limit = text }).Limit);

    [Fact]
    public void Offset_skips_that_many_ranked_accounts_up_to_the_cap()
    {
        Assert.Equal(40, Parse(new() { Offset = "40" }).Offset);
        Assert.Equal(0, Parse(new()).Offset);
        Assert.Equal("is between 0 and 10,000; got 10001", Error(new() { Offset = "10001" }, DiscoveryFields.Offset));
        Assert.Equal("'next' is not a whole number", Error(new() { Offset = "next" }, DiscoveryFields.Offset));
    }

    [Fact]
    public void A_limit_over_the_cap_is_an_error_naming_limit()
    {
        var errors = Errors(new() { Limit = "201" });
        Assert.Equal([DiscoveryFields.Limit], errors.Keys);
        Assert.Equal("is at most 200; got 201", errors["limit"].Single());
        Assert.Contains("limit", new DiscoveryQueryException(errors).Message);
        Assert.Contains("between 1 and 200; got 0", Error(new() { Limit = "0" }, DiscoveryFields.Limit));
        Assert.Contains("'ten' is not a whole number", Error(new() { Limit = "ten" }, DiscoveryFields.Limit));
        // Too large for an int is still a whole number: out of range, said so.
        Assert.Equal("is at most 200; got 99999999999", Error(new() { Limit = "99999999999" }, DiscoveryFields.Limit));
        Assert.Equal("is between 1 and 200; got -99999999999999999999", Error(new() { Limit = "-99999999999999999999" }, DiscoveryFields.Limit));
    }

    [Fact]
    public void Weights_override_the_defaults_they_name()
    {
        var query = Parse(new() { Weights = "niche=0.4, cost:0.2,Safety=0" });
        Assert.Equal(FitWeights.Default with { Niche = 0.4, Cost = 0.2, Safety = 0 }, query.Weights);
        Assert.Equal(FitWeights.Default, Parse(new() { Weights = DiscoveryQueryParser.WeightsText(FitWeights.Default) }).Weights);
    }

    [Theory]
    [InlineData("size=0.5", "'size=0.5' is not name=weight with a name among niche, keywords, audience, engagement")]
    [InlineData("niche", "'niche' is not name=weight")]
    [InlineData("niche=-1", "the weight of niche is a number from 0 to 1000; got '-1'")]
    [InlineData("niche=lots", "got 'lots'")]
    [InlineData("niche=0.2,niche=0.3", "niche is given twice")]
    [InlineData("niche=0,audience=0,engagement=0,quality=0,cost=0,recency=0,safety=0", "at least one weight must be above 0")]
    public void Bad_weights_are_named(string text, string message) =>
        Assert.Contains(message, Error(new() { Weights = text }, DiscoveryFields.Weights));

    [Fact]
    public void The_keywords_weight_counts_as_above_0_only_with_keywords()
    {
        const string others = "niche=0,audience=0,engagement=0,quality=0,cost=0,recency=0,safety=0";
        Assert.Equal(1, Parse(new() { Weights = others, Keywords = "vegan" }).Weights.Keywords / FitWeights.Default.Keywords);
        Assert.Contains("at least one weight must be above 0", Error(new() { Weights = others + ",keywords=0", Keywords = "vegan" }, DiscoveryFields.Weights));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_under_its_field()
    {
        var errors = Errors(new()
        {
            Text = "#" + new string('x', 200),
            Platform = "myspace",
            Tier = "giga",
            Country = "USA",
            Language = "1",
            Niche = "knitting",
            MinFollowers = "x",
            MaxFollowers = "y",
            MinEr = "x",
            MaxEr = "y",
            MinAuthenticity = "200",
            MaxPrice = "0",
            PostedWithin = "0",
            HasEmail = "x",
            MaxSponsored = "x",
            Verified = "x",
            Sort = "x",
            Limit = "500",
            Offset = "-1",
            TagWindow = "0",
            Weights = "x",
            Keywords = "one two three four five",
        });
        Assert.Equal(DiscoveryFields.All.Order(), errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
    }

    [Fact]
    public void Parse_throws_one_exception_carrying_each_field()
    {
        var e = Assert.Throws<DiscoveryQueryException>(() => Parse(new() { Limit = "1000", Sort = "best" }));
        Assert.Equal(["limit", "sort"], e.Errors.Keys.Order());
        Assert.StartsWith("sort: unknown sort 'best'", e.Message.Split("; ").Single(m => m.StartsWith("sort", StringComparison.Ordinal)));
    }

    [Fact]
    public void Input_round_trips_through_its_query_string()
    {
        var input = new DiscoveryQueryInput { Text = "vegan #keto & @oatly", Tier = "micro,nano", MinFollowers = "10k", HasEmail = "true", Weights = "niche=0.4" };
        Assert.Equal("q=vegan%20%23keto%20%26%20%40oatly&tier=micro%2Cnano&min_followers=10k&has_email=true&weights=niche%3D0.4", input.ToQueryString());
        Assert.Equal("micro", input.With(DiscoveryFields.Tier, "micro").Tier);
        Assert.Null(input.With(DiscoveryFields.Text, null).Text);
        Assert.All(DiscoveryFields.All, f => Assert.Equal("x", input.With(f, "x")[f]));
        Assert.Equal("--min-followers", DiscoveryFields.Option(DiscoveryFields.MinFollowers));
        Assert.Equal("TEXT", DiscoveryFields.Option(DiscoveryFields.Text));
    }
}
