using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Turns candidates with prices and forecasts into the optimiser's problem (docs/campaigns.md, "From candidates to a
/// plan"):
/// <list type="bullet">
/// <item>Options per creator: the campaign's bundle for the creator's platform (the platform's standard post when the
/// campaign names none), and each of the bundle's deliverables alone once, priced at the creator's rate card or
/// estimate; for a nano or emerging creator who accepts gifting, when the campaign gifts, one of the bundle's first
/// deliverable for the product cost (a gift buys one post, not a bundle).</item>
/// <item>Value: <see cref="GoalValue"/> of the forecasts, summed over the option's deliverables.</item>
/// <item>Overlap: creators on the same platform with the same primary niche and country form a group; its overlap share
/// o is the mean Jaccard similarity of their recent hashtags, clamped to [0.05, 0.9]; its saturation is the sum of its
/// creators' best option values ÷ o, so choosing everyone in a group whose creators share half their hashtags keeps
/// 2·(1 − e^−0.5) = 79% of the summed value.</item>
/// </list>
/// </summary>
public static class CampaignProblemBuilder
{
    public const double MinOverlap = 0.05;
    public const double MaxOverlap = 0.9;
    private const int OverlapSample = 60;

    public static BuiltProblem Build(
        CampaignGoal goal,
        IReadOnlyList<CampaignDeliverable> deliverables,
        decimal? productCost,
        IReadOnlyList<PlanCandidateInput> candidates,
        PlanRules rules)
    {
        var planCandidates = new List<PlanCandidate>();
        var details = new Dictionary<string, IReadOnlyDictionary<string, PlanOptionDetail>>();
        var leftOut = new List<LeftOut>();
        var members = new Dictionary<string, List<(PlanCandidateInput Input, double Best)>>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Decision == CandidateDecision.Excluded)
                continue;
            var bundle = Bundle(deliverables, c);
            var options = new List<PlanOption>();
            var optionDetails = new Dictionary<string, PlanOptionDetail>(StringComparer.Ordinal);
            AddFee(goal, c, bundle, options, optionDetails);
            if (bundle.Count > 1 || bundle[0].Count > 1)
                foreach (var item in bundle)
                    AddFee(goal, c, [(item.Deliverable, 1)], options, optionDetails);
            if (productCost is { } gift && c.AcceptsGifting && c.Tier is "nano" or "emerging")
                AddGift(goal, c, bundle[0].Deliverable, (double)gift, options, optionDetails);
            if (options.Count == 0)
            {
                leftOut.Add(new LeftOut(c.AccountId, c.Handle, Reason(c, bundle)));
                continue;
            }
            var id = c.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var group = $"{c.Platform.Name()}|{c.PrimaryNiche ?? "-"}|{c.Country ?? "-"}";
            planCandidates.Add(new PlanCandidate(id, c.Tier ?? "unknown", c.Platform.Name(), group, options));
            details[id] = optionDetails;
            if (!members.TryGetValue(group, out var list))
                members[group] = list = [];
            list.Add((c, options.Max(o => o.Value)));
        }

        var saturation = new Dictionary<string, double>(StringComparer.Ordinal);
        var overlap = new Dictionary<string, double>(StringComparer.Ordinal);
        if (GoalValue.Overlaps(goal))
        {
            foreach (var (group, list) in members)
            {
                if (list.Count < 2)
                    continue;
                var share = OverlapShare(list.Select(m => m.Input.Hashtags).ToList());
                overlap[group] = share;
                var total = list.Sum(m => m.Best);
                if (total > 0)
                    saturation[group] = total / share;
            }
        }

        var excluded = candidates.Where(c => c.Decision == CandidateDecision.Excluded)
            .Select(c => c.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mustInclude = candidates.Where(c => c.Decision == CandidateDecision.MustInclude)
            .Select(c => c.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var planned = rules with
        {
            MustInclude = [.. rules.MustInclude.Concat(mustInclude).Distinct()],
            Exclude = [.. rules.Exclude.Concat(excluded).Distinct()],
        };
        return new BuiltProblem(new PlanningProblem(planCandidates, planned, saturation), details, overlap, leftOut);
    }

    /// <summary>The campaign's deliverables on the creator's platform, or the platform's standard post.</summary>
    public static IReadOnlyList<(string Deliverable, int Count)> Bundle(IReadOnlyList<CampaignDeliverable> deliverables, PlanCandidateInput c)
    {
        var own = deliverables.Where(d => Deliverables.Find(d.Deliverable)?.Platform == c.Platform).Select(d => (d.Deliverable, d.Count)).ToList();
        return own.Count > 0 ? own : [(Deliverables.DefaultFor(c.Platform), 1)];
    }

    /// <summary>Mean pairwise Jaccard similarity of hashtag sets (up to the first 60 members), clamped.</summary>
    public static double OverlapShare(IReadOnlyList<IReadOnlySet<string>> hashtags)
    {
        var sample = hashtags.Take(OverlapSample).ToList();
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            for (var j = i + 1; j < sample.Count; j++)
            {
                var union = sample[i].Count + sample[j].Count;
                if (union == 0)
                    continue;
                var shared = sample[i].Count(sample[j].Contains);
                sum += (double)shared / (union - shared);
                pairs++;
            }
        }
        return Math.Clamp(pairs == 0 ? MinOverlap : sum / pairs, MinOverlap, MaxOverlap);
    }

    private static void AddFee(CampaignGoal goal, PlanCandidateInput c, IReadOnlyList<(string Deliverable, int Count)> items,
        List<PlanOption> options, Dictionary<string, PlanOptionDetail> details)
    {
        double cost = 0, value = 0;
        var forecasts = new List<DeliverableForecast>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (deliverable, count) in items)
        {
            if (!c.Prices.TryGetValue(deliverable, out var price) || !c.Forecasts.TryGetValue((deliverable, count), out var forecast)
                || GoalValue.Of(goal, forecast, c.EngagementPercentile) is not { } v)
                return;
            cost += price.PriceUsd * count;
            value += v;
            forecasts.Add(forecast);
            sources.Add(price.Source);
        }
        var name = Name(items);
        if (details.ContainsKey(name))
            return;
        options.Add(new PlanOption(name, Math.Round(cost, 2), value));
        details[name] = new PlanOptionDetail(forecasts, items, string.Join(" + ", sources), false);
    }

    private static void AddGift(CampaignGoal goal, PlanCandidateInput c, string deliverable, double cost,
        List<PlanOption> options, Dictionary<string, PlanOptionDetail> details)
    {
        if (!c.Forecasts.TryGetValue((deliverable, 1), out var forecast) || GoalValue.Of(goal, forecast, c.EngagementPercentile) is not { } v)
            return;
        var name = "gift: " + Name([(deliverable, 1)]);
        options.Add(new PlanOption(name, cost, v, Gifting: true));
        details[name] = new PlanOptionDetail([forecast], [(deliverable, 1)], "product cost", true);
    }

    public static string Name(IReadOnlyList<(string Deliverable, int Count)> items) =>
        string.Join(" + ", items.Select(i => $"{i.Count}× {Deliverables.Find(i.Deliverable)?.Label ?? i.Deliverable}"));

    private static string Reason(PlanCandidateInput c, IReadOnlyList<(string Deliverable, int Count)> bundle)
    {
        var first = bundle[0].Deliverable;
        if (!c.Prices.ContainsKey(first))
            return "no price: no rate card and no follower count to estimate from";
        return c.Forecasts.ContainsKey((first, bundle[0].Count)) ? "its forecast has nothing for this goal (no comparable posts)" : "no forecast: no recent posts to forecast from";
    }
}
