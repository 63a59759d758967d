using Grapevine.Core.Campaigns.Plans;
namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// Conflicts that show without solving anything: unknown or excluded must-includes, ranges whose minimum
/// exceeds their maximum, more creators required than there are, must-includes that alone break the budget.
/// Conflicts that need a search (say, the cheapest way to meet every minimum costs more than the budget) are
/// left to the exact solver.
/// </summary>
internal static class PlanPrechecks
{
    public static IReadOnlyList<PlanConflict> Find(PlanningProblem problem, PlanModel model)
    {
        var rules = problem.Rules;
        var conflicts = new List<PlanConflict>();
        if (!(rules.Budget >= 0) || double.IsInfinity(rules.Budget))
            conflicts.Add(new("budget", "The budget must be zero or more."));
        var ids = problem.Candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var excluded = rules.Exclude.ToHashSet(StringComparer.Ordinal);
        foreach (var id in rules.MustInclude.Distinct(StringComparer.Ordinal))
        {
            if (!ids.Contains(id))
                conflicts.Add(new($"must include {id}", $"{id} must be included but is not among the candidates."));
            else if (excluded.Contains(id))
                conflicts.Add(new($"must include {id}", $"{id} is both a must-include and excluded."));
        }
        for (var i = 0; i < model.Count; i++)
        {
            if (model.Must[i] && model.Options[i].Length == 0)
            {
                var cheapest = model.Candidates[i].Options.Select(o => o.Cost).DefaultIfEmpty(double.NaN).Min();
                conflicts.Add(new($"must include {model.Candidates[i].Id}", double.IsNaN(cheapest)
                    ? $"{model.Candidates[i].Id} must be included but has no deliverable option."
                    : $"{model.Candidates[i].Id} must be included, but its cheapest option ({PlanCurrency.Show(cheapest)}) is over the cap per creator ({PlanCurrency.Show(rules.MaxPerCreator!.Value)})."));
            }
        }
        var mustCount = model.Must.Count(m => m);
        var available = Enumerable.Range(0, model.Count).Count(i => model.Options[i].Length > 0);
        if (rules.MaxCreators is { } max)
        {
            if (max < rules.MinCreators)
                conflicts.Add(new("minimum number of creators", $"The minimum number of creators ({rules.MinCreators}) is above the maximum ({max})."));
            if (mustCount > max)
                conflicts.Add(new("maximum number of creators", $"{mustCount} creators must be included, more than the maximum of {max}."));
        }
        if (rules.MinCreators > available)
            conflicts.Add(new("minimum number of creators", $"At least {rules.MinCreators} creators are required but only {available} candidates have an option within the rules."));
        CheckRanges(conflicts, "tier", rules.Tiers, model.TierNames, model.Tier, model);
        CheckRanges(conflicts, "platform", rules.Platforms, model.PlatformNames, model.Platform, model);
        var mustCost = Enumerable.Range(0, model.Count)
            .Where(i => model.Must[i] && model.Options[i].Length > 0)
            .Sum(i => model.Options[i].Min(o => o.Cost));
        if (mustCost > rules.Budget + 1e-9)
            conflicts.Add(new("budget", $"The must-include creators cost at least {PlanCurrency.Show(mustCost)} together, over the budget of {PlanCurrency.Show(rules.Budget)}."));
        return conflicts;
    }

    private static void CheckRanges(
        List<PlanConflict> conflicts, string what, IReadOnlyDictionary<string, CountRange> ranges, string[] names, int[] of, PlanModel model)
    {
        foreach (var (name, range) in ranges)
        {
            var k = Array.IndexOf(names, name);
            var available = Enumerable.Range(0, model.Count).Count(i => of[i] == k && model.Options[i].Length > 0);
            if (range.Min is { } min && range.Max is { } max && min > max)
                conflicts.Add(new($"at least {min} {name} creators ({what})", $"The minimum of {name} creators ({min}) is above the maximum ({max})."));
            if (range.Min is { } needed && needed > available)
                conflicts.Add(new($"at least {needed} {name} creators ({what})", $"At least {needed} {name} creators are required but only {available} candidates are {name} with an option within the rules."));
            if (range.Max is { } cap)
            {
                var must = Enumerable.Range(0, model.Count).Count(i => of[i] == k && model.Must[i]);
                if (must > cap)
                    conflicts.Add(new($"at most {cap} {name} creators ({what})", $"{must} {name} creators must be included, more than the maximum of {cap}."));
            }
        }
        if (ranges.Values.Sum(r => r.Min ?? 0) is var sumMin && model.MaxCreators < int.MaxValue && sumMin > model.MaxCreators)
            conflicts.Add(new("maximum number of creators", $"The {what} minimums add up to {sumMin} creators, more than the maximum of {model.MaxCreators}."));
    }
}
