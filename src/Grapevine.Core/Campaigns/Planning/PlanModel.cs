namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// A <see cref="PlanningProblem"/> in arrays: excluded candidates and options over the per-creator cap removed,
/// tiers, platforms and groups numbered. Both solvers and the checker work on this.
/// </summary>
internal sealed class PlanModel
{
    public PlanModel(PlanningProblem problem)
    {
        Problem = problem;
        var rules = problem.Rules;
        var excluded = rules.Exclude.ToHashSet(StringComparer.Ordinal);
        var must = rules.MustInclude.ToHashSet(StringComparer.Ordinal);
        Candidates = problem.Candidates.Where(c => !excluded.Contains(c.Id)).ToArray();
        TierNames = Candidates.Select(c => c.Tier).Concat(rules.Tiers.Keys).Distinct(StringComparer.Ordinal).ToArray();
        PlatformNames = Candidates.Select(c => c.Platform).Concat(rules.Platforms.Keys).Distinct(StringComparer.Ordinal).ToArray();
        GroupNames = Candidates.Select(c => c.OverlapGroup).Distinct(StringComparer.Ordinal).ToArray();
        var tierIndex = Index(TierNames);
        var platformIndex = Index(PlatformNames);
        var groupIndex = Index(GroupNames);

        Tier = Candidates.Select(c => tierIndex[c.Tier]).ToArray();
        Platform = Candidates.Select(c => platformIndex[c.Platform]).ToArray();
        Group = Candidates.Select(c => groupIndex[c.OverlapGroup]).ToArray();
        Must = Candidates.Select(c => must.Contains(c.Id)).ToArray();
        Options = Candidates
            .Select(c => c.Options.Where(o => rules.MaxPerCreator is not { } cap || o.Cost <= cap).ToArray())
            .ToArray();
        Curves = GroupNames
            .Select(g => problem.Saturation.TryGetValue(g, out var s) ? new DiminishingReturns(s) : null)
            .ToArray();
        TierMin = TierNames.Select(t => rules.Tiers.GetValueOrDefault(t)?.Min ?? 0).ToArray();
        TierMax = TierNames.Select(t => rules.Tiers.GetValueOrDefault(t)?.Max ?? int.MaxValue).ToArray();
        PlatformMin = PlatformNames.Select(p => rules.Platforms.GetValueOrDefault(p)?.Min ?? 0).ToArray();
        PlatformMax = PlatformNames.Select(p => rules.Platforms.GetValueOrDefault(p)?.Max ?? int.MaxValue).ToArray();
        MaxCreators = rules.MaxCreators ?? int.MaxValue;
    }

    public PlanningProblem Problem { get; }
    public PlanCandidate[] Candidates { get; }
    public PlanOption[][] Options { get; }
    public string[] TierNames { get; }
    public string[] PlatformNames { get; }
    public string[] GroupNames { get; }
    public int[] Tier { get; }
    public int[] Platform { get; }
    public int[] Group { get; }
    public bool[] Must { get; }
    public DiminishingReturns?[] Curves { get; }
    public int[] TierMin { get; }
    public int[] TierMax { get; }
    public int[] PlatformMin { get; }
    public int[] PlatformMax { get; }
    public int MaxCreators { get; }
    public double Budget => Problem.Rules.Budget;
    public int MinCreators => Problem.Rules.MinCreators;
    public int Count => Candidates.Length;

    public double GroupValue(int group, double sum) => Curves[group] is { } curve ? curve.Apply(sum) : sum;

    /// <summary>The total value of a choice (option index per candidate, −1 for none).</summary>
    public double Value(int[] choice)
    {
        var sums = new double[GroupNames.Length];
        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] >= 0)
                sums[Group[i]] += Options[i][choice[i]].Value;
        }
        var total = 0.0;
        for (var g = 0; g < sums.Length; g++)
            total += GroupValue(g, sums[g]);
        return total;
    }

    public Plan ToPlan(int[] choice, double? bound, PlanSolver solver, PlanStatus status, double seconds)
    {
        var picks = new List<PlanPick>();
        var cost = 0.0;
        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] < 0)
                continue;
            var option = Options[i][choice[i]];
            picks.Add(new PlanPick(Candidates[i].Id, option.Name, option.Cost, option.Value, option.Gifting));
            cost += option.Cost;
        }
        var value = Value(choice);
        double? gap = bound is { } b ? (b <= 0 ? 0 : Math.Max(0, (b - value) / b)) : null;
        return new Plan(picks, cost, value, bound, gap, solver, status, seconds, []);
    }

    private static Dictionary<string, int> Index(string[] names) =>
        names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
}
