using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Imports a CSV or JSON Lines file of one kind: streams it, validates every row, upserts the valid
/// rows and recomputes the metrics and search profiles of the touched accounts, all in one transaction, and reports
/// (and writes to the rejected file) every row it turned down. The CLI and the HTTP API both call it.
/// </summary>
public sealed class CatalogueImporter(GrapevineDb db, TimeProvider time)
{
    /// <summary>Imports a file; rejected rows go to <c>&lt;path&gt;.rejected.csv</c>.</summary>
    public async Task<ImportReport> ImportFileAsync(
        string path, ImportKind kind, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportReport { Kind = kind.Name(), FileError = $"cannot read the file: {e.Message}" };
        }
        await using (stream)
            return await ImportAsync(stream, Path.GetFileName(path), kind, new ImportOptions(path + ".rejected.csv"), progress, ct);
    }

    /// <summary>
    /// Imports <paramref name="input"/>. <paramref name="fileName"/> (its extension) chooses the format;
    /// without one the content decides. A problem with the file as a whole writes nothing and is
    /// reported in <see cref="ImportReport.FileError"/>; a database failure rolls everything back and throws.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        Stream input, string? fileName, ImportKind kind, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        // A day of slack: a file exported in a time zone ahead of UTC may carry tomorrow's date.
        var run = new Run(kind, options, progress, time.GetUtcNow().UtcDateTime.AddDays(1));
        if (options.RejectedFilePath is { } stale)
            File.Delete(stale);
        try
        {
            var detected = await ImportFormatDetector.DetectAsync(input, fileName, ct)
                ?? throw new ImportFileException("the file is empty");
            run.Format = detected.Format;
            using var source = ImportRecordSource.Create(detected.Format, detected.Input, kind);
            await source.OpenAsync(ct);
            if (options.RejectedFilePath is { } path)
                run.RejectedFile = new RejectedRowsFile(path, source.OriginalColumns);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // The commit does not wait for its WAL to reach the disk: a crash right after it may lose this
                // import (all of it, never part of it); the next commits of other work stay fully durable.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            }
            var writer = new CatalogueBulkWriter(db, time);
            var touched = kind switch
            {
                ImportKind.Accounts => await run.ReadAsync(source, writer, Accounts, ct),
                ImportKind.Posts => await run.ReadAsync(source, writer, Posts, ct),
                ImportKind.Snapshots => await run.ReadAsync(source, writer, Snapshots, ct),
                ImportKind.Followers => await run.ReadAsync(source, writer, Followers, ct),
                _ => await run.ReadAsync(source, writer, Comments, ct),
            };
            run.Inserted = writer.Inserted;
            run.Updated = writer.Updated;

            // The recompute and the refresh read back what the writes above left; the writes themselves gain nothing from it.
            await using var cache = touched.Count > 0 ? await SqliteBulkCache.EnlargeAsync(db, ct) : null;
            var started = Stopwatch.GetTimestamp();
            await new MetricsRecomputer(db, time).RecomputeAsync(touched, ct, run.StartPhase(ImportPhase.Metrics, source, touched.Count));
            run.MetricsSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            run.AccountsRecomputed = touched.Count;

            started = Stopwatch.GetTimestamp();
            run.ProfileRefresh = await new SearchProfileRefresher(db, time).RefreshAsync(
                touched, ct, run.StartPhase(ImportPhase.SearchProfiles, source, touched.Count));
            run.ProfilesSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            started = Stopwatch.GetTimestamp();
            run.StartPhase(ImportPhase.Commit, source, touched.Count);
            await transaction.CommitAsync(ct);
            run.CommitSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            run.RejectedFile?.Dispose();
            return run.Report();
        }
        catch (ImportFileException e)
        {
            run.RejectedFile?.Delete();
            return run.FileRejected(e.Message);
        }
        catch
        {
            run.RejectedFile?.Delete();
            throw;
        }
    }

    private static readonly RowKind<AccountRow> Accounts = new(
        ImportRowParser.Account, r => DuplicateKeys.Of(r.Platform, r.Handle), "handle", "platform and handle",
        null, (w, rows, ct) => w.UpsertAccountsAsync(rows, ct));

    private static readonly RowKind<PostRow> Posts = new(
        ImportRowParser.Post, r => DuplicateKeys.Of(r.Platform, r.Handle, r.PostId), "post_id", "platform, handle and post_id",
        r => new(r.Platform, r.Handle), (w, rows, ct) => w.UpsertPostsAsync(rows, ct), r => r.PostedAt, "posted_at");

    private static readonly RowKind<SnapshotRow> Snapshots = new(
        ImportRowParser.Snapshot, r => DuplicateKeys.Of(r.Platform, r.Handle, r.At.Ticks), "at", "platform, handle and at",
        r => new(r.Platform, r.Handle), (w, rows, ct) => w.UpsertSnapshotsAsync(rows, ct), r => r.At, "at");

    private static readonly RowKind<FollowerRow> Followers = new(
        ImportRowParser.Follower, r => DuplicateKeys.Of(r.Platform, r.Handle, r.FollowerUsername), "follower_username",
        "platform, handle and follower_username", r => new(r.Platform, r.Handle), (w, rows, ct) => w.UpsertFollowersAsync(rows, ct));

    private static readonly RowKind<CommentRow> Comments = new(
        ImportRowParser.Comment, r => DuplicateKeys.Of(r.Platform, r.Handle, r.CommentId), "comment_id",
        "platform, handle and comment_id", r => new(r.Platform, r.Handle), (w, rows, ct) => w.UpsertCommentsAsync(rows, ct),
        r => r.PostedAt, "posted_at");

    /// <summary>
    /// How one kind of row is parsed, keyed, tied to its account (null for accounts themselves) and written, and the
    /// date it has (if any), which may not lie in the future: a post dated 2030 would make an account look active.
    /// </summary>
    private sealed record RowKind<TRow>(
        Func<RowFields, TRow?> Parse,
        Func<TRow, DuplicateKeys.Fingerprint> Key,
        string KeyField,
        string KeyDescription,
        Func<TRow, AccountKey>? Account,
        Func<CatalogueBulkWriter, IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyCollection<long>>> Write,
        Func<TRow, DateTime?>? Date = null,
        string? DateField = null)
        where TRow : class;

    /// <summary>
    /// Rows parsed together. Those whose account is not cached yet wait for one bulk lookup; their raw
    /// bytes are kept so that the few whose account is missing can be written to the rejected file.
    /// </summary>
    private sealed class Batch<TRow>(int capacity)
    {
        public List<TRow> Rows { get; } = new(capacity);
        public List<(TRow Row, long Line, int Offset, int Length)> Pending { get; } = [];
        public ArrayBufferWriter<byte> Raw { get; } = new(1 << 16);
        public int Count => Rows.Count + Pending.Count;

        public void AddPending(TRow row, long line, ReadOnlySpan<byte> raw)
        {
            Pending.Add((row, line, Raw.WrittenCount, raw.Length));
            Raw.Write(raw);
        }

        public void Clear()
        {
            Rows.Clear();
            Pending.Clear();
            Raw.ResetWrittenCount();
        }
    }

    /// <summary>The state of one import: counters, rejections, timings.</summary>
    private sealed class Run(ImportKind kind, ImportOptions options, IProgress<ImportProgress>? progress, DateTime latestDate)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly List<ImportRejection> _listed = [];
        private long _rowsRead;
        private long _imported;
        private long _rejected;
        private double _writeSeconds;
        private double _readSeconds;

        public ImportFormat? Format { get; set; }
        public RejectedRowsFile? RejectedFile { get; set; }
        public long Inserted { get; set; }
        public long Updated { get; set; }
        public double MetricsSeconds { get; set; }
        public double ProfilesSeconds { get; set; }
        public SearchProfileRefreshReport? ProfileRefresh { get; set; }
        public double CommitSeconds { get; set; }
        public int AccountsRecomputed { get; set; }

        /// <summary>Reports that a phase after the rows has started (share 0) and returns where to report the share done
        /// of it (null without a progress sink).</summary>
        public IProgress<double>? StartPhase(ImportPhase phase, ImportRecordSource source, int accounts)
        {
            if (progress is null)
                return null;
            var sink = new PhaseProgressSink(share => progress.Report(new ImportProgress(_rowsRead, source.BytesRead, phase, share, accounts)));
            sink.Report(0);
            return sink;
        }

        private sealed class PhaseProgressSink(Action<double> report) : IProgress<double>
        {
            public void Report(double value) => report(value);
        }

        /// <summary>
        /// Parses on a second thread while this one writes: the parser fills batches and hands them over
        /// through a small bounded channel, so parsing and the database work overlap on two cores.
        /// </summary>
        public async Task<HashSet<long>> ReadAsync<TRow>(
            ImportRecordSource source, CatalogueBulkWriter writer, RowKind<TRow> rowKind, CancellationToken ct)
            where TRow : class
        {
            var touched = new HashSet<long>();
            var batches = Channel.CreateBounded<Batch<TRow>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            // Written batches go back to the parser, so a few buffers serve the whole file (no large allocations per batch).
            var written = new ConcurrentBag<Batch<TRow>>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var parser = Task.Run(() => ParseAsync(source, writer.Accounts, rowKind, batches.Writer, written, stop.Token), stop.Token);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                {
                    await WriteAsync(source, writer, rowKind, batch, touched, stop.Token);
                    batch.Clear();
                    written.Add(batch);
                }
            }
            catch
            {
                await stop.CancelAsync();
                await Task.WhenAny(parser);
                throw;
            }
            // Rethrows what stopped the parser (a file-level problem) after the batches before it.
            await parser;
            return touched;
        }

        private async Task ParseAsync<TRow>(
            ImportRecordSource source, AccountIdCache accounts, RowKind<TRow> rowKind, ChannelWriter<Batch<TRow>> batches,
            ConcurrentBag<Batch<TRow>> written, CancellationToken ct)
            where TRow : class
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var fields = new RowFields(ImportColumns.For(kind));
                var duplicates = new DuplicateKeys();
                var batch = new Batch<TRow>(options.BatchSize);
                while (await NextAsync(source, ct))
                {
                    _rowsRead++;
                    if ((_rowsRead & 4095) == 0)
                        progress?.Report(new ImportProgress(_rowsRead, source.BytesRead));
                    if (source.Problem is { } problem)
                    {
                        // A record that does not fit the columns (too many fields, a JSON line that is not a flat object
                        // of known fields) cannot be put back into its cells without losing part of it, which a re-import
                        // would then take for valid: the rejected file gets empty cells and the whole record in its error.
                        var whole = problem with { Message = $"{problem.Message}; the record was: {RecordText(source.RawRecord)}" };
                        Reject(source.Line, problem, new string?[source.OriginalColumns.Count], whole);
                        continue;
                    }
                    fields.Reset(source);
                    var row = rowKind.Parse(fields);
                    if (row is null)
                    {
                        Reject(source.Line, fields.Problem!, source.OriginalValues());
                        continue;
                    }
                    if (rowKind.Date?.Invoke(row) is { } date && date > latestDate)
                    {
                        Reject(source.Line, new ImportProblem(rowKind.DateField!,
                            $"{date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC is in the future"), source.OriginalValues());
                        continue;
                    }
                    if (duplicates.Register(rowKind.Key(row), source.Line) is { } earlier)
                    {
                        Reject(source.Line, new ImportProblem(rowKind.KeyField,
                            $"duplicate of line {earlier} (same {rowKind.KeyDescription}); the later row is rejected"), source.OriginalValues());
                        continue;
                    }
                    if (rowKind.Account?.Invoke(row) is { } account && !accounts.TryGet(account, out _))
                    {
                        if (accounts.IsKnownMissing(account))
                            Reject(source.Line, NoAccount(account), source.OriginalValues());
                        else
                            batch.AddPending(row, source.Line, source.RawRecord);
                    }
                    else
                    {
                        batch.Rows.Add(row);
                    }
                    if (batch.Count >= options.BatchSize)
                    {
                        _readSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
                        await batches.WriteAsync(batch, ct);
                        started = Stopwatch.GetTimestamp();
                        batch = written.TryTake(out var reused) ? reused : new Batch<TRow>(options.BatchSize);
                    }
                }
                _readSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (batch.Count > 0)
                    await batches.WriteAsync(batch, ct);
                progress?.Report(new ImportProgress(_rowsRead, source.BytesRead));
            }
            finally
            {
                batches.TryComplete();
            }
        }

        private async Task WriteAsync<TRow>(
            ImportRecordSource source, CatalogueBulkWriter writer, RowKind<TRow> rowKind, Batch<TRow> batch, HashSet<long> touched, CancellationToken ct)
            where TRow : class
        {
            var started = Stopwatch.GetTimestamp();
            if (batch.Pending.Count > 0)
            {
                await writer.ResolveAccountsAsync(batch.Pending.Select(p => rowKind.Account!(p.Row)), ct);
                foreach (var (row, line, offset, length) in batch.Pending)
                {
                    var account = rowKind.Account!(row);
                    if (writer.Accounts.TryGet(account, out _))
                        batch.Rows.Add(row);
                    else
                        Reject(line, NoAccount(account), await source.OriginalValuesOfAsync(batch.Raw.WrittenMemory.Slice(offset, length), ct));
                }
            }
            if (batch.Rows.Count > 0)
            {
                touched.UnionWith(await rowKind.Write(writer, batch.Rows, ct));
                _imported += batch.Rows.Count;
            }
            _writeSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        private static async ValueTask<bool> NextAsync(ImportRecordSource source, CancellationToken ct)
        {
            try
            {
                return await source.ReadAsync(ct);
            }
            catch (IOException e)
            {
                throw new ImportFileException($"cannot read the file after line {source.Line}: {e.Message}");
            }
        }

        private static ImportProblem NoAccount(AccountKey account) =>
            new("handle", $"no {account.Platform.Name()} account '{account.Handle}'; import accounts first");

        // Called by the parser and, for rows whose account turned out missing, by the writer.
        private void Reject(long line, ImportProblem problem, string?[] values, ImportProblem? inFile = null)
        {
            lock (_listed)
            {
                _rejected++;
                if (_listed.Count < options.MaxListedRejections)
                    _listed.Add(new ImportRejection(line, problem.Field, problem.Message));
                RejectedFile?.Write(line, inFile ?? problem, values);
            }
        }

        private static string RecordText(ReadOnlySpan<byte> raw)
        {
            var text = System.Text.Encoding.UTF8.GetString(raw).TrimEnd('\r', '\n');
            return text.Length <= 2000 ? text : text[..2000] + "…";
        }

        public ImportReport Report()
        {
            var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            return new ImportReport
            {
                Kind = kind.Name(),
                Format = FormatName,
                RowsRead = _rowsRead,
                Imported = _imported,
                Inserted = Inserted,
                Updated = Updated,
                Unchanged = _imported - Inserted - Updated,
                Rejected = _rejected,
                Rejections = [.. _listed.OrderBy(r => r.Line)],
                RejectionsTruncated = _rejected > _listed.Count,
                RejectedFile = RejectedFile is { Created: true } ? RejectedFile.Path : null,
                AccountsRecomputed = AccountsRecomputed,
                Seconds = Math.Round(seconds, 3),
                RowsPerSecond = seconds > 0 ? Math.Round(_rowsRead / seconds) : 0,
                Timings = new ImportTimings(
                    Math.Round(_readSeconds, 3),
                    Math.Round(_writeSeconds, 3), Math.Round(MetricsSeconds, 3), Math.Round(CommitSeconds, 3),
                    Math.Round(ProfilesSeconds, 3)),
                ProfileRefresh = ProfileRefresh,
            };
        }

        public ImportReport FileRejected(string message) => new()
        {
            Kind = kind.Name(),
            Format = FormatName,
            FileError = message,
            RowsRead = _rowsRead,
            Seconds = Math.Round(Stopwatch.GetElapsedTime(_started).TotalSeconds, 3),
        };

        private string? FormatName => Format switch
        {
            ImportFormat.Csv => "csv",
            ImportFormat.JsonLines => "jsonl",
            _ => null,
        };
    }
}
