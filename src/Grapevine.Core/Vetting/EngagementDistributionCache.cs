using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Holds the catalogue's <see cref="EngagementDistribution"/> for reuse across reports (one per process: a singleton
/// in the web app). It is read once and read again when older than <see cref="MaxAge"/> or after
/// <see cref="Invalidate"/>, so a report costs a binary search, not a scan of account_metrics.
/// </summary>
public sealed class EngagementDistributionCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EngagementDistribution? _current;

    /// <summary>Makes the next <see cref="GetAsync"/> read the catalogue again (after an import, for example).</summary>
    public void Invalidate() => _current = null;

    public async Task<EngagementDistribution> GetAsync(GrapevineDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_current is { } fresh && now - fresh.BuiltAt < MaxAge)
            return fresh;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } other && now - other.BuiltAt < MaxAge)
                return other;
            _current = await LoadAsync(db, time.GetUtcNow().UtcDateTime, ct);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task<EngagementDistribution> LoadAsync(GrapevineDb db, DateTime now, CancellationToken ct)
    {
        var rows = await (
                from m in db.AccountMetrics.AsNoTracking()
                join a in db.Accounts.AsNoTracking() on m.AccountId equals a.Id
                where m.Name == MetricDefinitions.ErByFollowers.Name && m.Value != null && a.Tier != null
                select new { a.Platform, a.Tier, m.Value })
            .ToListAsync(ct);
        return new EngagementDistribution(rows.Select(r => (r.Platform, r.Tier!, r.Value!.Value)), now);
    }
}
