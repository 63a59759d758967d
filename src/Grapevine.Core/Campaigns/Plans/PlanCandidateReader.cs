using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Reads what planning needs of a shortlist in a few queries: the search profiles, the current workspace's rate cards
/// (which win over estimates), each account's hashtags of the last 90 days (for overlap), and prices of the
/// deliverables asked for.
/// </summary>
public sealed class PlanCandidateReader(GrapevineDb db)
{
    public const int HashtagDays = 90;

    public async Task<List<PlanCandidateInput>> ReadAsync(
        IReadOnlyList<PlanCandidateRef> refs,
        IReadOnlyCollection<string> deliverables,
        IReadOnlyList<DeliverableForecast> forecasts,
        DateTime now,
        CancellationToken ct)
    {
        var ids = refs.Select(r => r.AccountId).Distinct().ToList();
        var profiles = new Dictionary<long, Discovery.SearchProfile>();
        var rates = new List<Discovery.RateCard>();
        var tags = new List<(long AccountId, string Term)>();
        var since = new DateTimeOffset(now.AddDays(-HashtagDays)).ToUnixTimeSeconds();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.SearchProfiles.AsNoTracking().Where(p => chunk.Contains(p.AccountId)).ToListAsync(ct))
                profiles[p.AccountId] = p;
            rates.AddRange(await db.RateCards.AsNoTracking().Where(r => chunk.Contains(r.AccountId)).ToListAsync(ct));
            var terms = await db.SearchProfileTerms.AsNoTracking()
                .Where(t => chunk.Contains(t.AccountId) && t.Term.StartsWith("#") && t.LastUsedAt >= since)
                .Select(t => new { t.AccountId, t.Term }).ToListAsync(ct);
            tags.AddRange(terms.Select(t => (t.AccountId, t.Term)));
        }
        var rateBy = rates.ToLookup(r => r.AccountId);
        var tagBy = tags.ToLookup(t => t.AccountId, t => t.Term);
        var forecastBy = forecasts.ToLookup(f => f.AccountId);

        var inputs = new List<PlanCandidateInput>();
        foreach (var r in refs)
        {
            if (!profiles.TryGetValue(r.AccountId, out var p))
                continue;
            var prices = new Dictionary<string, DeliverablePrice>(StringComparer.Ordinal);
            foreach (var name in deliverables)
            {
                if (Deliverables.Find(name) is not { } d || d.Platform != p.Platform)
                    continue;
                if (rateBy[p.AccountId].FirstOrDefault(x => x.Deliverable == name) is { } card)
                    prices[name] = new DeliverablePrice((double)card.PriceUsd, "rate card");
                else if (PriceEstimator.Default.Estimate(name, p.Followers, p.EngagementRate) is { } e)
                    prices[name] = new DeliverablePrice(e.Estimate, "estimate");
            }
            var byKey = new Dictionary<(string, int), DeliverableForecast>();
            foreach (var f in forecastBy[p.AccountId])
                byKey[(f.Deliverable, f.Count)] = f;
            inputs.Add(new PlanCandidateInput(p.AccountId, p.Platform, p.Handle, p.Tier, p.Followers, p.Country, p.PrimaryNiche,
                p.EngagementPercentile, tagBy[p.AccountId].ToHashSet(StringComparer.Ordinal), r.Decision, r.AcceptsGifting, prices, byKey));
        }
        return inputs;
    }

    /// <summary>Every (deliverable, count) the options may use: the bundles per platform and each deliverable once.</summary>
    public static List<CampaignDeliverable> ForecastRequests(IReadOnlyList<CampaignDeliverable> deliverables, IEnumerable<Platform> platforms)
    {
        var wanted = new HashSet<(string, int)>();
        foreach (var platform in platforms.Distinct())
        {
            var own = deliverables.Where(d => Deliverables.Find(d.Deliverable)?.Platform == platform).ToList();
            if (own.Count == 0)
                own = [new CampaignDeliverable { Deliverable = Deliverables.DefaultFor(platform), Count = 1 }];
            foreach (var d in own)
            {
                wanted.Add((d.Deliverable, d.Count));
                wanted.Add((d.Deliverable, 1));
            }
        }
        return [.. wanted.OrderBy(w => w.Item1, StringComparer.Ordinal).ThenBy(w => w.Item2).Select(w => new CampaignDeliverable { Deliverable = w.Item1, Count = w.Item2 })];
    }
}
