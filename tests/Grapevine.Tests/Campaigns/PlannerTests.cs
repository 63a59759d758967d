using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Tests.Campaigns;

public class PlannerTests
{
    private static readonly PlannerSettings Exact = new() { ExactTimeLimit = TimeSpan.FromSeconds(20), Workers = 2 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_exact_planner_finds_the_brute_force_optimum_and_the_heuristic_never_beats_it(int seed)
    {
        var problem = SmallProblem(seed);
        var (bestValue, feasible) = BruteForce(problem);

        var plan = CampaignPlanner.Solve(problem, Exact);
        var heuristic = CampaignPlanner.SolveHeuristic(problem, TimeSpan.FromMilliseconds(50));

        if (!feasible)
        {
            Assert.Equal(PlanStatus.Infeasible, plan.Status);
            Assert.NotEmpty(plan.Conflicts);
            return;
        }
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.Equal(bestValue, plan.Value, bestValue * 1e-5);
        Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
        Assert.Equal(bestValue, ValueOf(problem, plan.Picks), bestValue * 1e-5);
        if (heuristic.Status != PlanStatus.Infeasible)
        {
            Assert.Empty(PlanChecker.Violations(problem, heuristic.Picks));
            Assert.True(heuristic.Value <= bestValue + 1e-6);
        }
    }

    [Fact]
    public void Every_plan_keeps_every_rule_on_random_instances()
    {
        var random = new Random(7);
        for (var round = 0; round < 25; round++)
        {
            var n = random.Next(15, 60);
            var budget = n * random.Next(8, 60);
            var rules = new PlanRules
            {
                Budget = budget,
                MinCreators = random.Next(0, 6),
                MaxCreators = random.Next(0, 3) == 0 ? null : random.Next(6, 20),
                MaxPerCreator = random.Next(0, 2) == 0 ? null : random.Next(150, 900),
                Tiers = new Dictionary<string, CountRange> { ["nano"] = new(random.Next(0, 4), random.Next(0, 2) == 0 ? null : random.Next(4, 12)) },
                Platforms = new Dictionary<string, CountRange> { ["tiktok"] = new(random.Next(0, 3), null), ["youtube"] = new(null, random.Next(1, 4)) },
                MustInclude = random.Next(0, 2) == 0 ? [] : [$"c{random.Next(n):D5}"],
                Exclude = [$"c{random.Next(n):D5}"],
            };
            var problem = SyntheticPlanningProblem.Create(n, 100 + round, rules: rules);
            foreach (var plan in new[]
                     {
                         CampaignPlanner.Solve(problem, Exact),
                         CampaignPlanner.Solve(problem, Exact with { ExactUpTo = 0 }),
                     })
            {
                if (plan.Status == PlanStatus.Infeasible)
                {
                    Assert.NotEmpty(plan.Conflicts);
                    continue;
                }
                Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
                Assert.NotNull(plan.BestBound);
                Assert.True(plan.Value <= plan.BestBound!.Value * (1 + 1e-6), $"round {round}: value {plan.Value} above bound {plan.BestBound}");
            }
        }
    }

    [Fact]
    public void The_heuristic_plan_on_a_large_shortlist_is_close_to_the_linear_bound()
    {
        var problem = SyntheticPlanningProblem.Create(1000, 42);
        var plan = CampaignPlanner.Solve(problem);
        Assert.Equal(PlanSolver.Heuristic, plan.Solver);
        Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
        Assert.InRange(plan.Gap!.Value, 0, 0.05);
    }

    [Fact]
    public void Given_time_the_heuristic_comes_within_half_a_percent_of_the_linear_bound_on_a_thousand_candidates()
    {
        // A long limit, so that the result does not depend on the machine's load: the search stops when no move helps.
        var problem = SyntheticPlanningProblem.Create(1000, 42);
        var plan = CampaignPlanner.SolveHeuristic(problem, TimeSpan.FromSeconds(10));
        Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
        Assert.Equal(CampaignPlanner.UpperBound(problem)!.Value, plan.BestBound!.Value, 1e-6);
        Assert.InRange(plan.Gap!.Value, 0, 0.005);
    }

    [Fact]
    public void Cp_sat_proves_optimality_on_a_hundred_candidates()
    {
        var plan = CampaignPlanner.SolveExact(SyntheticPlanningProblem.Create(100, 43), TimeSpan.FromSeconds(60), 2);
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.InRange(plan.Gap!.Value, 0, 1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_hint_and_the_linear_cap_leave_cp_sat_at_the_brute_force_optimum(int seed)
    {
        var problem = SmallProblem(seed);
        var (bestValue, feasible) = BruteForce(problem);
        if (!feasible)
            return;
        var plain = CampaignPlanner.SolveExact(problem, TimeSpan.FromSeconds(20), 2);
        var helped = CampaignPlanner.SolveExact(problem, TimeSpan.FromSeconds(20), 2, hint: true, capWithLinearBound: true);
        foreach (var plan in new[] { plain, helped })
        {
            Assert.Equal(PlanStatus.Optimal, plan.Status);
            Assert.Equal(bestValue, plan.Value, bestValue * 1e-5);
            Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
            Assert.True(plan.BestBound >= bestValue * (1 - 1e-6), $"bound {plan.BestBound} below the optimum {bestValue}");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void Every_bound_reported_is_at_least_the_brute_force_optimum(int seed)
    {
        var problem = SmallProblem(seed);
        var (bestValue, feasible) = BruteForce(problem);
        if (!feasible)
            return;
        Assert.True(CampaignPlanner.UpperBound(problem) >= bestValue * (1 - 1e-9));
        foreach (var plan in new[]
                 {
                     CampaignPlanner.Solve(problem, Exact),
                     CampaignPlanner.Solve(problem, Exact with { ExactUpTo = 0 }),
                     CampaignPlanner.SolveHeuristic(problem, TimeSpan.FromMilliseconds(50)),
                 })
        {
            if (plan.Status == PlanStatus.Infeasible)
                continue;
            Assert.True(plan.BestBound >= bestValue * (1 - 1e-6), $"{plan.Solver}: bound {plan.BestBound} below the optimum {bestValue}");
            Assert.InRange(plan.Gap!.Value, 0, 1);
        }
    }

    [Fact]
    public void The_heuristic_alone_keeps_every_rule_and_stays_under_its_bound_on_random_instances()
    {
        var random = new Random(17);
        for (var round = 0; round < 30; round++)
        {
            var n = random.Next(20, 200);
            var rules = new PlanRules
            {
                Budget = n * random.Next(5, 60),
                MinCreators = random.Next(0, 8),
                MaxCreators = random.Next(0, 3) == 0 ? null : random.Next(8, 40),
                MaxPerCreator = random.Next(0, 2) == 0 ? null : random.Next(150, 900),
                Tiers = new Dictionary<string, CountRange> { ["nano"] = new(random.Next(0, 5), random.Next(0, 2) == 0 ? null : random.Next(5, 20)) },
                Platforms = new Dictionary<string, CountRange> { ["tiktok"] = new(random.Next(0, 4), null), ["youtube"] = new(null, random.Next(1, 5)) },
                MustInclude = random.Next(0, 2) == 0 ? [] : [$"c{random.Next(n):D5}"],
                Exclude = [$"c{random.Next(n):D5}"],
            };
            var problem = SyntheticPlanningProblem.Create(n, 300 + round, rules: rules);
            var plan = CampaignPlanner.SolveHeuristic(problem, TimeSpan.FromMilliseconds(40));
            if (plan.Status == PlanStatus.Infeasible)
                continue;
            Assert.Empty(PlanChecker.Violations(problem, plan.Picks));
            Assert.NotNull(plan.BestBound);
            Assert.True(plan.Value <= plan.BestBound!.Value * (1 + 1e-6), $"round {round}: value {plan.Value} above bound {plan.BestBound}");
            Assert.InRange(plan.Gap!.Value, 0, 1);
        }
    }

    [Fact]
    public void A_must_include_over_the_budget_is_named()
    {
        var problem = Problem(new PlanRules { Budget = 100, MustInclude = ["a"] },
            Candidate("a", "micro", "instagram", 300), Candidate("b", "nano", "instagram", 50));
        var plan = CampaignPlanner.Solve(problem);
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal("budget", conflict.Rule);
        Assert.Contains("300", conflict.Message);
    }

    [Fact]
    public void Minimums_that_cost_more_than_the_budget_are_named_together()
    {
        var candidates = Enumerable.Range(0, 6).Select(i => Candidate($"m{i}", "micro", "instagram", 300))
            .Concat(Enumerable.Range(0, 6).Select(i => Candidate($"n{i}", "nano", "tiktok", 50)))
            .ToArray();
        var problem = Problem(new PlanRules
        {
            Budget = 1000,
            MaxCreators = 10,
            Tiers = new Dictionary<string, CountRange> { ["micro"] = new(Min: 4) },
            Platforms = new Dictionary<string, CountRange> { ["tiktok"] = new(Max: 6) },
        }, candidates);
        var plan = CampaignPlanner.Solve(problem, Exact);
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        var rules = plan.Conflicts.Select(c => c.Rule).ToList();
        Assert.Contains("budget", rules);
        Assert.Contains("at least 4 micro creators (tier)", rules);
        Assert.DoesNotContain("at most 6 tiktok creators (platform)", rules);
    }

    [Theory]
    [InlineData("min above max")]
    [InlineData("must and exclude")]
    [InlineData("unknown must")]
    [InlineData("too few in tier")]
    [InlineData("over the cap")]
    public void Rules_that_contradict_each_other_are_named_before_solving(string kind)
    {
        var candidates = new[] { Candidate("a", "nano", "instagram", 50), Candidate("b", "micro", "tiktok", 400) };
        var rules = kind switch
        {
            "min above max" => new PlanRules { Budget = 1000, MinCreators = 3, MaxCreators = 2 },
            "must and exclude" => new PlanRules { Budget = 1000, MustInclude = ["a"], Exclude = ["a"] },
            "unknown must" => new PlanRules { Budget = 1000, MustInclude = ["zzz"] },
            "too few in tier" => new PlanRules { Budget = 1000, Tiers = new Dictionary<string, CountRange> { ["micro"] = new(Min: 2) } },
            _ => new PlanRules { Budget = 1000, MaxPerCreator = 200, MustInclude = ["b"] },
        };
        var plan = CampaignPlanner.Solve(Problem(rules, candidates));
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        Assert.NotEmpty(plan.Conflicts);
        Assert.All(plan.Conflicts, c => Assert.False(string.IsNullOrWhiteSpace(c.Message)));
    }

    [Fact]
    public void A_conflict_names_its_amounts_in_dollars()
    {
        var candidates = new[] { Candidate("a", "nano", "instagram", 50), Candidate("b", "micro", "tiktok", 1400) };
        var plan = CampaignPlanner.Solve(Problem(new PlanRules { Budget = 1000, MaxPerCreator = 250, MustInclude = ["b"] }, candidates));
        Assert.Equal("b must be included, but its cheapest option ($1,400) is over the cap per creator ($250).", Assert.Single(plan.Conflicts).Message);
    }

    [Fact]
    public void Overlapping_creators_are_worth_less_together_than_apart()
    {
        // Two equal creators: with overlap the plan prefers one in each group over two in the same group.
        var candidates = new[]
        {
            new PlanCandidate("a1", "nano", "instagram", "A", [new PlanOption("post", 100, 100)]),
            new PlanCandidate("a2", "nano", "instagram", "A", [new PlanOption("post", 100, 100)]),
            new PlanCandidate("b1", "nano", "instagram", "B", [new PlanOption("post", 100, 90)]),
        };
        var problem = new PlanningProblem(candidates, new PlanRules { Budget = 200 },
            new Dictionary<string, double> { ["A"] = 150, ["B"] = 150 });
        var plan = CampaignPlanner.Solve(problem, Exact);
        var chosen = plan.Picks.Select(p => p.CandidateId).ToList();
        Assert.Equal(2, chosen.Count);
        Assert.Contains("b1", chosen);
        Assert.Single(chosen, id => id.StartsWith('a'));
    }

    [Fact]
    public void Diminishing_returns_are_concave_and_follow_the_saturation_curve()
    {
        var curve = new DiminishingReturns(1000);
        Assert.Equal(0, curve.Apply(0));
        var previousSlope = double.PositiveInfinity;
        for (var s = 10.0; s <= 8000; s += 10)
        {
            var slope = (curve.Apply(s) - curve.Apply(s - 10)) / 10;
            Assert.True(slope <= previousSlope + 1e-9);
            Assert.True(slope >= 0);
            previousSlope = slope;
            var exact = 1000 * (1 - Math.Exp(-s / 1000));
            Assert.InRange(curve.Apply(s), exact * 0.97, exact + 1e-9);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiminishingReturns(0));
    }

    private static PlanningProblem SmallProblem(int seed)
    {
        var random = new Random(seed);
        var rules = new PlanRules
        {
            Budget = random.Next(150, 900),
            MinCreators = random.Next(0, 3),
            MaxCreators = random.Next(2, 6),
            MaxPerCreator = random.Next(0, 2) == 0 ? null : 400,
            Tiers = new Dictionary<string, CountRange> { ["nano"] = new(Min: random.Next(0, 3)) },
            Platforms = new Dictionary<string, CountRange> { ["youtube"] = new(Max: 1) },
            MustInclude = seed % 3 == 0 ? ["c00001"] : [],
            Exclude = ["c00006"],
        };
        return SyntheticPlanningProblem.Create(8, seed, rules: rules);
    }

    private static (double Best, bool Feasible) BruteForce(PlanningProblem problem)
    {
        var candidates = problem.Candidates;
        var choice = new int[candidates.Count];
        var best = double.NegativeInfinity;
        void Visit(int i)
        {
            if (i == candidates.Count)
            {
                var picks = candidates.Select((c, k) => choice[k] < 0 ? null : Pick(c, c.Options[choice[k]]))
                    .OfType<PlanPick>().ToList();
                if (PlanChecker.Violations(problem, picks).Count == 0)
                    best = Math.Max(best, ValueOf(problem, picks));
                return;
            }
            for (var o = -1; o < candidates[i].Options.Count; o++)
            {
                choice[i] = o;
                Visit(i + 1);
            }
        }
        Visit(0);
        return (best, !double.IsNegativeInfinity(best));
    }

    private static double ValueOf(PlanningProblem problem, IReadOnlyList<PlanPick> picks)
    {
        var group = problem.Candidates.ToDictionary(c => c.Id, c => c.OverlapGroup);
        return picks.GroupBy(p => group[p.CandidateId]).Sum(g =>
        {
            var sum = g.Sum(p => p.Value);
            return problem.Saturation.TryGetValue(g.Key, out var s) ? new DiminishingReturns(s).Apply(sum) : sum;
        });
    }

    private static PlanPick Pick(PlanCandidate c, PlanOption o) => new(c.Id, o.Name, o.Cost, o.Value, o.Gifting);

    private static PlanCandidate Candidate(string id, string tier, string platform, double cost) =>
        new(id, tier, platform, id, [new PlanOption("post", cost, cost * 1.2)]);

    private static PlanningProblem Problem(PlanRules rules, params PlanCandidate[] candidates) =>
        new(candidates, rules, new Dictionary<string, double>());
}
