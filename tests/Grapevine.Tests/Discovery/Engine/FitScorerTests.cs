using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;

namespace Grapevine.Tests.Discovery.Engine;

public class FitScorerTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly long NowSeconds = FitPlan.UnixSeconds(Now);

    [Fact]
    public void The_worked_example_of_the_docs_adds_up()
    {
        // docs/discovery-engine.md: a vegan food brand in the US, default weights.
        var query = new DiscoveryQuery { Brand = new BrandPreferences(["food", "sustainability"], ["US"], ["en"]) };
        var plan = FitPlan.For(query, Now);
        var input = new FitInput(
            Niche: FitScorer.Niche(62 + 18, hasNiches: true),
            Country: "US",
            Language: "es",
            EngagementPercentile: 0.8,
            AudienceQuality: 0.9,
            ExpectedEngagements: 600,
            Price: 200,
            LastPostedAt: NowSeconds - 9 * 86_400,
            SafetyScore: null);

        var hit = FitScorer.Hit(7, plan, input);

        Assert.Equal(0.8, hit.Fit.Niche.Value);
        Assert.Equal(0.5, hit.Fit.Audience.Value);
        Assert.Equal(0.75, hit.Fit.Cost.Value!.Value, 12);
        Assert.Equal(0.9, hit.Fit.Recency.Value!.Value, 12);
        Assert.Null(hit.Fit.Safety.Value);
        Assert.Equal(0.025, hit.Fit.Safety.Contribution, 12);
        // 0.30×0.8 + 0.10×0.5 + 0.20×0.8 + 0.15×0.9 + 0.10×0.75 + 0.10×0.9 + 0.05×0.5
        Assert.Equal(0.775, hit.Score, 12);
        Assert.Equal(FitScorer.Total(hit.Fit), hit.Score);
    }

    [Fact]
    public void The_worked_example_with_brand_keywords_adds_up()
    {
        // docs/discovery-engine.md: the same account, the brand also naming three keywords of which it uses two.
        var query = new DiscoveryQuery
        {
            Brand = new BrandPreferences(["food", "sustainability"], ["US"], ["en"]),
            Keywords = ["vegan", "protein", "oat milk"],
        };
        var plan = FitPlan.For(query, Now);
        Assert.True(plan.KeywordsApply);
        Assert.Equal(0.2 / 1.2, plan.Weights.Keywords, 15);
        Assert.Equal(0.3 / 1.2, plan.Weights.Niche, 15);
        var input = new FitInput(
            FitScorer.Niche(80, hasNiches: true), "US", "es", 0.8, 0.9, 600, 200, NowSeconds - 9 * 86_400, null, FitScorer.Keywords(2, 3));

        var hit = FitScorer.Hit(7, plan, input);

        Assert.Equal(2 / 3.0, hit.Fit.Keywords.Value);
        Assert.Equal(plan.Weights.Keywords * 2 / 3.0, hit.Fit.Keywords.Contribution, 15);
        Assert.Equal(0.757, hit.Score, 3);
        Assert.Equal(FitScorer.Total(hit.Fit), hit.Score);
    }

    [Fact]
    public void Keywords_count_only_when_the_query_names_some_and_then_take_their_weight()
    {
        var without = FitPlan.For(new DiscoveryQuery(), Now);
        Assert.False(without.KeywordsApply);
        Assert.Equal(0, without.Weights.Keywords);
        var fit = FitScorer.Breakdown(without, new FitInput(null, null, null, 1, 1, 10, 1, NowSeconds, 1, Keywords: 1));
        Assert.Equal((0.0, (double?)null, 0.0), (fit.Keywords.Weight, fit.Keywords.Value, fit.Keywords.Contribution));

        var with = FitPlan.For(new DiscoveryQuery { Keywords = ["vegan", "vegan"], Weights = new FitWeights(Keywords: 0.4) }, Now);
        Assert.Equal(["vegan"], with.BrandKeywords);
        Assert.Equal(0.4 / 1.0, with.Weights.Keywords, 15);
        var w = with.Weights;
        Assert.Equal(1, w.Niche + w.Keywords + w.Audience + w.Engagement + w.Quality + w.Cost + w.Recency + w.Safety, 12);
        Assert.Equal(0.5, FitScorer.Keywords(1, 2));
    }

    [Fact]
    public void Weights_are_normalised_over_the_components_that_apply()
    {
        var plan = FitPlan.For(new DiscoveryQuery(), Now);

        Assert.Equal(0, plan.Weights.Niche);
        Assert.Equal(0, plan.Weights.Audience);
        Assert.Equal(0.20 / 0.60, plan.Weights.Engagement, 15);
        Assert.Equal(0.05 / 0.60, plan.Weights.Safety, 15);
        var w = plan.Weights;
        Assert.Equal(1, w.Niche + w.Audience + w.Engagement + w.Quality + w.Cost + w.Recency + w.Safety, 12);

        var withBrand = FitPlan.For(new DiscoveryQuery { Niches = ["food"], Languages = ["en"] }, Now);
        Assert.Equal(0.30, withBrand.Weights.Niche, 15);
        Assert.Equal(0.10, withBrand.Weights.Audience, 15);
        Assert.Equal(["food"], withBrand.BrandNiches);
    }

    [Fact]
    public void The_brand_of_the_query_wins_over_its_filters()
    {
        var plan = FitPlan.For(new DiscoveryQuery { Niches = ["food"], Countries = ["US"], Brand = new BrandPreferences(["tech"], [], []) }, Now);

        Assert.Equal(["tech"], plan.BrandNiches);
        Assert.Empty(plan.BrandCountries);
        Assert.False(plan.AudienceApplies);
        Assert.Equal(0, plan.Weights.Audience);
    }

    [Fact]
    public void All_zero_weights_score_zero_and_negative_weights_are_refused()
    {
        var plan = FitPlan.For(new DiscoveryQuery { Weights = new FitWeights(0, 0, 0, 0, 0, 0, 0) }, Now);
        var hit = FitScorer.Hit(1, plan, new FitInput(null, null, null, 1, 1, 10, 1, NowSeconds, 1));
        Assert.Equal(0, hit.Score);

        Assert.Throws<ArgumentException>(() => FitPlan.For(new DiscoveryQuery { Weights = new FitWeights(Cost: -1) }, Now));
        Assert.Throws<ArgumentException>(() => FitPlan.For(new DiscoveryQuery { Weights = new FitWeights(Cost: double.NaN) }, Now));
    }

    [Fact]
    public void An_unknown_value_counts_as_neutral_and_stays_unknown()
    {
        var plan = FitPlan.For(new DiscoveryQuery { Niches = ["food"] }, Now);
        var fit = FitScorer.Breakdown(plan, new FitInput(null, null, null, null, null, null, null, null, null));

        foreach (var part in new[] { fit.Niche, fit.Engagement, fit.Quality, fit.Cost, fit.Recency, fit.Safety })
        {
            Assert.Null(part.Value);
            Assert.Equal(part.Weight * FitPart.NeutralValue, part.Contribution);
        }
        Assert.Equal(0, fit.Audience.Weight);
        Assert.Equal(0, fit.Audience.Contribution);
        Assert.Equal(0.5, FitScorer.Total(fit), 12);
    }

    [Theory]
    [InlineData("US", "en", 1.0)]
    [InlineData("US", "de", 0.5)]
    [InlineData("FR", "de", 0.0)]
    [InlineData(null, "en", 1.0)]
    [InlineData("FR", null, 0.0)]
    [InlineData(null, null, null)]
    public void Audience_is_the_mean_of_the_known_parts(string? country, string? language, double? expected)
    {
        var plan = FitPlan.For(new DiscoveryQuery { Brand = new BrandPreferences([], ["US", "GB"], ["en"]) }, Now);
        Assert.Equal(expected, FitScorer.Audience(plan, country, language));
    }

    [Fact]
    public void Audience_with_only_countries_ignores_the_language()
    {
        var plan = FitPlan.For(new DiscoveryQuery { Countries = ["BR"] }, Now);
        Assert.Equal(1.0, FitScorer.Audience(plan, "BR", "xx"));
        Assert.Null(FitScorer.Audience(plan, null, "pt"));
    }

    [Theory]
    [InlineData(300.0, 100.0, 0.75)]
    [InlineData(0.0, 100.0, 0.0)]
    [InlineData(100.0, 0.0, null)]
    [InlineData(100.0, -5.0, null)]
    [InlineData(null, 100.0, null)]
    [InlineData(100.0, null, null)]
    public void Cost_is_engagements_per_dollar_squashed(double? engagements, double? price, double? expected)
    {
        var cost = FitScorer.Cost(engagements, price);
        if (expected is null)
            Assert.Null(cost);
        else
            Assert.Equal(expected.Value, cost!.Value, 12);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(45 * 86_400, 0.5)]
    [InlineData(90 * 86_400, 0.0)]
    [InlineData(400 * 86_400, 0.0)]
    [InlineData(-3 * 86_400, 1.0)]
    public void Recency_falls_from_one_to_zero_over_ninety_days(long secondsAgo, double expected) =>
        Assert.Equal(expected, FitScorer.Recency(NowSeconds, NowSeconds - secondsAgo), 12);

    [Fact]
    public void Niche_is_unknown_only_without_any_niche_score() =>
        Assert.Equal([0.0, 0.25, double.NaN], [FitScorer.Niche(0, true), FitScorer.Niche(25, true), FitScorer.Niche(0, false)]);
}
