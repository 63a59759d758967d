using System.Globalization;
using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Core.Campaigns.FirstTest;

/// <summary>
/// The plan rules of a first test (docs/first-test.md): nano and micro creators only; each costing at most
/// budget ÷ <see cref="TargetCreators"/>, so the budget always buys that many; at least <see cref="TargetCreators"/>
/// creators when that many can be afforded under the cap, so the quarter kept afterwards is compared with enough
/// others; at most <see cref="MaxCreators"/>. Gifting for nano creators who accept it is an option the plan builder
/// offers per creator; it needs no rule here.
/// </summary>
public static class FirstTestRules
{
    /// <summary>reference.json budget.first_test_campaign_usd.</summary>
    public const decimal MinBudget = 1000;

    public const decimal MaxBudget = 2000;

    /// <summary>Eight creators leave a top quarter of two to keep and six to compare them with.</summary>
    public const int TargetCreators = 8;

    /// <summary>reference.json outreach.max_new_creators_per_day: a test onboards in about a day.</summary>
    public const int MaxCreators = 30;

    public static readonly IReadOnlyList<string> TestedTiers = ["nano", "micro"];

    /// <summary>Every other tier name of both tier schemes (Metrics/TierScheme): none of them is tested.</summary>
    public static readonly IReadOnlyList<string> OtherTiers = ["emerging", "macro", "mega", "celebrity"];

    /// <param name="budget">The test's budget in US dollars (reference range $1,000–$2,000; others are allowed).</param>
    /// <param name="cheapestCosts">
    /// The cheapest option of each nano or micro candidate, when known: the minimum number of creators is lowered to
    /// how many of them fit under the cap, so that a short shortlist is planned rather than refused.
    /// </param>
    /// <param name="campaign">The campaign's own rules: must-include, exclude and platform mix carry over, and its cap
    /// per creator when lower.</param>
    public static PlanRules For(decimal budget, IEnumerable<double>? cheapestCosts = null, PlanRules? campaign = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        var cap = Math.Round((double)budget / TargetCreators, 2);
        if (campaign?.MaxPerCreator is { } own && own < cap)
            cap = own;
        var minCreators = TargetCreators;
        if (cheapestCosts is not null)
            minCreators = Math.Min(TargetCreators, cheapestCosts.Count(c => c <= cap));
        return new PlanRules
        {
            Budget = (double)budget,
            MinCreators = minCreators,
            MaxCreators = MaxCreators,
            MaxPerCreator = cap,
            Tiers = OtherTiers.ToDictionary(t => t, _ => new CountRange(Max: 0)),
            Platforms = campaign?.Platforms ?? new Dictionary<string, CountRange>(),
            MustInclude = campaign?.MustInclude ?? [],
            Exclude = campaign?.Exclude ?? [],
        };
    }

    /// <summary>The rules in sentences, for the plan page and the CLI.</summary>
    /// <param name="budget">The test's budget.</param>
    /// <param name="rules">The rules planned with (<see cref="For"/>, with what the marketer set).</param>
    /// <param name="gifting">Whether the campaign has a product cost and a nano candidate who accepts gifting.</param>
    public static IReadOnlyList<string> Explain(decimal budget, PlanRules rules, bool gifting = false)
    {
        var cap = Money(rules.MaxPerCreator ?? (double)budget);
        var lines = new List<string>
        {
            "Nano and micro creators only: they are cheap to test and many nano creators accept product instead of a fee.",
            $"At most {cap} per creator (budget ÷ {TargetCreators}, or the campaign's cap when lower), so the budget buys at least {TargetCreators} creators and no single one eats the test.",
            rules.MinCreators >= 2
                ? $"At least {rules.MinCreators} creators, so the cheapest quarter kept after the test is compared with enough others; at most {MaxCreators}, about one day of onboarding."
                : $"At most {MaxCreators} creators, about one day of onboarding.",
        };
        if (gifting)
            lines.Add("Nano creators who accept gifting may be paid in product (the campaign's product cost).");
        if (rules.MinCreators == 0)
            lines.Add($"No nano or micro candidate costs {cap} or less; a first test wants at least {TargetCreators}: add cheaper nano or micro candidates or raise the budget.");
        else if (rules.MinCreators < TargetCreators)
            lines.Add($"Only {rules.MinCreators} {(rules.MinCreators == 1 ? "candidate fits" : "candidates fit")} under the cap; a first test wants at least {TargetCreators}: add nano or micro candidates.");
        if (budget is < MinBudget or > MaxBudget)
            lines.Add($"The budget {Money((double)budget)} is outside the usual first-test range of $1,000–$2,000 (reference.json budget.first_test_campaign_usd).");
        return lines;
    }

    /// <summary>
    /// The smallest budget at which a first test can choose anyone: its cap (budget ÷ <see cref="TargetCreators"/>)
    /// must reach the cheapest option, so <see cref="TargetCreators"/> × the cheapest option, in cents rounded up.
    /// </summary>
    public static double BudgetNeeded(double cheapestOption) => Math.Ceiling(cheapestOption * TargetCreators * 100) / 100;

    private static string Money(double usd) => "$" + usd.ToString("#,0.##", CultureInfo.InvariantCulture);
}
