using System.Diagnostics;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The in-process discovery engine (docs/discovery-engine.md): every search profile as struct-of-arrays columns,
/// inverted lists for words and for #tag/@handle terms (with their last-use times), dense small-integer niche
/// scores. Queries are single-threaded and lock-free against each other; <see cref="UpdateAsync"/> re-reads some
/// accounts and swaps their rows in under a short write lock (old row marked deleted, new row appended). Changes
/// that touch many rows (an import that moved percentiles across a tier, a new niche) are better served by a
/// fresh <see cref="BuildAsync"/>, which <see cref="DiscoveryIndexState"/> runs in the background and swaps in.
/// </summary>
public sealed class DiscoveryIndex : IDiscoveryEngine
{
    /// <summary>Updated plus deleted rows, as a share of the built rows, past which a rebuild is due.</summary>
    public const double RebuildShare = 0.2;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly IndexColumns _columns;
    private readonly PostingLists _words;
    private readonly PostingLists _terms;
    private readonly int _builtRows;
    private readonly Dictionary<long, int> _appended = [];
    private int _deletedRows;
    private bool _overflowed;

    private DiscoveryIndex(IndexColumns columns, PostingLists words, PostingLists terms, long watermark, TimeSpan buildTime)
    {
        _columns = columns;
        _words = words;
        _terms = terms;
        _builtRows = columns.Count;
        WatermarkTicks = watermark;
        BuildTime = buildTime;
    }

    /// <summary>Accounts searchable now.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _columns.Count - _deletedRows;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public TimeSpan BuildTime { get; }

    /// <summary>The latest <c>updated_at</c> (ticks, UTC) of the profiles read so far.</summary>
    public long WatermarkTicks { get; private set; }

    /// <summary>True when so many rows changed since the build (or a value outgrew the columns) that a rebuild is due.</summary>
    public bool RebuildDue
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _overflowed || _columns.Count - _builtRows + _deletedRows > RebuildShare * Math.Max(_builtRows, 1000);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Builds the index from the database's search profiles in one consistent read.</summary>
    public static async Task<DiscoveryIndex> BuildAsync(GrapevineDb db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var builder = new IndexBuilder();
        await IndexReader.ReadAllAsync(db, builder, ct);
        return builder.Finish(clock);
    }

    /// <summary>Builds the index from profiles in memory (tests); the database path is <see cref="BuildAsync"/>.</summary>
    internal static DiscoveryIndex FromProfiles(IReadOnlyCollection<SearchProfile> profiles)
    {
        var clock = Stopwatch.StartNew();
        var builder = new IndexBuilder();
        var ordered = profiles.OrderBy(p => p.AccountId).ToArray();
        builder.Begin(ordered.Length, ordered.SelectMany(p => p.Niches).Select(n => n.Niche).Distinct().Count());
        foreach (var p in ordered)
            builder.Profile(IndexReader.RowOf(p), p.Words);
        foreach (var n in ordered.SelectMany(p => p.Niches))
            builder.Niche(n.AccountId, n.Niche, n.Score);
        foreach (var t in ordered.SelectMany(p => p.Terms))
            builder.Term(t.AccountId, t.Term, t.LastUsedAt);
        return builder.Finish(clock);
    }

    public Task<DiscoveryResult> SearchAsync(DiscoveryQuery query, DiscoveryContext context, CancellationToken ct = default) =>
        Task.FromResult(Search(query, context));

    public DiscoveryResult Search(DiscoveryQuery query, DiscoveryContext context)
    {
        var criteria = DiscoveryCriteria.For(query, context);
        _lock.EnterReadLock();
        try
        {
            return new IndexSearch(_columns, criteria, RowOf).Run(_words, _terms);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Creators like <paramref name="accountId"/>'s (docs/discovery-engine.md, lookalikes); null when the index does
    /// not hold that account.
    /// </summary>
    public IReadOnlyList<LookalikeHit>? FindSimilar(long accountId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _lock.EnterReadLock();
        try
        {
            var row = RowOf(accountId);
            return row < 0 ? null : new Lookalikes(_columns, _terms).Find(row, Math.Min(limit, DiscoveryQuery.MaxLimit));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Re-reads the profiles of <paramref name="accountIds"/> (an account without a profile any more is removed).
    /// Returns false when the change does not fit the built columns (a niche not seen at build): rebuild then.
    /// </summary>
    public async Task<bool> UpdateAsync(GrapevineDb db, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        if (accountIds.Count == 0)
            return true;
        var batch = new UpdateBatch();
        await IndexReader.ReadAccountsAsync(db, accountIds.Distinct().ToArray(), batch, ct);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in accountIds)
                Delete(id);
            foreach (var (row, words) in batch.Profiles)
            {
                if (!_columns.TryAppend(row, out var index))
                {
                    _overflowed = true;
                    continue;
                }
                _appended[row.AccountId] = index;
                WatermarkTicks = Math.Max(WatermarkTicks, row.UpdatedAtTicks);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var range in words.AsSpan().Split(' '))
                {
                    var word = words.AsSpan()[range];
                    if (!word.IsEmpty && seen.Add(word.ToString()))
                        _words.Append(word, index, 0);
                }
            }
            foreach (var (accountId, niche, score) in batch.Niches)
            {
                if (_appended.TryGetValue(accountId, out var index) && !_columns.TrySetNiche(index, niche, score))
                    _overflowed = true;
            }
            foreach (var (accountId, term, lastUsedAt) in batch.Terms)
            {
                if (!_appended.TryGetValue(accountId, out var index))
                    continue;
                _terms.Append(term, index, lastUsedAt);
                _columns.TermCount[index] = (ushort)Math.Min(_columns.TermCount[index] + 1, ushort.MaxValue);
            }
            return !_overflowed;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The accounts among <paramref name="profiles"/> whose row is missing or older than the profile's updated_at.</summary>
    public HashSet<long> Outdated(IEnumerable<(long AccountId, long UpdatedAtTicks)> profiles)
    {
        _lock.EnterReadLock();
        try
        {
            return [.. profiles.Where(p => RowOf(p.AccountId) is var row && (row < 0 || _columns.UpdatedAt[row] != p.UpdatedAtTicks)).Select(p => p.AccountId)];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The platform + tier groups the live rows of these accounts are in.</summary>
    public HashSet<(Platform Platform, string? Tier)> GroupsOf(IEnumerable<long> accountIds)
    {
        _lock.EnterReadLock();
        try
        {
            var groups = new HashSet<(Platform, string?)>();
            foreach (var id in accountIds)
            {
                if (RowOf(id) is var row and >= 0)
                    groups.Add(((Platform)_columns.Platform[row], _columns.Tier[row] == 0 ? null : _columns.Tiers.ValueOf(_columns.Tier[row])));
            }
            return groups;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Sets the engagement percentiles that differ from the index's; returns how many did.</summary>
    public int PatchPercentiles(IEnumerable<(long AccountId, double? Percentile)> percentiles)
    {
        _lock.EnterWriteLock();
        try
        {
            var patched = 0;
            foreach (var (id, percentile) in percentiles)
            {
                var row = RowOf(id);
                var value = percentile ?? double.NaN;
                if (row < 0 || BitConverter.DoubleToInt64Bits(_columns.Percentile[row]) == BitConverter.DoubleToInt64Bits(value))
                    continue;
                _columns.SetPercentile(row, value);
                patched++;
            }
            return patched;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Rough bytes held by the columns and lists (the bench measures the real heap).</summary>
    public long EstimatedBytes => _columns.Bytes + (_words.EntryCount + _terms.EntryCount) * 4 + _terms.EntryCount * 8;

    private void Delete(long accountId)
    {
        var row = RowOf(accountId);
        if (row < 0)
            return;
        _columns.Flags[row] |= IndexColumns.Deleted;
        _deletedRows++;
        _appended.Remove(accountId);
    }

    /// <summary>The live row of an account, or -1.</summary>
    private int RowOf(long accountId)
    {
        if (_appended.TryGetValue(accountId, out var appended))
            return appended;
        var row = Array.BinarySearch(_columns.AccountId, 0, _builtRows, accountId);
        return row >= 0 && !_columns.IsDeleted(row) ? row : -1;
    }

    private sealed class UpdateBatch : IndexReader.ISink
    {
        public List<(IndexRow Row, string Words)> Profiles { get; } = [];
        public List<(long AccountId, string Niche, int Score)> Niches { get; } = [];
        public List<(long AccountId, string Term, long LastUsedAt)> Terms { get; } = [];

        public void Begin(int profiles, int niches)
        {
        }

        public void Profile(in IndexRow row, string words) => Profiles.Add((row, words));

        public void Niche(long accountId, string niche, int score) => Niches.Add((accountId, niche, score));

        public void Term(long accountId, ReadOnlySpan<char> term, long lastUsedAt) => Terms.Add((accountId, term.ToString(), lastUsedAt));
    }

    /// <summary>Profiles arrive on one thread, niche scores and terms on another; they meet in <see cref="Finish"/>.</summary>
    private sealed class IndexBuilder : IndexReader.ISink
    {
        private readonly PostingListsBuilder _words = new(timed: false);
        private readonly PostingListsBuilder _terms = new(timed: true);
        private readonly Dictionary<string, string> _nicheNames = new(StringComparer.Ordinal);
        private readonly List<(long AccountId, string Niche, int Score)> _niches = [];
        private IndexColumns _columns = null!;
        private long _watermark;
        private long _lastAccount = long.MinValue;
        private int _lastRow = -1;

        public void Begin(int profiles, int niches)
        {
            _columns = new IndexColumns(profiles, Math.Max(8, niches + 9));
            _words.Reserve(profiles * 64L);
            _terms.Reserve(profiles * 16L);
        }

        public void Profile(in IndexRow row, string words)
        {
            if (!_columns.TryAppend(row, out var index))
                throw new InvalidDataException("too many distinct tiers, countries, languages or primary niches for the discovery index");
            _watermark = Math.Max(_watermark, row.UpdatedAtTicks);
            _words.StartRun(index);
            foreach (var range in words.AsSpan().Split(' '))
            {
                var word = words.AsSpan()[range];
                if (!word.IsEmpty)
                    _words.Add(_words.Intern(word), 0);
            }
        }

        public void Niche(long accountId, string niche, int score)
        {
            if (!_nicheNames.TryGetValue(niche, out var name))
                _nicheNames[niche] = name = niche;
            _niches.Add((accountId, name, score));
        }

        public void Term(long accountId, ReadOnlySpan<char> term, long lastUsedAt)
        {
            _terms.StartRun(accountId);
            _terms.Add(_terms.Intern(term), lastUsedAt);
        }

        public DiscoveryIndex Finish(Stopwatch clock)
        {
            foreach (var (accountId, niche, score) in _niches)
            {
                var row = RowOf(accountId);
                if (row >= 0 && !_columns.TrySetNiche(row, niche, score))
                    throw new InvalidDataException("the niche scores changed while the discovery index was read; build it again");
            }
            // The two inverted indexes are laid out at once, one per core.
            var words = Task.Run(() => _words.Build(row => (int)row));
            var terms = _terms.Build(RowOf);
            terms.CountPerRow(_columns.TermCount);
            return new DiscoveryIndex(_columns, words.GetAwaiter().GetResult(), terms, _watermark, clock.Elapsed);
        }

        // Niche and term rows come grouped by account, mostly in account order: remember the last lookup.
        private int RowOf(long accountId)
        {
            if (accountId == _lastAccount)
                return _lastRow;
            var row = Array.BinarySearch(_columns.AccountId, 0, _columns.Count, accountId);
            _lastAccount = accountId;
            _lastRow = row >= 0 ? row : -1;
            return _lastRow;
        }
    }
}
