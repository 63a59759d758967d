using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// The follower-spike flags of one page of results, by the vetting report's rule (<see cref="FollowerSpikes.Detect"/>):
/// all their snapshots in one query, then the posts of only the accounts whose snapshots show a spike in one more query,
/// so that each spike is judged organic (a post went viral with it) or not as the report judges it.
/// </summary>
public sealed class FollowerSpikeFlags
{
    private readonly Dictionary<long, FollowerGrowthResult> _growth;

    private FollowerSpikeFlags(Dictionary<long, FollowerGrowthResult> growth, int postsRead, int accountsWithPostsRead)
    {
        _growth = growth;
        PostsRead = postsRead;
        AccountsWithPostsRead = accountsWithPostsRead;
    }

    /// <summary>How many posts were read to judge the spikes.</summary>
    public int PostsRead { get; }

    /// <summary>How many accounts' posts were read: those whose snapshots show a spike.</summary>
    public int AccountsWithPostsRead { get; }

    /// <summary>The account's check; null when it has fewer than <see cref="FollowerSpikes.MinIntervals"/> snapshot intervals to judge from.</summary>
    public FollowerSpikeCheck? Check(long accountId) => _growth.TryGetValue(accountId, out var growth) ? FollowerSpikeCheck.Of(growth) : null;

    /// <summary>How many intervals between the account's snapshots (with a follower count above 0) there are.</summary>
    public int Intervals(long accountId) => _growth.TryGetValue(accountId, out var growth) ? growth.Intervals : 0;

    public static async Task<FollowerSpikeFlags> LoadAsync(GrapevineDb db, IReadOnlyCollection<SearchProfile> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0)
            return new FollowerSpikeFlags([], 0, 0);
        var ids = accounts.Select(a => a.AccountId).ToList();
        var rows = await db.AccountSnapshots.AsNoTracking().Where(s => ids.Contains(s.AccountId))
            .Select(s => new { s.AccountId, s.At, s.Followers }).ToListAsync(ct);
        var snapshots = rows.ToLookup(r => r.AccountId, r => new SnapshotObservation(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.Followers));
        var growth = accounts.DistinctBy(a => a.AccountId).ToDictionary(a => a.AccountId, a => FollowerSpikes.Detect(a.Platform, a.Handle, [.. snapshots[a.AccountId]], []));

        // Spikes are found from snapshots alone; the posts only judge them, so only spiked accounts need theirs.
        var spiked = growth.Where(g => g.Value.Spikes.Count > 0).Select(g => g.Key).ToList();
        if (spiked.Count == 0)
            return new FollowerSpikeFlags(growth, 0, 0);
        var postRows = await db.Posts.AsNoTracking().Where(p => spiked.Contains(p.AccountId))
            .Select(p => new { p.AccountId, p.ExternalId, p.PostedAt, p.Type, p.Likes, p.Comments, p.Shares, p.Views }).ToListAsync(ct);
        var posts = postRows.ToLookup(p => p.AccountId, p => new VettingPost(
            p.ExternalId, DateTime.SpecifyKind(p.PostedAt, DateTimeKind.Utc), p.Type, null, null, p.Likes, p.Comments, p.Shares, null, p.Views, null, null));
        foreach (var account in accounts.DistinctBy(a => a.AccountId).Where(a => growth[a.AccountId].Spikes.Count > 0))
            growth[account.AccountId] = FollowerSpikes.Detect(account.Platform, account.Handle, [.. snapshots[account.AccountId]], [.. posts[account.AccountId]]);
        return new FollowerSpikeFlags(growth, postRows.Count, spiked.Count);
    }
}
