using System.Collections.Concurrent;
using System.Diagnostics;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Keeps search profiles in step with the catalogue: rebuilds the profiles of the given accounts from their stored
/// fields, posts, metrics and follower samples (so call it after the metrics recompute), with their engagement
/// percentiles (<see cref="EngagementPercentiles"/>), writes only what changed, and updates the percentiles of the other
/// profiles of the platform + tier groups it touched. Runs inside the caller's open
/// transaction, or its own when none is open. Called after every import and demo seed; <c>grapevine discovery refresh</c>
/// rebuilds all.
/// </summary>
public sealed class SearchProfileRefresher(GrapevineDb db, TimeProvider time, SearchProfileBuilder? builder = null)
{
    /// <summary>Accounts read, built and written together.</summary>
    public const int BatchSize = 2000;

    /// <summary>Refreshes the profiles of these accounts (ids of missing accounts are skipped); <paramref name="progress"/>
    /// receives the share done (0–1) after each chunk.</summary>
    public async Task<SearchProfileRefreshReport> RefreshAsync(
        IReadOnlyCollection<long> accountIds, CancellationToken ct = default, IProgress<double>? progress = null)
    {
        if (accountIds.Count == 0)
            return SearchProfileRefreshReport.Empty;
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        var build = builder ?? SearchProfileBuilder.Default;

        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        // Disposed (their temp tables dropped) only on success: after a failure the caller rolls the transaction back.
        var reader = new SearchProfileInputReader(db.Provider, transaction);
        var writer = SearchProfileWriter.Create(db.Provider, transaction);
        var percentiles = new EngagementPercentiles(db.Provider, transaction);
        var ids = accountIds.Distinct().ToArray();
        var phase = Stopwatch.GetTimestamp();
        var (groups, ranks) = await percentiles.RankAsync(ids, ct);
        var percentileSeconds = Stopwatch.GetElapsedTime(phase).TotalSeconds;
        int accounts = 0, written = 0, childRows = 0;
        double readSeconds = 0, buildSeconds = 0, writeSeconds = 0;
        // Building is CPU work and the database connection serves one statement at a time: a chunk is built on the
        // thread pool while the one before it is written and the one after it read (the chunks' accounts are disjoint).
        Task<(SearchProfile[] Profiles, SearchProfileChanges Changes, double Seconds)>? building = null;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            phase = Stopwatch.GetTimestamp();
            var stored = await reader.ReadAsync(chunk, now.AddDays(-SearchProfileBuilder.RecentDays), ct);
            readSeconds += Stopwatch.GetElapsedTime(phase).TotalSeconds;
            var next = Task.Run(() => Build(build, stored, ranks, now, ct), ct);
            if (building is not null)
                await WriteAsync(await building);
            building = next;
        }
        if (building is not null)
            await WriteAsync(await building);

        async Task WriteAsync((SearchProfile[] Profiles, SearchProfileChanges Changes, double Seconds) built)
        {
            buildSeconds += built.Seconds;
            var writing = Stopwatch.GetTimestamp();
            written += await writer.WriteAsync(built.Changes, ct);
            writeSeconds += Stopwatch.GetElapsedTime(writing).TotalSeconds;
            accounts += built.Profiles.Length;
            childRows += built.Changes.ChildRows;
            progress?.Report((double)accounts / ids.Length);
        }

        await reader.DisposeAsync();
        await writer.DisposeAsync();

        phase = Stopwatch.GetTimestamp();
        await percentiles.UpdateGroupsAsync(groups, ct);
        await percentiles.DisposeAsync();
        percentileSeconds += Stopwatch.GetElapsedTime(phase).TotalSeconds;

        if (own is not null)
            await own.CommitAsync(ct);
        return new SearchProfileRefreshReport(accounts, written, childRows, groups.Count, Round(Stopwatch.GetElapsedTime(started).TotalSeconds),
            Round(readSeconds), Round(buildSeconds), Round(writeSeconds), Round(percentileSeconds));
    }

    /// <summary>Rebuilds the profile of every account (profiles of deleted accounts went with them, by cascade).</summary>
    public async Task<SearchProfileRefreshReport> RefreshAllAsync(CancellationToken ct = default, IProgress<double>? progress = null)
    {
        var ids = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        return await RefreshAsync(ids, ct, progress);
    }

    private static (SearchProfile[] Profiles, SearchProfileChanges Changes, double Seconds) Build(
        SearchProfileBuilder builder, SearchProfileChunk stored, Dictionary<long, double> ranks, DateTime now, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var profiles = BuildAll(builder, stored.Inputs, now, ct);
        foreach (var profile in profiles)
            profile.EngagementPercentile = ranks.TryGetValue(profile.AccountId, out var rank) ? rank : null;
        var changes = SearchProfileChanges.Of(profiles, stored);
        return (profiles, changes, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    // Building is pure CPU work; on two cores it halves when the chunk is split.
    private static SearchProfile[] BuildAll(SearchProfileBuilder builder, List<SearchProfileInput> inputs, DateTime now, CancellationToken ct)
    {
        var profiles = new SearchProfile[inputs.Count];
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.ForEach(Partitioner.Create(0, inputs.Count, 64), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
                profiles[i] = builder.Build(inputs[i], now);
        });
        return profiles;
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
