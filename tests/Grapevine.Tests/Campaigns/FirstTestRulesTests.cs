using Grapevine.Core.Campaigns.FirstTest;
using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Tests.Campaigns;

public class FirstTestRulesTests
{
    [Fact]
    public void A_first_test_plans_nano_and_micro_creators_with_a_cap_of_an_eighth_of_the_budget()
    {
        var rules = FirstTestRules.For(1000m);

        Assert.Equal(1000, rules.Budget);
        Assert.Equal(125, rules.MaxPerCreator);
        Assert.Equal(8, rules.MinCreators);
        Assert.Equal(30, rules.MaxCreators);
        Assert.Equal(new[] { "celebrity", "emerging", "macro", "mega" }, rules.Tiers.Keys.Order());
        Assert.All(rules.Tiers.Values, r => Assert.Equal(new CountRange(Max: 0), r));
        Assert.False(rules.Tiers.ContainsKey("nano"));
        Assert.False(rules.Tiers.ContainsKey("micro"));
        Assert.Equal(250, FirstTestRules.For(2000m).MaxPerCreator);
    }

    [Fact]
    public void The_minimum_number_of_creators_drops_to_what_fits_under_the_cap()
    {
        // Cap $187.50: four candidates' cheapest options fit under it.
        var rules = FirstTestRules.For(1500m, [40, 90, 180, 187.5, 190, 400]);

        Assert.Equal(187.5, rules.MaxPerCreator);
        Assert.Equal(4, rules.MinCreators);
        Assert.Equal(8, FirstTestRules.For(1500m, Enumerable.Repeat(50.0, 20)).MinCreators);
        Assert.Contains(FirstTestRules.Explain(1500m, rules), l => l.StartsWith("Only 4 candidates fit under the cap", StringComparison.Ordinal));
    }

    [Fact]
    public void The_campaigns_own_rules_carry_over_and_a_lower_cap_wins()
    {
        var campaign = new PlanRules
        {
            Budget = 50_000,
            MinCreators = 40,
            MaxPerCreator = 100,
            Platforms = new Dictionary<string, CountRange> { ["tiktok"] = new(Min: 2) },
            MustInclude = ["11"],
            Exclude = ["12"],
        };

        var rules = FirstTestRules.For(2000m, campaign: campaign);

        Assert.Equal(2000, rules.Budget);
        Assert.Equal(100, rules.MaxPerCreator);
        Assert.Equal(8, rules.MinCreators);
        Assert.Equal(new CountRange(Min: 2), rules.Platforms["tiktok"]);
        Assert.Equal(new[] { "11" }, rules.MustInclude);
        Assert.Equal(new[] { "12" }, rules.Exclude);
        Assert.Equal(250, FirstTestRules.For(2000m, campaign: campaign with { MaxPerCreator = 900 }).MaxPerCreator);
    }

    [Fact]
    public void The_explanation_has_no_minimum_of_zero_or_one_and_mentions_gifting_only_when_it_applies()
    {
        var none = FirstTestRules.Explain(40m, FirstTestRules.For(40m, [167]));
        Assert.DoesNotContain(none, l => l.StartsWith("At least 0", StringComparison.Ordinal));
        Assert.Contains(none, l => l.StartsWith("No nano or micro candidate costs $5 or less", StringComparison.Ordinal));
        var one = FirstTestRules.Explain(1000m, FirstTestRules.For(1000m, [100, 400]));
        Assert.DoesNotContain(one, l => l.StartsWith("At least 1", StringComparison.Ordinal));
        Assert.Contains(one, l => l.StartsWith("Only 1 candidate fits under the cap", StringComparison.Ordinal));
        Assert.DoesNotContain(one, l => l.Contains("gifting", StringComparison.Ordinal));
        Assert.Contains(FirstTestRules.Explain(1000m, FirstTestRules.For(1000m), gifting: true), l => l.Contains("gifting", StringComparison.Ordinal));
        Assert.Equal(1336, FirstTestRules.BudgetNeeded(167));
    }

    [Fact]
    public void A_budget_of_zero_or_less_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstTestRules.For(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstTestRules.For(-1m));
    }

    [Fact]
    public void The_explanation_flags_a_budget_outside_the_usual_range()
    {
        Assert.DoesNotContain(FirstTestRules.Explain(1200m, FirstTestRules.For(1200m)), l => l.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(FirstTestRules.Explain(5000m, FirstTestRules.For(5000m)), l => l.Contains("outside the usual first-test range", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Plans_under_first_test_rules_keep_every_rule(int seed)
    {
        var synthetic = SyntheticPlanningProblem.Create(40, seed);
        // Some macro creators that would otherwise be the best value per dollar.
        var macro = Enumerable.Range(0, 5)
            .Select(i => new PlanCandidate($"m{i}", "macro", "instagram", $"macro{i}", [new PlanOption("1 post", 120, 5_000)]));
        var candidates = synthetic.Candidates.Concat(macro).ToList();
        var rules = FirstTestRules.For(1500m, candidates.Where(c => c.Tier is "nano" or "micro").Select(c => c.Options.Min(o => o.Cost)));
        var problem = synthetic with { Candidates = candidates, Rules = rules };

        var plan = CampaignPlanner.Solve(problem, new PlannerSettings { ExactTimeLimit = TimeSpan.FromSeconds(10), Workers = 1 });

        Assert.NotEqual(PlanStatus.Infeasible, plan.Status);
        Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
        Assert.InRange(plan.Picks.Count, FirstTestRules.TargetCreators, FirstTestRules.MaxCreators);
        Assert.All(plan.Picks, p => Assert.InRange(p.Cost, 0, 187.5));
        Assert.DoesNotContain(plan.Picks, p => p.CandidateId.StartsWith('m'));
        Assert.True(plan.Cost <= 1500 + 1e-6);
    }
}
