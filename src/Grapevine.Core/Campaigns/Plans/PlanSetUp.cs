using System.Globalization;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// The campaign's set-up a plan was made for: what, when it changes, makes the plan out of date (the goal it maximised,
/// the budget, what each creator publishes, the platforms and whether it is a first test). Saved with the plan so the
/// plan page can say the plan no longer matches the campaign and invite planning again.
/// </summary>
public sealed record PlanSetUp(string Goal, decimal Budget, string Currency, IReadOnlyList<string> Deliverables, IReadOnlyList<string> Platforms, bool FirstTest)
{
    public static PlanSetUp Of(Campaign campaign) => new(
        campaign.Goal.ToString().ToLowerInvariant(),
        campaign.Budget,
        campaign.Currency,
        [.. campaign.Deliverables.Select(d => $"{d.Deliverable}={d.Count.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)],
        [.. campaign.Platforms.Order(StringComparer.Ordinal)],
        campaign.FirstTest);

    /// <summary>What differs in <paramref name="now"/>, by name (goal, budget, currency, deliverables, platforms, first test); empty when nothing does.</summary>
    public IReadOnlyList<string> ChangesIn(PlanSetUp now)
    {
        var changes = new List<string>();
        if (Goal != now.Goal)
            changes.Add("goal");
        if (Budget != now.Budget)
            changes.Add("budget");
        if (Currency != now.Currency)
            changes.Add("currency");
        if (!Deliverables.SequenceEqual(now.Deliverables, StringComparer.Ordinal))
            changes.Add("deliverables");
        if (!Platforms.SequenceEqual(now.Platforms, StringComparer.Ordinal))
            changes.Add("platforms");
        if (FirstTest != now.FirstTest)
            changes.Add("first test");
        return changes;
    }
}
