using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Catalogue.Browse;

/// <summary>Loads one account with its metrics, snapshot series and recent posts.</summary>
public sealed class AccountLookup(GrapevineDb db)
{
    public const int RecentPostCount = 24;

    /// <summary>The account, or null when the catalogue has no account with that handle on that platform.</summary>
    public async Task<AccountDetails?> FindAsync(Platform platform, string handle, CancellationToken ct)
    {
        var normalized = CatalogueNames.NormalizeHandle(handle);
        var account = await db.Accounts.AsNoTracking()
            .Include(a => a.Creator)
            .Include(a => a.Metrics)
            .SingleOrDefaultAsync(a => a.Platform == platform && a.Handle == normalized, ct);
        if (account is null)
            return null;

        var snapshots = await db.AccountSnapshots.AsNoTracking()
            .Where(s => s.AccountId == account.Id)
            .OrderBy(s => s.At)
            .Select(s => new SnapshotPoint(s.At, s.Followers, s.Following, s.PostsCount))
            .ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.AccountId == account.Id)
            .OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id)
            .Take(RecentPostCount)
            .ToListAsync(ct);

        var stored = account.Metrics.ToDictionary(m => m.Name);
        var metrics = MetricDefinitions.All.Select(d => stored.TryGetValue(d.Name, out var m)
            ? new MetricView(d.Name, d.Label, d.Unit, m.Value, m.Formula, m.N, m.WindowStart, m.WindowEnd, m.ComputedAt, d.Definition)
            : new MetricView(d.Name, d.Label, d.Unit, null, d.Formula, 0, null, null, null, d.Definition)).ToList();

        var profile = new AccountProfile(
            account.Platform.Name(), account.Handle, account.DisplayName, account.Creator?.DisplayName,
            account.Followers, account.Following, account.PostsCount, account.Tier, account.Country, account.Language,
            account.Category, account.IsVerified, account.IsPrivate, account.Bio, account.ExternalUrl, account.Email,
            account.ProfilePictureUrl, account.UpdatedAt);
        var recent = posts.Select(p => new RecentPost(
            p.ExternalId, p.PostedAt, p.Type.Name(), p.Type.IsFeed(), p.Caption, p.Likes, p.Comments, p.Shares, p.Saves,
            p.Views, p.Reach, p.IsPaidPartnership, PostEr(p, account.Followers),
            SponsoredPost.IsSponsored(p.IsPaidPartnership, p.Hashtags), SponsoredPost.DisclosureHashtag(p.Hashtags))).ToList();
        return new AccountDetails(profile, metrics, snapshots, recent);
    }

    /// <summary>The account's id, or null when the catalogue has no account with that handle on that platform.</summary>
    public Task<long?> FindIdAsync(Platform platform, string handle, CancellationToken ct)
    {
        var normalized = CatalogueNames.NormalizeHandle(handle);
        return db.Accounts.Where(a => a.Platform == platform && a.Handle == normalized).Select(a => (long?)a.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>(likes + comments) / followers × 100 for a feed post; null when any part is unknown.</summary>
    public static double? PostEr(Post post, long? followers) =>
        post.Type.IsFeed() && post.Likes is { } likes && post.Comments is { } comments && followers is > 0
            ? (likes + comments) * 100.0 / followers.Value
            : null;
}
