using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Discovery;

public class FitExplanationTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static SearchProfile Profile() => new()
    {
        AccountId = 7,
        Platform = Platform.Instagram,
        Handle = "mara.moves",
        Tier = "micro",
        Followers = 20_000,
        Country = "DE",
        Language = "de",
        PrimaryNiche = "fitness",
        EngagementRate = 3.4,
        EngagementPercentile = 0.82,
        AudienceQuality = 0.87,
        ExpectedEngagements = 450,
        PriceEstimate = 250,
        PriceLow = 150,
        PriceHigh = 400,
        LastPostedAt = new DateTimeOffset(Now.AddDays(-3)).ToUnixTimeSeconds(),
        SafetyScore = 1,
    };

    private static FitBreakdown Breakdown(double? niche = 0.72, double nicheWeight = 0.3, double audienceWeight = 0.1) => new(
        new FitPart(nicheWeight, niche, nicheWeight * (niche ?? FitPart.NeutralValue)),
        new FitPart(0, null, 0),
        new FitPart(audienceWeight, 0.5, audienceWeight * 0.5),
        new FitPart(0.2, 0.82, 0.164),
        new FitPart(0.15, 0.87, 0.1305),
        new FitPart(0.1, null, 0.05),
        new FitPart(0.1, 1 - 3 / 90.0, 0.1 * (1 - 3 / 90.0)),
        new FitPart(0.05, 1, 0.05));

    private static FitFacts Facts(SearchProfile? profile = null, BrandPreferences? brand = null, DiscoveryPrice? price = null) => new(
        profile ?? Profile(),
        new Dictionary<string, int> { ["fitness"] = 60, ["food"] = 12 },
        price ?? new DiscoveryPrice(250, DiscoveryPrice.Estimate, 150, 400, "instagram_post"),
        brand ?? new BrandPreferences(["fitness", "food", "travel"], ["US", "DE"], ["en"]),
        Now);

    [Fact]
    public void Every_part_keeps_the_engines_numbers_in_order_and_says_why()
    {
        var fit = Breakdown();
        var parts = FitExplanation.Explain(fit, Facts());
        Assert.Equal(["niche", "keywords", "audience", "engagement", "quality", "cost", "recency", "safety"], parts.Select(p => p.Component));
        Assert.Equal((0.3, 0.72, 0.3 * 0.72), (parts[0].Weight, parts[0].Value, parts[0].Contribution));
        Assert.Equal(fit.Cost.Contribution, parts[5].Contribution);
        Assert.All(parts, p => Assert.EndsWith(".", p.Why));

        Assert.Equal("Scores 72 of 100 in the brand's niches (fitness 60, food 12); its main niche is fitness.", parts[0].Why);
        Assert.Equal("Country DE is one the brand wants; language de is not among en.", parts[2].Why);
        Assert.Equal("ER 3.4% is at the 82nd percentile of micro Instagram accounts.", parts[3].Why);
        var top = Profile();
        top.EngagementPercentile = 1;
        Assert.Equal("ER 3.4% is in the top 1% of micro Instagram accounts.", FitExplanation.Explain(Breakdown(), Facts(top))[3].Why);
        top.EngagementPercentile = 0;
        Assert.Equal("ER 3.4% is in the bottom 1% of micro Instagram accounts.", FitExplanation.Explain(Breakdown(), Facts(top))[3].Why);
        Assert.Equal("87% of sampled followers look real (quality = real ÷ sampled followers, N unknown).", parts[4].Why);
        Assert.Equal("87% of sampled followers look real (quality = real ÷ sampled followers, N = 1,500 sampled followers).",
            FitExplanation.Explain(fit, Facts() with { AudienceSample = 1500 })[4].Why);
        Assert.Equal("Expected engagements unknown; counted as neutral (0.5).", parts[5].Why);
        Assert.Equal("Last posted 3 days ago; recency = max(0, 1 − days since the last post / 90 days) = max(0, 1 − 3 / 90) = 0.967.", parts[6].Why);
        Assert.Equal("Nothing in the bio and recent captions matches Grapevine's default brand-safety lexicon; the vetting report checks the workspace's own lists.", parts[7].Why);
    }

    [Fact]
    public void Cost_reads_engagements_per_dollar_with_the_price_source()
    {
        var fit = Breakdown() with { Cost = new FitPart(0.1, 0.6, 0.06) };
        var why = FitExplanation.Explain(fit, Facts(price: new DiscoveryPrice(300, DiscoveryPrice.RateCard, null, null, "instagram_post")))[5].Why;
        Assert.Equal("About 1.5 expected engagements per dollar (epd): 450 (median likes + comments of the last 12 feed posts) for $300 (rate card); "
            + "cost = epd / (epd + 1) = 1.500 / 2.500 = 0.600.", why);
    }

    [Fact]
    public void Cost_formula_uses_the_fit_bars_precision_so_the_numbers_agree()
    {
        // 100 engagements for $950: epd 0.105, cost 0.095, which two decimals printed as 0.11 / 1.11 = 0.1.
        var profile = Profile();
        profile.ExpectedEngagements = 100;
        var epd = 100 / 950.0;
        var why = FitExplanation.Explain(Breakdown() with { Cost = new FitPart(0.1, epd / (epd + 1), 0.0095) },
            Facts(profile, price: new DiscoveryPrice(950, DiscoveryPrice.Estimate, null, null, "instagram_post")))[5].Why;
        Assert.EndsWith("cost = epd / (epd + 1) = 0.105 / 1.105 = 0.095.", why);
    }

    [Fact]
    public void Parts_that_do_not_apply_say_how_to_make_them_count()
    {
        var parts = FitExplanation.Explain(Breakdown(niche: null, nicheWeight: 0, audienceWeight: 0), Facts(brand: new BrandPreferences([], [], [])));
        Assert.Equal("Not counted: this search names no niche (pick one to rank by niche match).", parts[0].Why);
        Assert.Equal("Not counted: this search names no country or language.", parts[2].Why);

        var zeroed = Breakdown() with { Safety = new FitPart(0, 1, 0) };
        Assert.Equal("Not counted: its weight is 0 in this search.", FitExplanation.Explain(zeroed, Facts())[7].Why);
    }

    [Fact]
    public void Unknown_values_are_neutral_and_say_so()
    {
        var fit = new FitBreakdown(
            new FitPart(0.3, null, 0.15), new FitPart(0.2, null, 0.1), new FitPart(0.1, null, 0.05), new FitPart(0.2, null, 0.1), new FitPart(0.15, null, 0.075),
            new FitPart(0.1, null, 0.05), new FitPart(0.1, null, 0.05), new FitPart(0.05, null, 0.025));
        var parts = FitExplanation.Explain(fit, Facts(price: null) with { Price = null });
        Assert.All(parts, p => Assert.EndsWith("counted as neutral (0.5).", p.Why));
        Assert.StartsWith("No price known", parts[5].Why);
        Assert.Equal("No follower sample to judge audience quality (N unknown); counted as neutral (0.5).", parts[4].Why);
        Assert.Equal("Audience quality not measured from 40 sampled followers (it needs at least 100 and a follower classifier); counted as neutral (0.5).",
            FitExplanation.Explain(fit, Facts(price: null) with { Price = null, AudienceSample = 40 })[4].Why);
    }

    [Fact]
    public void Brand_safety_hits_lower_the_part()
    {
        var fit = Breakdown() with { Safety = new FitPart(0.05, 0.4, 0.02) };
        Assert.Equal("2 of the bio and recent captions match Grapevine's default brand-safety lexicon (safety = 1 / (1 + 2) = 0.333); "
            + "the vetting report names the words and checks the workspace's own lists.",
            FitExplanation.Explain(fit with { Safety = new FitPart(0.05, 1 / 3.0, 0.0167) }, Facts())[7].Why);
        Assert.Equal("1 of the bio and recent captions matches Grapevine's default brand-safety lexicon (safety = 1 / (1 + 1) = 0.500); "
            + "the vetting report names the words and checks the workspace's own lists.", FitExplanation.Explain(fit with { Safety = new FitPart(0.05, 0.5, 0.025) }, Facts())[7].Why);
    }

    [Fact]
    public void Brand_safety_of_an_account_without_recent_captions_says_only_the_bio_was_read()
    {
        var fit = Breakdown() with { Safety = new FitPart(0.05, 1, 0.05) };
        var profile = Profile();
        profile.LastPostedAt = new DateTimeOffset(Now.AddDays(-400)).ToUnixTimeSeconds();
        Assert.StartsWith("Nothing in the bio (no captions from the last year) matches", FitExplanation.Explain(fit, Facts(profile))[7].Why);
    }

    [Fact]
    public void Brand_keywords_name_the_ones_found_and_the_ones_not()
    {
        var profile = Profile();
        profile.Words = "mara moves vegan protein coach oat berlin";
        var fit = Breakdown() with { Keywords = new FitPart(0.2, 2 / 3.0, 0.2 * 2 / 3.0) };
        var facts = Facts(profile) with { Keywords = ["vegan", "protein", "oat milk"] };
        var part = FitExplanation.Explain(fit, facts)[1];
        Assert.Equal(("keywords", "Brand keywords", 2 / 3.0), (part.Component, part.Label, part.Value));
        Assert.Equal("Uses 2 of 3 brand keywords: vegan, protein (not oat milk).", part.Why);

        Assert.Equal("Uses all 2 brand keywords (vegan, coach).",
            FitExplanation.Explain(fit with { Keywords = new FitPart(0.2, 1, 0.2) }, facts with { Keywords = ["vegan", "coach"] })[1].Why);
        Assert.Equal("None of the brand keywords (keto, paleo) in its name, bio or recent captions.",
            FitExplanation.Explain(fit with { Keywords = new FitPart(0.2, 0, 0) }, facts with { Keywords = ["keto", "paleo"] })[1].Why);
        Assert.Equal("Not counted: this search names no brand keywords (add some to rank by them).", FitExplanation.Explain(Breakdown(), Facts())[1].Why);
    }

    [Fact]
    public void The_filters_stand_for_the_brand_unless_it_says_otherwise()
    {
        var query = new DiscoveryQuery { Niches = ["food"], Countries = ["US"], Languages = ["en"] };
        Assert.Equal(["food"], FitExplanation.BrandOf(query).Niches);
        var own = new BrandPreferences(["beauty"], [], []);
        Assert.Same(own, FitExplanation.BrandOf(query with { Brand = own }));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(22, "22nd")]
    [InlineData(99.6, "100th")]
    public void Ordinals(double value, string text) => Assert.Equal(text, FitExplanation.Ordinal(value));

    [Fact]
    public void A_rate_card_wins_over_the_estimate()
    {
        var profile = Profile();
        var estimate = DiscoveryAnswers.Price(profile, null)!;
        Assert.Equal((250.0, "estimate", 150.0, 400.0, "instagram_post"), (estimate.Usd, estimate.Source, estimate.LowUsd, estimate.HighUsd, estimate.Deliverable));
        var card = DiscoveryAnswers.Price(profile, new Dictionary<long, double> { [7] = 320 })!;
        Assert.Equal((320.0, "rate card", (double?)null), (card.Usd, card.Source, card.LowUsd));
        profile.PriceEstimate = null;
        Assert.Null(DiscoveryAnswers.Price(profile, new Dictionary<long, double> { [8] = 1 }));
    }
}
