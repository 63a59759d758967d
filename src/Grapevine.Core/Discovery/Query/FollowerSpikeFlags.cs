using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Query;

/// <summary>The follower-spike flags of one page of results, from all their snapshots read in one query.</summary>
public static class FollowerSpikeFlags
{
    /// <summary>The check of each account that has enough snapshots to judge; the others are missing (unknown).</summary>
    public static async Task<Dictionary<long, FollowerSpikeCheck>> LoadAsync(GrapevineDb db, IReadOnlyCollection<SearchProfile> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0)
            return [];
        var ids = accounts.Select(a => a.AccountId).ToList();
        var rows = await db.AccountSnapshots.AsNoTracking().Where(s => ids.Contains(s.AccountId))
            .Select(s => new { s.AccountId, s.At, s.Followers }).ToListAsync(ct);
        var snapshots = rows.ToLookup(r => r.AccountId, r => new SnapshotObservation(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.Followers));
        var checks = new Dictionary<long, FollowerSpikeCheck>();
        foreach (var account in accounts)
        {
            if (FollowerSpikeCheck.Of(account.Platform, account.Handle, [.. snapshots[account.AccountId]]) is { } check)
                checks[account.AccountId] = check;
        }
        return checks;
    }
}
