using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.FirstTest;

namespace Grapevine.Tests.Campaigns;

public class FirstTestKeepRuleTests
{
    [Fact]
    public void Keeps_the_cheapest_quarter_by_cost_per_result_and_drops_the_rest()
    {
        // Costs per engagement: 1.0, 0.5, 2.0, 4.0, 0.25, 3.0, 1.5, 8.0 → keep accounts 5 (0.25) and 2 (0.5).
        var outcomes = new[]
        {
            Outcome(1, 100, 100), Outcome(2, 100, 200), Outcome(3, 100, 50), Outcome(4, 200, 50),
            Outcome(5, 50, 200), Outcome(6, 150, 50), Outcome(7, 150, 100), Outcome(8, 400, 50),
        };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Engagement);

        Assert.Equal(outcomes.Select(o => o.AccountId), decisions.Select(d => d.AccountId));
        Assert.Equal(new[] { 2L, 5L }, Kept(decisions));
        Assert.All(decisions.Where(d => d.AccountId is not (2 or 5)), d => Assert.Equal(KeepVerdict.Drop, d.Verdict));
        var best = decisions.Single(d => d.AccountId == 5);
        Assert.Equal(0.25, best.CostPerResult);
        Assert.Equal(1, best.Rank);
        Assert.StartsWith("Kept: $0.25 per engagement, rank 1 of 8", best.Reason);
        var worst = decisions.Single(d => d.AccountId == 8);
        Assert.Equal(8, worst.Rank);
        Assert.Contains("the 2 kept cost at most $0.50", worst.Reason);
    }

    [Fact]
    public void Reasons_name_money_in_the_campaigns_currency()
    {
        var outcomes = new[] { Outcome(1, 80, 320), Outcome(2, 100, 200), Outcome(3, 100, 50), Outcome(4, 200, 50), Outcome(5, 20, 10) };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Sales, "EUR");

        Assert.StartsWith("Kept: 0.25 EUR per EUR of revenue, rank 1 of 4", decisions[0].Reason);
        Assert.Contains("20 EUR spent for 10 EUR of revenue; judging needs at least 50 EUR spent", decisions[4].Reason);
        Assert.DoesNotContain(decisions, d => d.Reason.Contains('$', StringComparison.Ordinal));
        Assert.Equal("$1.60", KeepRule.FormatMoney(1.6, "USD"));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    [InlineData(12, 3)]
    [InlineData(13, 4)]
    [InlineData(30, 8)]
    public void The_quarter_is_rounded_up(int judged, int kept)
    {
        var outcomes = Enumerable.Range(1, judged).Select(i => Outcome(i, 100, 100 + i)).ToList();

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Engagement);

        Assert.Equal(kept, decisions.Count(d => d.Verdict == KeepVerdict.Keep));
        Assert.Equal(judged - kept, decisions.Count(d => d.Verdict == KeepVerdict.Drop));
        // The most results for the same spend are the cheapest.
        Assert.Equal(Enumerable.Range(judged - kept + 1, kept).Select(i => (long)i), Kept(decisions));
    }

    [Fact]
    public void Ties_at_the_cut_off_are_all_kept_and_share_a_rank()
    {
        var outcomes = new[] { Outcome(1, 100, 100), Outcome(2, 50, 50), Outcome(3, 100, 20), Outcome(4, 100, 10), Outcome(5, 100, 5) };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Engagement);

        // A quarter of five is two; accounts 1 and 2 both cost $1 an engagement.
        Assert.Equal(new[] { 1L, 2L }, Kept(decisions));
        Assert.All(decisions.Where(d => d.Verdict == KeepVerdict.Keep), d => Assert.Equal(1, d.Rank));
        Assert.Equal(3, decisions.Single(d => d.AccountId == 3).Rank);

        var fourWay = KeepRule.Decide([Outcome(1, 100, 100), Outcome(2, 100, 100), Outcome(3, 100, 50), Outcome(4, 100, 25)], CampaignGoal.Engagement);
        Assert.Equal(new[] { 1L, 2L }, Kept(fourWay));
        Assert.Contains("ties at the cut-off are all kept", fourWay[0].Reason);
    }

    [Fact]
    public void A_zero_result_is_infinitely_expensive_and_never_kept()
    {
        var outcomes = new[] { Outcome(1, 100, 0), Outcome(2, 100, 0), Outcome(3, 100, 0), Outcome(4, 100, 0), Outcome(5, 100, 40) };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Engagement);

        Assert.Equal(new[] { 5L }, Kept(decisions));
        var zero = decisions.Single(d => d.AccountId == 1);
        Assert.Equal(KeepVerdict.Drop, zero.Verdict);
        Assert.Null(zero.CostPerResult);
        Assert.Equal(2, zero.Rank);
        Assert.Equal("Dropped: $100 spent for no engagements.", zero.Reason);

        var none = KeepRule.Decide([Outcome(1, 100, 0), Outcome(2, 100, 0), Outcome(3, 60, 0), Outcome(4, 70, 0)], CampaignGoal.Sales);
        Assert.All(none, d => Assert.Equal(KeepVerdict.Drop, d.Verdict));
    }

    [Fact]
    public void Creators_without_enough_data_are_neither_kept_nor_dropped()
    {
        var outcomes = new[]
        {
            new TestOutcome(1, null, 100), new TestOutcome(2, 100, null), Outcome(3, 0, 500),
            Outcome(4, 20, 10), Outcome(5, -5, 10),
            Outcome(6, 20, 60), Outcome(7, 60, 10), Outcome(8, 60, 0), Outcome(9, 100, 500),
        };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Engagement).ToDictionary(d => d.AccountId);

        Assert.Equal("Not enough data: no spend recorded yet.", decisions[1].Reason);
        Assert.Equal("Not enough data: no result recorded yet.", decisions[2].Reason);
        Assert.Contains("spend is 0", decisions[3].Reason);
        Assert.Equal("Not enough data: $20 spent for 10 engagements; judging needs at least $50 spent or 50 engagements.", decisions[4].Reason);
        Assert.Contains("negative", decisions[5].Reason);
        foreach (var id in new long[] { 1, 2, 3, 4, 5 })
        {
            Assert.Equal(KeepVerdict.NotEnoughData, decisions[id].Verdict);
            Assert.Null(decisions[id].Rank);
            Assert.Null(decisions[id].CostPerResult);
        }
        // Judged: 6 (enough result), 7 and 8 (enough spend), 9; a quarter of four is one.
        Assert.Equal(KeepVerdict.Keep, decisions[9].Verdict);
        Assert.Equal(0.2, decisions[9].CostPerResult);
        Assert.All(new long[] { 6, 7, 8 }, id => Assert.Equal(KeepVerdict.Drop, decisions[id].Verdict));
    }

    [Fact]
    public void Fewer_than_four_judged_creators_are_not_compared()
    {
        var outcomes = new[] { Outcome(1, 100, 100), Outcome(2, 100, 300), Outcome(3, 100, 50), new TestOutcome(4, null, null) };

        var decisions = KeepRule.Decide(outcomes, CampaignGoal.Awareness);

        Assert.All(decisions, d => Assert.Equal(KeepVerdict.NotEnoughData, d.Verdict));
        Assert.Equal("Not enough data: only 3 of 4 creators have results to compare; the rule needs at least 4.", decisions[0].Reason);
        Assert.Empty(KeepRule.Decide([], CampaignGoal.Awareness));
    }

    [Fact]
    public void The_minimum_result_depends_on_the_goal()
    {
        // $30 spent: judged only when the result reaches the goal's minimum.
        Assert.Equal(KeepVerdict.NotEnoughData, Single(CampaignGoal.Awareness, 999));
        Assert.NotEqual(KeepVerdict.NotEnoughData, Single(CampaignGoal.Awareness, 1000));
        Assert.Equal(KeepVerdict.NotEnoughData, Single(CampaignGoal.Sales, 79));
        Assert.NotEqual(KeepVerdict.NotEnoughData, Single(CampaignGoal.Sales, 80));
        Assert.NotEqual(KeepVerdict.NotEnoughData, Single(CampaignGoal.Content, 1));
    }

    [Fact]
    public void An_account_twice_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => KeepRule.Decide([Outcome(7, 10, 10), Outcome(7, 20, 20)], CampaignGoal.Engagement));
        Assert.Contains("account 7", e.Message);
    }

    [Fact]
    public void Outcomes_come_from_the_candidates_test_fields()
    {
        var candidate = new CampaignCandidate { AccountId = 42, Source = "manual", TestSpend = 120m, TestResult = 3 };

        Assert.Equal(new TestOutcome(42, 120m, 3), TestOutcome.From(candidate));
    }

    // Three strong reference creators plus the one under test, all at $30 or more.
    private static KeepVerdict Single(CampaignGoal goal, double result)
    {
        var outcomes = new[] { Outcome(1, 100, 1e6), Outcome(2, 100, 1e6), Outcome(3, 100, 1e6), Outcome(4, 30, result) };
        return KeepRule.Decide(outcomes, goal)[3].Verdict;
    }

    private static TestOutcome Outcome(long id, decimal spend, double result) => new(id, spend, result);

    private static List<long> Kept(IEnumerable<KeepDecision> decisions) =>
        [.. decisions.Where(d => d.Verdict == KeepVerdict.Keep).Select(d => d.AccountId).Order()];
}
