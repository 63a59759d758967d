using System.Globalization;

namespace Grapevine.Core.Campaigns.FirstTest;

/// <summary>
/// Who to keep after a first test (docs/first-test.md). A creator is judged when their spend and result are recorded,
/// the spend is above 0, and either the result reaches the goal's minimum (<see cref="MinResult"/>) or at least
/// <see cref="MinSpendUsd"/> was spent (then even a small or zero result is telling); and only once at least
/// <see cref="MinJudged"/> creators are judged, because a top quarter of fewer says nothing. Judged creators are ranked
/// by cost per result (spend ÷ result in the goal's unit; a result of 0 is infinitely expensive and never kept); the
/// cheapest quarter, rounded up and at least one, is kept together with anyone tied with the last one kept; the rest
/// are dropped.
/// </summary>
public static class KeepRule
{
    public const double KeepShare = 0.25;
    public const decimal MinSpendUsd = 50;
    public const int MinJudged = 4;

    /// <summary>
    /// The smallest result that is judged whatever the spend, in the goal's unit: 1,000 people reached, 50 engagements,
    /// $80 of revenue (one order at the reference order value) or one piece of content.
    /// </summary>
    public static double MinResult(CampaignGoal goal) => goal switch
    {
        CampaignGoal.Awareness => 1000,
        CampaignGoal.Engagement => 50,
        CampaignGoal.Sales => 80,
        CampaignGoal.Content => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(goal)),
    };

    /// <summary>One decision per outcome, in the order given.</summary>
    /// <param name="outcomes">Each candidate's recorded spend and result.</param>
    /// <param name="goal">The campaign's goal: the result's unit.</param>
    /// <param name="currency">The campaign's currency, which spends are recorded in: the rule compares spends with
    /// each other, so it needs no exchange rate; reasons name amounts in it (<see cref="MinSpendUsd"/> is read as 50
    /// of it).</param>
    /// <exception cref="ArgumentException">An account appears twice.</exception>
    public static List<KeepDecision> Decide(IReadOnlyList<TestOutcome> outcomes, CampaignGoal goal, string currency = "USD")
    {
        string Money(double amount) => FormatMoney(amount, currency);
        var twice = outcomes.GroupBy(o => o.AccountId).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ArgumentException($"account {twice.Key} has more than one test result", nameof(outcomes));

        var (unit, perUnit) = Unit(goal, currency);
        var decisions = new Dictionary<long, KeepDecision>();
        var judged = new List<(TestOutcome Outcome, double Cost)>();
        foreach (var o in outcomes)
        {
            if (NotEnough(o, goal, unit, currency) is { } why)
                decisions[o.AccountId] = new KeepDecision(o.AccountId, KeepVerdict.NotEnoughData, null, null, why);
            else
                judged.Add((o, o.Result > 0 ? (double)o.Spend!.Value / o.Result.Value : double.PositiveInfinity));
        }
        if (judged.Count < MinJudged)
        {
            foreach (var (o, _) in judged)
            {
                decisions[o.AccountId] = new KeepDecision(o.AccountId, KeepVerdict.NotEnoughData, null, null,
                    $"Not enough data: only {judged.Count} of {outcomes.Count} creators have results to compare; the rule needs at least {MinJudged}.");
            }
            return [.. outcomes.Select(o => decisions[o.AccountId])];
        }

        var ranked = judged.OrderBy(j => j.Cost).ThenBy(j => j.Outcome.AccountId).ToList();
        var quota = Math.Max(1, (int)Math.Ceiling(ranked.Count * KeepShare));
        var cutoff = ranked[quota - 1].Cost;
        var kept = ranked.Count(j => j.Cost <= cutoff && !double.IsPositiveInfinity(j.Cost));
        foreach (var (o, cost) in ranked)
        {
            var rank = ranked.Count(j => j.Cost < cost) + 1;
            var spend = Money((double)o.Spend!.Value);
            if (double.IsPositiveInfinity(cost))
            {
                decisions[o.AccountId] = new KeepDecision(o.AccountId, KeepVerdict.Drop, null, rank, $"Dropped: {spend} spent for no {unit}.");
            }
            else if (cost <= cutoff)
            {
                var ties = kept > quota ? " (ties at the cut-off are all kept)" : "";
                decisions[o.AccountId] = new KeepDecision(o.AccountId, KeepVerdict.Keep, cost, rank,
                    $"Kept: {Money(cost)} per {perUnit}, rank {rank} of {ranked.Count} judged; the cheapest quarter keeps {kept}{ties}.");
            }
            else
            {
                decisions[o.AccountId] = new KeepDecision(o.AccountId, KeepVerdict.Drop, cost, rank,
                    $"Dropped: {Money(cost)} per {perUnit}, rank {rank} of {ranked.Count} judged; the {kept} kept cost at most {Money(cutoff)}.");
            }
        }
        return [.. outcomes.Select(o => decisions[o.AccountId])];
    }

    private static string? NotEnough(TestOutcome o, CampaignGoal goal, string unit, string currency)
    {
        string Money(double amount) => FormatMoney(amount, currency);
        if (o.Spend is not { } spend)
            return "Not enough data: no spend recorded yet.";
        if (o.Result is not { } result)
            return "Not enough data: no result recorded yet.";
        if (spend < 0 || result < 0)
            return "Not enough data: the recorded spend or result is negative, which cannot be right.";
        if (spend == 0)
            return "Not enough data: the recorded spend is 0, so cost per result says nothing.";
        if (result < MinResult(goal) && spend < MinSpendUsd)
            return $"Not enough data: {Money((double)spend)} spent for {Number(result)} {unit}; judging needs at least {Money((double)MinSpendUsd)} spent or {Number(MinResult(goal))} {unit}.";
        return null;
    }

    private static (string Plural, string Single) Unit(CampaignGoal goal, string currency) => goal switch
    {
        CampaignGoal.Awareness => ("people reached", "person reached"),
        CampaignGoal.Engagement => ("engagements", "engagement"),
        CampaignGoal.Sales => ($"{currency.ToUpperInvariant()} of revenue", $"{currency.ToUpperInvariant()} of revenue"),
        CampaignGoal.Content => ("pieces of content", "piece of content"),
        _ => throw new ArgumentOutOfRangeException(nameof(goal)),
    };

    /// <summary>An amount in <paramref name="currency"/>: "$1.60" in US dollars, "1.60 EUR" otherwise; cents always under 10.</summary>
    public static string FormatMoney(double amount, string currency)
    {
        var number = amount.ToString(amount < 10 ? "0.00##" : "#,0.##", CultureInfo.InvariantCulture);
        return string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase) ? "$" + number : $"{number} {currency.ToUpperInvariant()}";
    }

    private static string Number(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);
}
