using System.Threading.Channels;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Generates the demo catalogue and writes it through the bulk writer in one transaction, metrics and search profiles included.</summary>
public sealed class DemoSeeder(GrapevineDb db, TimeProvider time)
{
    /// <summary>Rows per bulk-writer call.</summary>
    public const int BatchRows = 10_000;

    private const int AccountsPerChunk = 500;

    /// <summary>
    /// Writes the accounts of <paramref name="options"/> (upserting: the demo's handles are its own, so running it
    /// again with the same options changes nothing) and recomputes their metrics, all in one transaction.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Creators);
        var started = time.GetTimestamp();
        var generator = new DemoGenerator(options);
        var writer = new CatalogueBulkWriter(db, time);
        var recomputer = new MetricsRecomputer(db, time);
        int accounts = 0, posts = 0, snapshots = 0, followers = 0, comments = 0;
        var changed = new HashSet<long>();

        // One transaction: the caller's if it opened one, else ours (rolled back if anything fails).
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

        // Generation runs on its own thread, one chunk ahead of the database writes; it stops when the writes stop.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<DemoAccount[]>(2);
        var producer = Task.Run(() => ProduceAsync(generator, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            progress?.Report(new DemoProgress("Writing demo catalogue", 0));
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
            {
                var written = await WriteAsync(chunk.Select(a => a.Account), writer.UpsertAccountsAsync, ct);
                accounts += written.Rows;
                // Only accounts with a row inserted or changed need their metrics recomputed.
                var touched = new HashSet<long>(written.Ids);
                posts += await WriteAsync(chunk.SelectMany(a => a.Posts), writer.UpsertPostsAsync, touched, ct);
                snapshots += await WriteAsync(chunk.SelectMany(a => a.Snapshots), writer.UpsertSnapshotsAsync, touched, ct);
                followers += await WriteAsync(chunk.SelectMany(a => a.Followers), writer.UpsertFollowersAsync, touched, ct);
                comments += await WriteAsync(chunk.SelectMany(a => a.Comments), writer.UpsertCommentsAsync, touched, ct);
                await recomputer.RecomputeAsync(touched, ct);
                changed.UnionWith(touched);
                progress?.Report(new DemoProgress("Writing demo catalogue", generator.Count == 0 ? 1 : (double)accounts / generator.Count));
            }
        }
        finally
        {
            stop.Cancel();
            await producer;
        }
        // Once at the end rather than per chunk: the engagement percentiles of a platform + tier group are ranked over all of it.
        progress?.Report(new DemoProgress("Building search profiles", 0));
        await new SearchProfileRefresher(db, time).RefreshAsync(changed, ct);
        if (owned is not null)
            await owned.CommitAsync(ct);
        progress?.Report(new DemoProgress("Done", 1));
        return new DemoSeedResult(accounts, posts, snapshots, followers, comments, time.GetElapsedTime(started))
        {
            Inserted = writer.Inserted,
            Updated = writer.Updated,
        };
    }

    private static async Task ProduceAsync(DemoGenerator generator, ChannelWriter<DemoAccount[]> chunks, CancellationToken ct)
    {
        try
        {
            for (var start = 0; start < generator.Count; start += AccountsPerChunk)
            {
                var chunk = new DemoAccount[Math.Min(AccountsPerChunk, generator.Count - start)];
                for (var i = 0; i < chunk.Length; i++)
                    chunk[i] = generator.Generate(start + i);
                await chunks.WriteAsync(chunk, ct);
            }
            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }
    }

    private static async Task<int> WriteAsync<TRow>(
        IEnumerable<TRow> rows,
        Func<IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyCollection<long>>> upsert,
        HashSet<long> touched,
        CancellationToken ct)
    {
        var (count, ids) = await WriteAsync(rows, upsert, ct);
        touched.UnionWith(ids);
        return count;
    }

    private static async Task<(int Rows, IReadOnlyCollection<long> Ids)> WriteAsync<TRow>(
        IEnumerable<TRow> rows,
        Func<IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyCollection<long>>> upsert,
        CancellationToken ct)
    {
        var count = 0;
        var ids = new HashSet<long>();
        foreach (var batch in rows.Chunk(BatchRows))
        {
            ids.UnionWith(await upsert(batch, ct));
            count += batch.Length;
        }
        return (count, ids);
    }
}

/// <summary>How many rows of each kind the demo wrote (inserted, updated or already there unchanged).</summary>
public sealed record DemoSeedResult(int Accounts, int Posts, int Snapshots, int Followers, int Comments, TimeSpan Elapsed)
{
    /// <summary>Rows that were new (all tables).</summary>
    public long Inserted { get; init; }

    /// <summary>Rows that existed with other values and were updated (all tables).</summary>
    public long Updated { get; init; }
}

/// <summary>Progress of a seed: a stage name and how far along it is (0..1).</summary>
public sealed record DemoProgress(string Stage, double Fraction);
