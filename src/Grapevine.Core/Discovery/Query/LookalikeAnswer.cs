using System.Globalization;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Query;

/// <summary>Creators like one account, best first, each with the parts of its similarity and a sentence of why.</summary>
public sealed record LookalikeAnswer(
    LookalikeSource Of, IReadOnlyList<LookalikeView> Hits, double ElapsedMs,
    [property: System.ComponentModel.Description("Which brand-safety lists the hits' flaggedTexts used, and why (lookalikes have no fit score, so its fit field says what a search's would use)")]
    SafetyLists SafetyLists)
{
    /// <summary>How each hit's score is made, in words, with the weights the engine uses.</summary>
    public static readonly string Formula =
        $"similarity = {Weight(Lookalikes.NicheWeight)} × niche similarity (cosine of the niche scores) + {Weight(Lookalikes.TagWeight)} × shared #hashtags and @mentions " +
        $"(Jaccard) + {Weight(Lookalikes.SizeWeight)} × size similarity (1 − the gap in orders of magnitude of followers, at least 0)";

    /// <summary>The arithmetic of one hit's score, e.g. "0.5 × 0.98 + 0.3 × 0.12 + 0.2 × 0.97 = 0.75".</summary>
    public static string Arithmetic(LookalikeView hit) =>
        $"{Weight(Lookalikes.NicheWeight)} × {Part(hit.NicheSimilarity)} + {Weight(Lookalikes.TagWeight)} × {Part(hit.TagSimilarity)} + " +
        $"{Weight(Lookalikes.SizeWeight)} × {Part(hit.SizeSimilarity)} = {Part(hit.Score)}";

    /// <summary>The formula of <see cref="Hits"/>' scores (<see cref="Formula"/>), so that an API answer explains its numbers.</summary>
    public string Method => Formula;

    /// <summary>Finds the lookalikes of an account and reads them out; null when the catalogue has no such account or discovery has not profiled it.</summary>
    public static async Task<LookalikeAnswer?> FindAsync(DiscoveryService discovery, GrapevineDb db, Platform platform, string handle, int limit, CancellationToken ct)
    {
        var found = await discovery.LookalikesAsync(platform, handle, limit, ct);
        if (found is null)
            return null;
        var ids = found.Hits.Select(h => h.AccountId).Append(found.AccountId).ToList();
        var profiles = await db.SearchProfiles.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, ct);
        if (!profiles.TryGetValue(found.AccountId, out var source))
            return null;
        var spikes = await FollowerSpikeFlags.LoadAsync(db, [.. found.Hits.Select(h => profiles.GetValueOrDefault(h.AccountId)).OfType<SearchProfile>()], ct);
        var lexicon = await WorkspaceLexicon.LoadAsync(db, ct);
        var flagged = await HitFlaggedTexts.CountAsync(db, [.. found.Hits.Select(h => profiles.GetValueOrDefault(h.AccountId)).OfType<SearchProfile>()], lexicon, ct);
        var hits = new List<LookalikeView>(found.Hits.Count);
        foreach (var hit in found.Hits)
        {
            if (!profiles.TryGetValue(hit.AccountId, out var p))
                continue;
            hits.Add(new LookalikeView(
                hits.Count + 1, p.AccountId, p.Platform.Name(), p.Handle, p.DisplayName, p.Followers, p.Tier, p.PrimaryNiche, p.Country,
                hit.Score, hit.NicheSimilarity, hit.TagSimilarity, hit.SizeSimilarity, hit.SharedNiches, hit.SharedTerms, Reason(hit, source.Followers, p.Followers),
                flagged[p.AccountId], spikes.Check(p.AccountId), spikes.Intervals(p.AccountId)));
        }
        return new LookalikeAnswer(
            new LookalikeSource(source.AccountId, source.Platform.Name(), source.Handle, source.DisplayName, source.Followers, source.PrimaryNiche), hits, found.ElapsedMs,
            SafetyLists.Of(lexicon));
    }

    /// <summary>"Shares fitness and food; also uses #vegan and @oatly; a similar size (24,000 and 31,000 followers)."</summary>
    public static string Reason(LookalikeHit hit, long? sourceFollowers, long? followers)
    {
        var parts = new List<string>();
        if (hit.SharedNiches.Count > 0)
            parts.Add($"shares {And(hit.SharedNiches)}");
        if (hit.SharedTerms.Count > 0)
            parts.Add($"also uses {And(hit.SharedTerms)}");
        if (sourceFollowers is { } a && followers is { } b)
        {
            var size = hit.SizeSimilarity >= 0.75 ? "a similar size" : hit.SizeSimilarity > 0 ? "a somewhat different size" : "a different size";
            parts.Add($"{size} ({Count(b)} followers against {Count(a)})");
        }
        if (parts.Count == 0)
            return "Same platform.";
        var sentence = string.Join("; ", parts);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private static string And(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Weight(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Part(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The account lookalikes were asked for.</summary>
public sealed record LookalikeSource(long AccountId, string Platform, string Handle, string? DisplayName, long? Followers, string? PrimaryNiche);

/// <summary>
/// One similar account: its similarity (0–1) as the weighted sum of niche-vector cosine, shared #tags/@mentions (Jaccard) and
/// size similarity, what it shares, and why in one sentence.
/// </summary>
public sealed record LookalikeView(
    int Rank, long AccountId, string Platform, string Handle, string? DisplayName, long? Followers, string? Tier, string? PrimaryNiche, string? Country,
    double Score, double NicheSimilarity, double TagSimilarity, double SizeSimilarity,
    IReadOnlyList<string> SharedNiches, IReadOnlyList<string> SharedTerms, string Reason,
    [property: System.ComponentModel.Description("How many texts (the bio and recent captions) match the brand-safety lists named by the answer's safetyLists.flaggedTexts; null when the account has no bio and no caption")]
    int? FlaggedTexts,
    [property: System.ComponentModel.Description(DiscoveryHitView.FollowerSpikeDescription)]
    Grapevine.Core.Vetting.FollowerSpikeCheck? FollowerSpike,
    [property: System.ComponentModel.Description(DiscoveryHitView.FollowerSnapshotIntervalsDescription)]
    int FollowerSnapshotIntervals);
