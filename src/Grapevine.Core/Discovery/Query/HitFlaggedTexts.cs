using Grapevine.Core.BrandSafety;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// The flagged-text counts of the accounts an answer shows, with the workspace's brand-safety lists: with the defaults
/// they are read back from the profiles' safety scores (1 / (1 + flagged)); with a workspace's own lists the same texts
/// the profile scanned (the bio and the newest captioned posts of the year before the profile was built) are read and
/// scanned again, at most one page of accounts (<see cref="DiscoveryQuery.MaxLimit"/>) per answer.
/// </summary>
public static class HitFlaggedTexts
{
    /// <summary>Account id → flagged texts, null when the account has no bio and no caption to check.</summary>
    public static async Task<Dictionary<long, int?>> CountAsync(GrapevineDb db, IReadOnlyCollection<SearchProfile> profiles, WorkspaceLexicon lexicon, CancellationToken ct)
    {
        if (!lexicon.Edited || lexicon.FlagsAsDefault || profiles.Count == 0)
            return profiles.ToDictionary(p => p.AccountId, p => FromSafetyScore(p.SafetyScore));
        var ids = profiles.Select(p => p.AccountId).ToList();
        var bios = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Bio }).ToDictionaryAsync(a => a.Id, a => a.Bio, ct);
        var since = profiles.Min(p => p.UpdatedAt).AddDays(-SearchProfileBuilder.RecentDays);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.AccountId) && p.PostedAt >= since && p.Caption != null && p.Caption != "")
            .Select(p => new { p.AccountId, p.PostedAt, p.Type, p.Caption, p.Hashtags })
            .ToListAsync(ct);
        var posts = rows.ToLookup(r => r.AccountId, r => new ProfilePost(r.PostedAt, r.Type, r.Caption, r.Hashtags, null, null, null));
        return profiles.ToDictionary(p => p.AccountId, p => FlaggedTexts.Count(p.Platform, p.Handle, bios.GetValueOrDefault(p.AccountId),
            FlaggedTexts.Captioned(posts[p.AccountId].OrderByDescending(x => x.PostedAt), p.UpdatedAt), lexicon.Lexicon, p.UpdatedAt));
    }

    /// <summary>Safety = 1 / (1 + flagged texts), so the count is read back from it; null when the texts were not checked.</summary>
    public static int? FromSafetyScore(double? safety) => safety is > 0 ? (int)Math.Round(1 / safety.Value - 1) : null;
}
