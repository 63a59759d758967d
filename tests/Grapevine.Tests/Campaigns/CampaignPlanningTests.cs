using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Catalogue;

namespace Grapevine.Tests.Campaigns;

public class CampaignPlanningTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private static readonly List<CampaignDeliverable> PostAndTwoStories =
    [
        new() { Deliverable = "instagram_post", Count = 1 },
        new() { Deliverable = "instagram_story", Count = 2 },
    ];

    private static DeliverableForecast Forecast(long id, string deliverable, int count, double engagements, double revenue) =>
        new(id, deliverable, count,
            new Estimate(engagements * 20, engagements * 10, engagements * 30),
            new Estimate(engagements * 15, engagements * 8, engagements * 25),
            new Estimate(engagements, engagements / 2, engagements * 2),
            null,
            null,
            new Estimate(revenue, revenue / 3, revenue * 3),
            12, Now.AddDays(-90), Now, "test");

    private static PlanCandidateInput Candidate(long id, string tier = "micro", double price = 100, double engagements = 100,
        CandidateDecision decision = CandidateDecision.Open, bool gifting = false, string niche = "fitness", string[]? tags = null,
        string priceSource = "estimate", bool withForecasts = true)
    {
        var forecasts = new Dictionary<(string, int), DeliverableForecast>();
        if (withForecasts)
        {
            forecasts[("instagram_post", 1)] = Forecast(id, "instagram_post", 1, engagements, engagements * 2);
            forecasts[("instagram_story", 1)] = Forecast(id, "instagram_story", 1, engagements / 4, engagements / 2);
            forecasts[("instagram_story", 2)] = Forecast(id, "instagram_story", 2, engagements / 2, engagements);
        }
        return new PlanCandidateInput(id, Platform.Instagram, $"creator{id}", tier, 20_000, "US", niche, 0.5,
            (tags ?? [$"#own{id}"]).ToHashSet(), decision, gifting,
            new Dictionary<string, DeliverablePrice>
            {
                ["instagram_post"] = new(price, priceSource),
                ["instagram_story"] = new(price / 4, priceSource),
            },
            forecasts);
    }

    [Fact]
    public void A_creator_is_offered_the_bundle_each_deliverable_alone_and_a_gift_when_nano_and_willing()
    {
        var built = CampaignProblemBuilder.Build(CampaignGoal.Engagement, PostAndTwoStories, 40m,
            [Candidate(1, tier: "nano", gifting: true), Candidate(2, tier: "micro", gifting: true)], new PlanRules { Budget = 1000 });

        var nano = built.Problem.Candidates.Single(c => c.Id == "1");
        Assert.Equal(["1× Instagram feed post + 2× Instagram story", "1× Instagram feed post", "1× Instagram story", "gift: 1× Instagram feed post"],
            nano.Options.Select(o => o.Name));
        var bundle = nano.Options[0];
        Assert.Equal(100 + 2 * 25, bundle.Cost);
        Assert.Equal(100 + 50, bundle.Value);
        var gift = nano.Options[^1];
        Assert.True(gift.Gifting);
        Assert.Equal(40, gift.Cost);
        Assert.Equal(100, gift.Value);
        Assert.DoesNotContain(built.Problem.Candidates.Single(c => c.Id == "2").Options, o => o.Gifting);
    }

    [Fact]
    public void The_goal_decides_which_forecast_is_maximised()
    {
        var c = Candidate(1);
        double Value(CampaignGoal goal) => CampaignProblemBuilder.Build(goal, [PostAndTwoStories[0]], null, [c], new PlanRules { Budget = 1000 })
            .Problem.Candidates[0].Options[0].Value;
        Assert.Equal(100, Value(CampaignGoal.Engagement));
        Assert.Equal(200, Value(CampaignGoal.Sales));
        Assert.Equal(1500, Value(CampaignGoal.Awareness));
        Assert.Equal(0.75, Value(CampaignGoal.Content));
    }

    [Fact]
    public void Decisions_become_rules_and_creators_without_a_forecast_are_left_out_with_the_reason()
    {
        var built = CampaignProblemBuilder.Build(CampaignGoal.Engagement, PostAndTwoStories, null,
            [Candidate(1, decision: CandidateDecision.MustInclude), Candidate(2, decision: CandidateDecision.Excluded), Candidate(3, withForecasts: false)],
            new PlanRules { Budget = 1000 });

        Assert.Equal(["1"], built.Problem.Rules.MustInclude);
        Assert.Equal(["2"], built.Problem.Rules.Exclude);
        Assert.Equal(["1"], built.Problem.Candidates.Select(c => c.Id));
        var left = Assert.Single(built.LeftOut);
        Assert.Equal((3L, "creator3"), (left.AccountId, left.Handle));
        Assert.Contains("no forecast", left.Reason);
    }

    [Fact]
    public void Overlap_comes_from_shared_hashtags_within_a_platform_niche_and_country()
    {
        Assert.Equal(CampaignProblemBuilder.MaxOverlap, CampaignProblemBuilder.OverlapShare([Set("#a", "#b"), Set("#a", "#b")]));
        Assert.Equal(CampaignProblemBuilder.MinOverlap, CampaignProblemBuilder.OverlapShare([Set("#a"), Set("#b")]));
        Assert.Equal(1.0 / 3, CampaignProblemBuilder.OverlapShare([Set("#a", "#b"), Set("#b", "#c")]), 12);

        var built = CampaignProblemBuilder.Build(CampaignGoal.Engagement, [PostAndTwoStories[0]], null,
            [Candidate(1, tags: ["#a", "#b"]), Candidate(2, tags: ["#b", "#c"]), Candidate(3, niche: "food")], new PlanRules { Budget = 1000 });

        var group = "instagram|fitness|US";
        Assert.Equal(1.0 / 3, built.OverlapShares[group], 12);
        Assert.Equal(200 * 3, built.Problem.Saturation[group], 9);
        Assert.False(built.Problem.Saturation.ContainsKey("instagram|food|US"));
        Assert.Empty(CampaignProblemBuilder.Build(CampaignGoal.Content, [PostAndTwoStories[0]], null,
            [Candidate(1, tags: ["#a"]), Candidate(2, tags: ["#a"])], new PlanRules { Budget = 1000 }).Problem.Saturation);
    }

    [Fact]
    public void Totals_add_means_and_variances_of_independent_creators_and_say_how_many_creators_they_cover()
    {
        var total = EstimateSum.Of([new Estimate(10, 7, 14), null, new Estimate(20, 16, 23)]);
        Assert.Equal(2, total.Creators);
        Assert.Equal(30, total.Estimate!.Expected, 12);
        Assert.True(total.Estimate.Low > 23 && total.Estimate.High < 37, $"independent creators partly cancel out: {total.Estimate}");
        Assert.True(total.Estimate.Low < total.Estimate.Median && total.Estimate.Median < 30 && 30 < total.Estimate.High);
        Assert.Equal(new PlanTotal(null, 0), EstimateSum.Of([null, null]));
        Assert.Equal(new Estimate(30, 23, 37), EstimateSum.Within([new Estimate(10, 7, 14), new Estimate(20, 16, 23)]));
        Assert.Equal(new Estimate(31, 27, 20, 40), EstimateSum.Within([new Estimate(11, 9, 6, 15), new Estimate(20, 18, 14, 25)]));
        Assert.Null(EstimateSum.Within([new Estimate(10, 7, 14), null]));
    }

    [Fact]
    public void The_reported_bound_is_never_below_the_plans_value()
    {
        var built = CampaignProblemBuilder.Build(CampaignGoal.Sales, [PostAndTwoStories[0]], null, [Candidate(1), Candidate(2)], new PlanRules { Budget = 1000 });
        var plan = CampaignPlanner.Solve(built.Problem);
        var rounded = plan with { BestBound = plan.Value - 0.06, Gap = 0 };

        var doc = PlanDocumentBuilder.Build(null, CampaignGoal.Sales, "USD", built, rounded, [Candidate(1), Candidate(2)], [], null, Now);

        Assert.Equal(doc.Value, doc.BestBound);
    }

    [Fact]
    public void The_total_of_skewed_creators_matches_a_simulation()
    {
        // Five creators, each log-normal with median 1,000 and σ 0.8 (mean e^0.32 × 1,000): simulated totals against the sum.
        const double sigma = 0.8, z = 1.2815515655446004;
        var one = new Estimate(1000 * Math.Exp(sigma * sigma / 2), 1000, 1000 * Math.Exp(-z * sigma), 1000 * Math.Exp(z * sigma));
        var total = EstimateSum.Of(Enumerable.Repeat<Estimate?>(one, 5)).Estimate!;

        var random = new Random(42);
        var draws = Enumerable.Range(0, 100_000).Select(_ => Enumerable.Range(0, 5).Sum(_ => 1000 * Math.Exp(sigma * Normal(random)))).Order().ToArray();
        Assert.Equal(draws.Average(), total.Expected, total.Expected * 0.01);
        Assert.Equal(draws[50_000], total.Median, total.Median * 0.03);
        Assert.Equal(draws[10_000], total.Low, total.Low * 0.05);
        Assert.Equal(draws[90_000], total.High, total.High * 0.05);
    }

    [Fact]
    public void A_rate_every_creator_shares_multiplies_the_total_once_and_matches_a_simulation()
    {
        // Five creators' impressions, each log-normal with median 10,000 and σ 0.5, times one click-through rate for
        // all of them (median 1%, σ 0.6): the rate's spread must not average away over creators.
        const double sigma = 0.5, rateSigma = 0.6, z = 1.2815515655446004;
        var one = new Estimate(10_000 * Math.Exp(sigma * sigma / 2), 10_000, 10_000 * Math.Exp(-z * sigma), 10_000 * Math.Exp(z * sigma));
        var impressions = EstimateSum.Of(Enumerable.Repeat<Estimate?>(one, 5));
        var clicks = EstimateSum.Scaled(impressions, new LogNormal(Math.Log(0.01), rateSigma)).Estimate!;

        var random = new Random(7);
        var draws = Enumerable.Range(0, 100_000)
            .Select(_ => Math.Exp(Math.Log(0.01) + rateSigma * Normal(random)) * Enumerable.Range(0, 5).Sum(_ => 10_000 * Math.Exp(sigma * Normal(random))))
            .Order().ToArray();
        Assert.Equal(draws.Average(), clicks.Expected, clicks.Expected * 0.02);
        Assert.Equal(draws[50_000], clicks.Median, clicks.Median * 0.03);
        Assert.Equal(draws[10_000], clicks.Low, clicks.Low * 0.05);
        Assert.Equal(draws[90_000], clicks.High, clicks.High * 0.05);

        // Summing each creator's clicks as independent (each with a rate of its own) gives a far narrower band.
        var perCreator = new LogNormal(Math.Log(10_000), sigma).Times(new LogNormal(Math.Log(0.01), rateSigma)).ToEstimate();
        var independent = EstimateSum.Of(Enumerable.Repeat<Estimate?>(perCreator, 5)).Estimate!;
        Assert.True(clicks.High / clicks.Low > 1.5 * (independent.High / independent.Low), $"shared {clicks}, independent {independent}");
        Assert.Equal(independent.Expected, clicks.Expected, independent.Expected * 0.01);
        Assert.Equal(new PlanTotal(null, 0), EstimateSum.Scaled(new PlanTotal(null, 0), new LogNormal(0, 0.5)));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void The_goal_value_is_the_mean_not_the_median()
    {
        var f = new DeliverableForecast(1, "instagram_post", 1, new Estimate(1200, 1000, 500, 2000), new Estimate(900, 800, 400, 1500),
            new Estimate(60, 50, 25, 100), null, null, new Estimate(130, 100, 30, 300), 12, Now.AddDays(-90), Now, "test");

        Assert.Equal(900, GoalValue.Of(CampaignGoal.Awareness, f, null));
        Assert.Equal(60, GoalValue.Of(CampaignGoal.Engagement, f, null));
        Assert.Equal(130, GoalValue.Of(CampaignGoal.Sales, f, null));
    }

    [Fact]
    public void An_estimate_keeps_its_mean_and_median_through_json()
    {
        var e = new Estimate(1200, 1000, 500, 2000);
        var json = System.Text.Json.JsonSerializer.Serialize(e, CampaignPlanService.Json);

        Assert.Contains("\"expected\":1200", json);
        Assert.Contains("\"median\":1000", json);
        Assert.Equal(e, System.Text.Json.JsonSerializer.Deserialize<Estimate>(json, CampaignPlanService.Json));
    }

    [Fact]
    public void Money_in_a_plan_is_to_the_cent()
    {
        // Prices like 100.1 and revenue forecasts with thirds sum to floats such as 450.45000000000005 and 66.666…
        var candidates = Enumerable.Range(1, 8).Select(i => Candidate(i, price: 100.1 + 0.3 * i, engagements: 41 + 7 * (i % 5))).ToList();
        var spec = new PlanSpec(Guid.NewGuid(), CampaignGoal.Sales, 777.77m, "USD", PostAndTwoStories, null, false);
        var doc = CampaignPlanning.Plan(spec, new PlanRules { Budget = 777.77, MaxPerCreator = 1000.0 / 3 }, candidates, true, null, Now);

        Assert.NotEmpty(doc.Creators);
        double[] money =
        [
            doc.Budget, doc.Cost, doc.Value, doc.Rules.Budget, doc.Rules.MaxPerCreator!.Value, doc.Totals.ValueAfterOverlap,
            .. doc.Creators.SelectMany(c => new[] { c.Cost, c.Value, c.Revenue!.Expected, c.Revenue.Median, c.Revenue.Low, c.Revenue.High }),
            .. new[] { doc.Totals.Revenue.Estimate! }.SelectMany(e => new[] { e.Expected, e.Median, e.Low, e.High }),
            .. doc.ByTier.Select(s => s.Cost), .. doc.ByPlatform.Select(s => s.Cost),
            .. doc.BudgetCurve.SelectMany(p => new[] { p.Budget, p.Cost, p.Value }),
        ];
        Assert.All(money, m => Assert.Equal(Math.Round(m, 2), m));
        Assert.Contains(money, m => m % 1 != 0);
        Assert.Equal(333.33, doc.Rules.MaxPerCreator);
        var json = System.Text.Json.JsonSerializer.Serialize(doc, CampaignPlanService.Json);
        Assert.DoesNotMatch("\"(cost|budget|maxPerCreator)\":-?\\d+\\.\\d{3,}", json);
    }

    [Fact]
    public void A_plan_keeps_to_the_budget_reports_forecasts_and_slices_and_shows_other_budgets()
    {
        var candidates = Enumerable.Range(1, 12).Select(i => Candidate(i, tier: i % 3 == 0 ? "nano" : "micro", price: 50 + 10 * i, engagements: 40 + 7 * (i % 5),
            tags: [$"#t{i % 4}", "#fit"])).ToList();
        var spec = new PlanSpec(Guid.NewGuid(), CampaignGoal.Sales, 500m, "USD", PostAndTwoStories, null, false);
        var doc = CampaignPlanning.Plan(spec, new PlanRules { Budget = 500, MinCreators = 2 }, candidates, true, null, Now);

        Assert.Equal("optimal", doc.Status);
        Assert.Equal("cp-sat", doc.Solver);
        Assert.InRange(doc.Cost, 0, 500);
        Assert.True(doc.Creators.Count >= 2);
        Assert.Equal(doc.Cost, doc.Creators.Sum(c => c.Cost), 6);
        Assert.Equal(doc.Creators.Count, doc.Totals.Revenue.Creators);
        Assert.Equal(doc.Creators.Sum(c => c.Revenue!.Expected), doc.Totals.Revenue.Estimate!.Expected, 6);
        Assert.True(doc.Totals.ValueAfterOverlap <= doc.Creators.Sum(c => c.Value) + 1e-6);
        Assert.Null(doc.Totals.Clicks.Estimate);
        Assert.Equal(doc.Cost, doc.ByTier.Sum(s => s.Cost), 6);
        Assert.Equal(doc.Creators.Count, doc.ByPlatform.Sum(s => s.Creators));
        Assert.Equal([250, 375, 500, 625, 750, 1000], doc.BudgetCurve.Select(p => p.Budget));
        Assert.All(doc.BudgetCurve, p => Assert.True(p.Cost <= p.Budget + 1e-6));
        Assert.True(doc.BudgetCurve[^1].Value >= doc.BudgetCurve[0].Value);
    }

    [Fact]
    public void Conflicts_name_creators_by_handle()
    {
        var spec = new PlanSpec(null, CampaignGoal.Engagement, 100m, "USD", PostAndTwoStories, null, false);
        var doc = CampaignPlanning.Plan(spec, new PlanRules { Budget = 100 },
            [Candidate(7, decision: CandidateDecision.MustInclude, withForecasts: false), Candidate(8)], false, null, Now);

        Assert.Equal("infeasible", doc.Status);
        Assert.Empty(doc.Creators);
        var conflict = Assert.Single(doc.Conflicts);
        Assert.Equal("must include @creator7", conflict.Rule);
        Assert.Equal("@creator7 must be included but cannot be planned: no forecast: no recent posts to forecast from.", conflict.Message);

        var tooDear = CampaignPlanning.Plan(spec, new PlanRules { Budget = 100, MinCreators = 1 },
            [Candidate(7, decision: CandidateDecision.MustInclude, price: 800), Candidate(8)], false, null, Now);
        Assert.Equal("infeasible", tooDear.Status);
        Assert.Contains(tooDear.Conflicts, c => c.Rule == "budget");
    }

    private static HashSet<string> Set(params string[] tags) => [.. tags];
}
