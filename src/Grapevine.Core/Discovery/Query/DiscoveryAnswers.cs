using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.RateCards;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Query;

/// <summary>Turns an engine's <see cref="DiscoveryResult"/> into a <see cref="DiscoveryAnswer"/>: reads the hits' search profiles, prices and niche scores.</summary>
public static class DiscoveryAnswers
{
    /// <summary>Searches (the index when it is built, else SQL) with the current workspace's rate cards, and reads the answer out.</summary>
    public static async Task<DiscoveryAnswer> SearchAsync(DiscoveryService discovery, GrapevineDb db, DiscoveryQuery query, TimeProvider time, CancellationToken ct)
    {
        var search = await discovery.SearchAsync(query, null, ct);
        // The same rates the search used: the service reads them for the current workspace too.
        var rates = db.CurrentWorkspaceId is var workspace && workspace != Guid.Empty ? await RatePrices.LoadAsync(db, workspace, ct) : null;
        var context = new DiscoveryContext(time.GetUtcNow().UtcDateTime, workspace == Guid.Empty ? null : workspace, rates);
        return await BuildAsync(db, query, search.Result, context, search.Engine, search.ElapsedMs, ct);
    }

    /// <summary>
    /// The answer for an engine's result. <c>followerSpikes: false</c> leaves out the follower-spike check (every hit's
    /// <c>FollowerSpike</c> and <c>FollowerSnapshotIntervals</c> null): only the benchmark asks for that, to measure what the check costs.
    /// </summary>
    public static async Task<DiscoveryAnswer> BuildAsync(
        GrapevineDb db, DiscoveryQuery query, DiscoveryResult result, DiscoveryContext context, string engine, double elapsedMs, CancellationToken ct,
        bool followerSpikes = true)
    {
        var ids = result.Hits.Select(h => h.AccountId).ToList();
        var profiles = await db.SearchProfiles.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, ct);
        var brand = FitExplanation.BrandOf(query);
        var brandNiches = brand.Niches.ToList();
        var nicheRows = brandNiches.Count == 0
            ? []
            : await db.SearchProfileNiches.AsNoTracking().Where(n => ids.Contains(n.AccountId) && brandNiches.Contains(n.Niche)).ToListAsync(ct);
        var niches = nicheRows.ToLookup(n => n.AccountId);
        var keywords = query.Keywords.Distinct(StringComparer.Ordinal).ToList();
        // The N of audience quality: the follower sample it was measured from (profiles are rebuilt after each import).
        var samples = ids.Count == 0
            ? []
            : await db.FollowerSamples.AsNoTracking().Where(f => ids.Contains(f.AccountId)).GroupBy(f => f.AccountId)
                .Select(g => new { AccountId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AccountId, g => g.Count, ct);
        var spikes = followerSpikes ? await FollowerSpikeFlags.LoadAsync(db, [.. profiles.Values], ct) : null;
        var lexicon = await WorkspaceLexicon.LoadAsync(db, ct);
        var flagged = await HitFlaggedTexts.CountAsync(db, profiles.Values, lexicon, ct);

        var hits = new List<DiscoveryHitView>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            // A profile removed between the engine's answer and this read (an account deleted meanwhile) drops out.
            if (!profiles.TryGetValue(hit.AccountId, out var p))
                continue;
            var price = Price(p, context.RatePrices);
            var facts = new FitFacts(p, niches[hit.AccountId].ToDictionary(n => n.Niche, n => n.Score), price, brand, context.Now)
            {
                Keywords = keywords,
                AudienceSample = samples.TryGetValue(hit.AccountId, out var sampled) ? sampled : null,
            };
            hits.Add(new DiscoveryHitView(
                query.Offset + hits.Count + 1, p.AccountId, p.Platform.Name(), p.Handle, p.DisplayName, p.Followers, p.Tier, p.Country, p.Language, p.PrimaryNiche,
                p.EngagementRate, p.AudienceQuality, facts.AudienceSample, price, p.Growth, hit.Score, FitExplanation.Explain(hit.Fit, facts),
                spikes?.Check(hit.AccountId), spikes?.Intervals(hit.AccountId), flagged[hit.AccountId]));
        }
        return new DiscoveryAnswer(result.Total, hits, result.Facets, engine, elapsedMs, query.Notices, SafetyLists.Of(lexicon));
    }

    /// <summary>The workspace's rate for the default deliverable when it has one, else the estimate with its range.</summary>
    public static DiscoveryPrice? Price(SearchProfile profile, IReadOnlyDictionary<long, double>? ratePrices)
    {
        var deliverable = RateDeliverables.Default(profile.Platform);
        if (ratePrices?.TryGetValue(profile.AccountId, out var rate) == true)
            return new DiscoveryPrice(rate, DiscoveryPrice.RateCard, null, null, deliverable);
        return profile.PriceEstimate is { } estimate
            ? new DiscoveryPrice(estimate, DiscoveryPrice.Estimate, profile.PriceLow, profile.PriceHigh, deliverable)
            : null;
    }
}
