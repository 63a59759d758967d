using System.Diagnostics;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The process's discovery index (a singleton in the web app) and how it stays in step with the database: built at
/// start by <see cref="DiscoveryIndexHostedService"/>, refreshed after imports by <see cref="RefreshAsync"/>. A
/// refresh re-reads the profiles whose <c>updated_at</c> moved past the index's watermark and swaps their rows in;
/// when that is a large share of the catalogue (an import that shifted the engagement percentiles of a whole tier,
/// for instance, rewrites all those profiles), it rebuilds in the background and swaps the new index in, while the
/// old one keeps answering. Until the first build finishes <see cref="Current"/> is null and searches go to SQL.
/// </summary>
public sealed class DiscoveryIndexState(IServiceScopeFactory scopes, ILogger<DiscoveryIndexState> logger)
{
    /// <summary>Profiles rewritten within this margin before the watermark are read again (commits land out of order).</summary>
    public static readonly TimeSpan WatermarkMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile DiscoveryIndex? _current;
    private Task _background = Task.CompletedTask;

    public DiscoveryIndex? Current => _current;

    private TaskCompletionSource _nextCatchUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the periodic catch-up (DiscoveryIndexHostedService) next finishes a round, done or failed.</summary>
    public Task NextCatchUp => Volatile.Read(ref _nextCatchUp).Task;

    internal void CatchUpFinished() =>
        Interlocked.Exchange(ref _nextCatchUp, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>The background rebuild started by the latest refresh, if any (completed otherwise).</summary>
    public Task BackgroundRebuild => _background;

    /// <summary>Builds a fresh index from the database and swaps it in.</summary>
    public async Task<DiscoveryIndex> BuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await BuildLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The index, built first when there is none yet.</summary>
    public async Task<DiscoveryIndex> GetOrBuildAsync(CancellationToken ct) => _current ?? await BuildAsync(ct);

    /// <summary>
    /// Brings the index up to date with search_profiles: the rows of <paramref name="accountIds"/> when given (use it
    /// for deletions), and every profile rewritten since the watermark. Large changes rebuild in the background.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<long>? accountIds, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is not { } index)
                return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrapevineDb>();
            var (changed, patched, updated) = await CatchUpAsync(index, db, accountIds, ct);
            if (!updated)
            {
                logger.LogInformation("Discovery index: {Changed} profiles changed; rebuilding in the background", changed);
                _background = Task.Run(() => RebuildInBackgroundAsync(CancellationToken.None), CancellationToken.None);
                return;
            }
            if (changed + patched > 0)
                logger.LogInformation("Discovery index: {Changed} profiles updated in place, {Patched} engagement percentiles moved", changed, patched);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RebuildInBackgroundAsync(CancellationToken ct)
    {
        try
        {
            await BuildAsync(ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Discovery index: the background rebuild failed; the previous index keeps answering");
        }
    }

    private async Task<DiscoveryIndex> BuildLockedAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrapevineDb>();
        var index = await DiscoveryIndex.BuildAsync(db, ct);
        // Whatever was rewritten while the build read its snapshot (a large change there is caught by the next refresh).
        await CatchUpAsync(index, db, null, ct);
        _current = index;
        logger.LogInformation("Discovery index built: {Accounts} accounts in {Seconds:0.00} s (read and laid out in {Build:0.00} s)",
            index.Count, clock.Elapsed.TotalSeconds, index.BuildTime.TotalSeconds);
        return index;
    }

    /// <summary>
    /// Swaps in the profiles rewritten since the watermark (and <paramref name="accountIds"/>), then the engagement
    /// percentiles of their platform + tier groups, which the profile refresher moves in place without touching the
    /// other profiles' updated_at. Updated is false when the change is too large for in place: rebuild then.
    /// </summary>
    private static async Task<(int Changed, int Patched, bool Updated)> CatchUpAsync(
        DiscoveryIndex index, GrapevineDb db, IReadOnlyCollection<long>? accountIds, CancellationToken ct)
    {
        var changed = index.Outdated(await ChangedSinceAsync(db, index.WatermarkTicks, ct));
        if (accountIds is not null)
            changed.UnionWith(accountIds);
        if (changed.Count == 0)
            return (0, 0, true);
        if (changed.Count > DiscoveryIndex.RebuildShare * Math.Max(index.Count, 1000))
            return (changed.Count, 0, false);
        var groups = index.GroupsOf(changed);
        if (!await index.UpdateAsync(db, changed, ct) || index.RebuildDue)
            return (changed.Count, 0, false);
        groups.UnionWith(index.GroupsOf(changed));
        var patched = 0;
        foreach (var (platform, tier) in groups)
        {
            var percentiles = await db.SearchProfiles.AsNoTracking()
                .Where(p => p.Platform == platform && p.Tier == tier)
                .Select(p => new { p.AccountId, p.EngagementPercentile })
                .ToListAsync(ct);
            patched += index.PatchPercentiles(percentiles.Select(p => (p.AccountId, p.EngagementPercentile)));
        }
        return (changed.Count, patched, true);
    }

    private static async Task<List<(long AccountId, long UpdatedAtTicks)>> ChangedSinceAsync(GrapevineDb db, long watermarkTicks, CancellationToken ct)
    {
        var since = new DateTime(Math.Max(watermarkTicks - WatermarkMargin.Ticks, 0), DateTimeKind.Utc);
        var rows = await db.SearchProfiles.AsNoTracking()
            .Where(p => p.UpdatedAt > since)
            .Select(p => new { p.AccountId, p.UpdatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.AccountId, r.UpdatedAt.Ticks))];
    }
}
