using Grapevine.Core.Campaigns.Plans;
namespace Grapevine.Core.Campaigns.Planning;

/// <summary>Checks a plan against every rule of its problem and says, in words, each rule it breaks.</summary>
public static class PlanChecker
{
    private const double Tolerance = 1e-6;

    public static IReadOnlyList<string> Violations(PlanningProblem problem, IReadOnlyList<PlanPick> picks)
    {
        var rules = problem.Rules;
        var violations = new List<string>();
        var byId = problem.Candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pick in picks)
        {
            if (!chosen.Add(pick.CandidateId))
                violations.Add($"{pick.CandidateId} is chosen more than once");
            if (!byId.TryGetValue(pick.CandidateId, out var candidate))
            {
                violations.Add($"{pick.CandidateId} is not a candidate");
                continue;
            }
            if (candidate.Options.All(o => o.Name != pick.Option))
                violations.Add($"{pick.CandidateId} has no option {pick.Option}");
            if (rules.MaxPerCreator is { } cap && pick.Cost > cap + Tolerance)
                violations.Add($"{pick.CandidateId} costs {PlanCurrency.Show(pick.Cost)}, over the cap of {PlanCurrency.Show(cap)} per creator");
        }
        var cost = picks.Sum(p => p.Cost);
        if (cost > rules.Budget + Tolerance)
            violations.Add($"the plan costs {PlanCurrency.Show(cost)}, over the budget of {PlanCurrency.Show(rules.Budget)}");
        if (picks.Count < rules.MinCreators)
            violations.Add($"{picks.Count} creators, fewer than the minimum of {rules.MinCreators}");
        if (rules.MaxCreators is { } max && picks.Count > max)
            violations.Add($"{picks.Count} creators, more than the maximum of {max}");
        foreach (var id in rules.Exclude.Where(chosen.Contains))
            violations.Add($"{id} is excluded but chosen");
        foreach (var id in rules.MustInclude.Where(id => !chosen.Contains(id)))
            violations.Add($"{id} must be included but is not");
        var known = picks.Where(p => byId.ContainsKey(p.CandidateId)).Select(p => byId[p.CandidateId]).ToList();
        CheckCounts(violations, "tier", rules.Tiers, known.GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Count()));
        CheckCounts(violations, "platform", rules.Platforms, known.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.Count()));
        return violations;
    }

    private static void CheckCounts(
        List<string> violations, string what, IReadOnlyDictionary<string, CountRange> ranges, Dictionary<string, int> counts)
    {
        foreach (var (name, range) in ranges)
        {
            var n = counts.GetValueOrDefault(name);
            if (range.Min is { } min && n < min)
                violations.Add($"{n} {name} creators ({what}), fewer than the minimum of {min}");
            if (range.Max is { } max && n > max)
                violations.Add($"{n} {name} creators ({what}), more than the maximum of {max}");
        }
    }
}
