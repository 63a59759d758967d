using System.Runtime.InteropServices;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// An inverted index from a string (a word, a "#tag" or an "@handle") to the sorted row ids that have it, optionally
/// with a time per entry (a term's last use). Built once as one compressed-row array (offsets into one array of
/// rows); rows appended by later updates go to small per-term delta lists. Every appended row id is larger than
/// every built one, so a term's rows are its built segment followed by its delta list, sorted throughout.
/// </summary>
internal sealed class PostingLists
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _offsets;
    private readonly int[] _rows;
    private readonly long[]? _times;
    private readonly Dictionary<int, (List<int> Rows, List<long>? Times)> _delta = [];
    private readonly List<string> _names;

    public PostingLists(Dictionary<string, int> ids, int[] offsets, int[] rows, long[]? times)
    {
        _ids = ids;
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _offsets = offsets;
        _rows = rows;
        _times = times;
        _names = [.. new string[ids.Count]];
        foreach (var (name, id) in ids)
            _names[id] = name;
    }

    public int TermCount => _ids.Count;
    public long EntryCount => _rows.LongLength + _delta.Values.Sum(d => (long)d.Rows.Count);

    public bool TryGet(string term, out PostingCursor cursor)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            cursor = null!;
            return false;
        }
        cursor = Cursor(id);
        return true;
    }

    public PostingCursor Cursor(int id)
    {
        var (start, end) = id < _offsets.Length - 1 ? (_offsets[id], _offsets[id + 1]) : (0, 0);
        var delta = _delta.TryGetValue(id, out var d) ? d : default;
        return new PostingCursor(_rows, _times, start, end, delta.Rows, delta.Times);
    }

    public string NameOf(int id) => _names[id];

    /// <summary>Adds to <paramref name="counts"/>[row] the number of terms each built row has.</summary>
    public void CountPerRow(ushort[] counts)
    {
        foreach (var row in _rows)
            counts[row] = (ushort)Math.Min(counts[row] + 1, ushort.MaxValue);
    }

    /// <summary>The id of a term, or -1.</summary>
    public int IdOf(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var id) ? id : -1;

    /// <summary>Adds <paramref name="row"/> (larger than every row so far) to a term's list, adding the term when new.</summary>
    public void Append(ReadOnlySpan<char> term, int row, long time)
    {
        if (!_lookup.TryGetValue(term, out var id))
        {
            id = _ids.Count;
            _lookup[term] = id;
            _names.Add(term.ToString());
        }
        ref var delta = ref CollectionsMarshal.GetValueRefOrAddDefault(_delta, id, out var exists);
        if (!exists)
            delta = ([], _times is null ? null : []);
        delta.Rows.Add(row);
        delta.Times?.Add(time);
    }
}

/// <summary>Walks one term's rows in ascending order: the built segment, then the delta list.</summary>
internal sealed class PostingCursor(int[] rows, long[]? times, int start, int end, List<int>? deltaRows, List<long>? deltaTimes)
{
    private readonly int _baseLength = end - start;
    private int _position;

    public int Length => _baseLength + (deltaRows?.Count ?? 0);

    public bool Done => _position >= Length;

    public int Row => _position < _baseLength ? rows[start + _position] : deltaRows![_position - _baseLength];

    public long Time => _position < _baseLength ? times![start + _position] : deltaTimes![_position - _baseLength];

    public void Next() => _position++;

    /// <summary>Moves to the first entry whose row is at least <paramref name="target"/> (galloping, then binary search).</summary>
    public void Seek(int target)
    {
        if (_position < _baseLength)
        {
            var i = start + _position;
            var last = start + _baseLength;
            if (rows[last - 1] < target)
            {
                _position = _baseLength;
            }
            else
            {
                var step = 1;
                var low = i;
                var high = i;
                while (high < last && rows[high] < target)
                {
                    low = high + 1;
                    high += step;
                    step <<= 1;
                }
                high = Math.Min(high, last - 1);
                while (low < high)
                {
                    var mid = (low + high) >>> 1;
                    if (rows[mid] < target)
                        low = mid + 1;
                    else
                        high = mid;
                }
                _position = low - start;
                return;
            }
        }
        if (deltaRows is null)
            return;
        var j = _position - _baseLength;
        var span = CollectionsMarshal.AsSpan(deltaRows);
        while (j < span.Length && span[j] < target)
            j++;
        _position = _baseLength + j;
    }
}

/// <summary>
/// Collects entries in runs (one run per row or per account, a term at most once per run) and lays them out as
/// <see cref="PostingLists"/>. Runs cost a few bytes each, so an entry costs 4 bytes (8 more with a time).
/// </summary>
internal sealed class PostingListsBuilder(bool timed)
{
    /// <summary>Room for this many entries up front (a good guess saves copying the arrays as they grow).</summary>
    public void Reserve(long entries)
    {
        var size = (int)Math.Clamp(entries, 1024, Array.MaxLength);
        if (size <= _terms.Length)
            return;
        Array.Resize(ref _terms, size);
        if (_times is not null)
            Array.Resize(ref _times, size);
    }

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _lastRun = [];
    private readonly List<long> _runKeys = [];
    private readonly List<int> _runStarts = [];
    private int[] _terms = new int[1024];
    private long[]? _times = timed ? new long[1024] : null;
    private int _count;

    public int Intern(ReadOnlySpan<char> term)
    {
        var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var id))
            return id;
        id = _ids.Count;
        lookup[term] = id;
        _lastRun.Add(-1);
        return id;
    }

    /// <summary>Starts the entries of one row (or one account, mapped to its row at <see cref="Build"/>).</summary>
    public void StartRun(long key)
    {
        if (_runKeys.Count > 0 && _runKeys[^1] == key)
            return;
        _runKeys.Add(key);
        _runStarts.Add(_count);
    }

    /// <summary>Adds a term to the current run; a repeat within the run is dropped.</summary>
    public void Add(int term, long time)
    {
        var run = _runKeys.Count - 1;
        if (_lastRun[term] == run)
            return;
        _lastRun[term] = run;
        if (_count == _terms.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, 2L * _count);
            Array.Resize(ref _terms, size);
            if (_times is not null)
                Array.Resize(ref _times, size);
        }
        _terms[_count] = term;
        if (_times is not null)
            _times[_count] = time;
        _count++;
    }

    /// <summary>The lists, with each run's key mapped to its row (-1 drops the run).</summary>
    public PostingLists Build(Func<long, int> rowOf)
    {
        var terms = _ids.Count;
        var rowOfRun = new int[_runKeys.Count];
        for (var r = 0; r < rowOfRun.Length; r++)
            rowOfRun[r] = rowOf(_runKeys[r]);
        _runStarts.Add(_count);

        var offsets = new int[terms + 1];
        for (var r = 0; r < rowOfRun.Length; r++)
        {
            if (rowOfRun[r] < 0)
                continue;
            for (var i = _runStarts[r]; i < _runStarts[r + 1]; i++)
                offsets[_terms[i] + 1]++;
        }
        for (var t = 0; t < terms; t++)
            offsets[t + 1] += offsets[t];
        var rows = new int[offsets[terms]];
        var times = _times is null ? null : new long[rows.Length];
        var next = offsets[..^1];
        for (var r = 0; r < rowOfRun.Length; r++)
        {
            var row = rowOfRun[r];
            if (row < 0)
                continue;
            for (var i = _runStarts[r]; i < _runStarts[r + 1]; i++)
            {
                var at = next[_terms[i]]++;
                rows[at] = row;
                if (times is not null)
                    times[at] = _times![i];
            }
        }
        _terms = [];
        _times = null;
        _lastRun.Clear();
        _runKeys.Clear();
        _runStarts.Clear();
        // Runs arrive in row order when the tables are read in account order; sort the lists that did not.
        for (var t = 0; t < terms; t++)
        {
            var (from, to) = (offsets[t], offsets[t + 1]);
            for (var i = from + 1; i < to; i++)
            {
                if (rows[i - 1] < rows[i])
                    continue;
                if (times is null)
                    Array.Sort(rows, from, to - from);
                else
                    Array.Sort(rows, times, from, to - from);
                break;
            }
        }
        return new PostingLists(_ids, offsets, rows, times);
    }
}
