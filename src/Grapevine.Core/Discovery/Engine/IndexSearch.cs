using System.Runtime.CompilerServices;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// One query against the index, single-threaded: candidates come from intersecting the text terms' posting lists
/// (smallest first, leapfrogging with galloping seeks) or from a scan of every row, a block of rows at a time. Each
/// filter is one tight pass over one column that keeps the block's surviving row numbers (a selection vector); the
/// survivors are counted into the facets, keyed (fit score or sort column) and offered to a top-K heap. For fit, a
/// bound from the cheap parts skips rows that cannot make the cut. Only the K hits get a full <see cref="FitBreakdown"/>.
/// </summary>
internal sealed class IndexSearch
{
    private readonly IndexColumns _c;
    private readonly DiscoveryCriteria _q;
    private readonly FitPlan _plan;
    private readonly FitWeights _w;

    private readonly bool[]? _platforms;
    private readonly bool[]? _tiers;
    private readonly bool[]? _countries;
    private readonly bool[]? _languages;
    private readonly int[]? _nicheFilter;
    private readonly int[] _brandNiches;
    private readonly double[] _countryPart;
    private readonly double[] _languagePart;
    private readonly int[] _rateRows;
    private readonly double[] _ratePrices;
    private int _rateCursor;

    // Per brand keyword, a cursor per token over the word lists (null when a token is in no profile: never found).
    private PostingCursor[]?[] _keywords = [];
    private readonly int _keywordCount;

    private readonly long _minFollowers, _maxFollowers, _postedSince;
    private readonly double _minEr, _maxEr, _minQuality, _maxPrice, _maxSponsored;

    // Niche, keywords, audience and recency at their most, plus a margin far above the rounding of an eight-term sum.
    private readonly double _openWeight;

    // With the default weights, normalised weight = default weight × this scale (0 with other weights).
    private readonly double _defaultBoundScale;

    private const int BlockSize = 1024;
    private readonly int[] _block = new int[BlockSize];
    private readonly double[] _blockRates = new double[BlockSize];
    private int _pending;
    private readonly byte _flagsMask, _flagsWanted;

    private readonly TopK _top;
    private readonly int[] _tierCounts, _platformCounts, _countryCounts, _nicheCounts;
    private int _total;

    public IndexSearch(IndexColumns columns, DiscoveryCriteria criteria, Func<long, int> rowOf)
    {
        _c = columns;
        _q = criteria;
        _plan = criteria.Fit;
        _w = _plan.Weights;
        var q = criteria.Query;

        _platforms = criteria.Platforms.Count == 0 ? null : PlatformMask(criteria.Platforms);
        _tiers = criteria.Tiers.Count == 0 ? null : columns.Tiers.Mask(criteria.Tiers);
        _countries = criteria.Countries.Count == 0 ? null : columns.Countries.Mask(criteria.Countries);
        _languages = criteria.Languages.Count == 0 ? null : columns.Languages.Mask(criteria.Languages);
        _nicheFilter = criteria.Niches.Count == 0 ? null : Codes(columns.Niches, criteria.Niches);
        _brandNiches = Codes(columns.Niches, _plan.BrandNiches);
        _countryPart = Parts(columns.Countries, _plan.BrandCountries);
        _languagePart = Parts(columns.Languages, _plan.BrandLanguages);

        var rates = criteria.RatePrices
            .Select(r => (Row: rowOf(r.Key), Price: r.Value))
            .Where(r => r.Row >= 0)
            .OrderBy(r => r.Row)
            .ToArray();
        _rateRows = [.. rates.Select(r => r.Row)];
        _ratePrices = [.. rates.Select(r => r.Price)];

        _minFollowers = q.MinFollowers ?? long.MinValue;
        _maxFollowers = q.MaxFollowers ?? long.MaxValue;
        _postedSince = criteria.PostedSince ?? long.MinValue;
        _minEr = q.MinEngagementRate ?? double.NegativeInfinity;
        _maxEr = q.MaxEngagementRate ?? double.PositiveInfinity;
        _minQuality = q.MinAudienceQuality ?? double.NegativeInfinity;
        _maxPrice = q.MaxPrice ?? double.PositiveInfinity;
        _maxSponsored = q.MaxSponsoredShare ?? double.PositiveInfinity;
        var requiredFlags = q.HasEmail ? IndexColumns.HasEmail : 0;
        var verifiedValue = q.Verified == true ? (byte)(IndexColumns.VerifiedKnown | IndexColumns.Verified) : IndexColumns.VerifiedKnown;
        _flagsMask = (byte)(IndexColumns.Deleted | requiredFlags | (q.Verified is null ? 0 : IndexColumns.VerifiedKnown | IndexColumns.Verified));
        _flagsWanted = (byte)(requiredFlags | (q.Verified is null ? 0 : verifiedValue));

        _keywordCount = _plan.BrandKeywords.Count;
        _openWeight = _w.Niche * Math.Max(1, columns.MaxNicheTotal / 100.0) + _w.Keywords + _w.Audience + _w.Recency + 1e-9;
        var d = FitWeights.Default;
        _defaultBoundScale = q.Weights == d && d.Engagement > 0 ? _w.Engagement / d.Engagement : 0;
        _top = new TopK(criteria.Limit);
        _tierCounts = new int[columns.Tiers.Count];
        _platformCounts = new int[CatalogueNames.Platforms.Count];
        _countryCounts = new int[columns.Countries.Count];
        _nicheCounts = new int[columns.PrimaryNiches.Count];
    }

    public DiscoveryResult Run(PostingLists words, PostingLists terms)
    {
        _keywords = KeywordCursors(words);
        if (_q.HasText)
        {
            RunText(words, terms);
            Process(_pending, flagsChecked: false);
        }
        else if (_nicheFilter is not { Length: 0 })
        {
            RunScan();
        }
        return Result(words);
    }

    private void RunScan()
    {
        var count = _c.Count;
        var block = _block;
        var flags = _c.Flags;
        var (mask, wanted) = (_flagsMask, _flagsWanted);
        for (var start = 0; start < count; start += BlockSize)
        {
            var end = Math.Min(start + BlockSize, count);
            var kept = 0;
            for (var row = start; row < end; row++)
            {
                block[kept] = row;
                kept += (flags[row] & mask) == wanted ? 1 : 0;
            }
            Process(kept, flagsChecked: true);
        }
    }

    private void RunText(PostingLists words, PostingLists terms)
    {
        var lists = new List<(PostingCursor Cursor, bool Timed)>();
        foreach (var word in _q.Words)
        {
            if (!words.TryGet(word, out var cursor))
                return;
            lists.Add((cursor, false));
        }
        foreach (var term in _q.Terms)
        {
            if (!terms.TryGet(term, out var cursor))
                return;
            lists.Add((cursor, true));
        }
        lists.Sort((a, b) => a.Cursor.Length.CompareTo(b.Cursor.Length));
        var since = _q.TagsSince;
        var (driver, driverTimed) = lists[0];
        while (!driver.Done)
        {
            var row = driver.Row;
            if (driverTimed && driver.Time < since)
            {
                driver.Next();
                continue;
            }
            var next = row;
            for (var i = 1; i < lists.Count && next == row; i++)
            {
                var (cursor, timed) = lists[i];
                cursor.Seek(row);
                if (cursor.Done)
                    return;
                if (cursor.Row != row)
                    next = cursor.Row;
                else if (timed && cursor.Time < since)
                    next = row + 1;
            }
            if (next == row)
            {
                _block[_pending++] = row;
                if (_pending == BlockSize)
                {
                    Process(_pending, flagsChecked: false);
                    _pending = 0;
                }
                driver.Next();
            }
            else
            {
                driver.Seek(next);
            }
        }
    }

    /// <summary>Filters, counts and ranks the first <paramref name="n"/> rows of the block (ascending row numbers).</summary>
    private void Process(int n, bool flagsChecked)
    {
        var c = _c;
        var sel = _block;
        if (!flagsChecked)
            n = KeepFlags(sel, n, c.Flags, _flagsMask, _flagsWanted);
        if (_platforms is not null)
            n = Keep(sel, n, c.Platform, _platforms);
        if (_tiers is not null)
            n = Keep(sel, n, c.Tier, _tiers);
        if (_countries is not null)
            n = Keep(sel, n, c.Country, _countries);
        if (_languages is not null)
            n = Keep(sel, n, c.Language, _languages);
        if (_minFollowers != long.MinValue || _maxFollowers != long.MaxValue)
            n = KeepBetween(sel, n, c.Followers, Math.Max(_minFollowers, IndexColumns.Unknown + 1), _maxFollowers);
        if (_postedSince != long.MinValue)
            n = KeepBetween(sel, n, c.LastPostedAt, Math.Max(_postedSince, IndexColumns.Unknown + 1), long.MaxValue);
        if (_minEr != double.NegativeInfinity || _maxEr != double.PositiveInfinity)
            n = KeepBetween(sel, n, c.EngagementRate, _minEr, _maxEr);
        if (_minQuality != double.NegativeInfinity)
            n = KeepBetween(sel, n, c.Quality, _minQuality, double.PositiveInfinity);
        if (_maxSponsored != double.PositiveInfinity)
            n = KeepUnknownOrAtMost(sel, n, c.Sponsored, _maxSponsored);
        if (_nicheFilter is not null)
            n = KeepNiches(sel, n);
        var rates = _blockRates;
        if (_rateRows.Length > 0)
        {
            for (var i = 0; i < n; i++)
                rates[i] = RateOf(sel[i]);
        }
        if (_maxPrice != double.PositiveInfinity)
            n = KeepPrice(sel, n);
        if (n == 0)
            return;

        _total += n;
        Count(sel, n, c.Tier, _tierCounts);
        Count(sel, n, c.Platform, _platformCounts);
        Count(sel, n, c.Country, _countryCounts);
        Count(sel, n, c.PrimaryNiche, _nicheCounts);

        var top = _top;
        switch (_q.Sort)
        {
            case DiscoverySort.Fit:
                var withRates = _rateRows.Length > 0;
                var defaultBound = c.DefaultBound;
                for (var i = 0; i < n; i++)
                {
                    var row = sel[i];
                    var rate = withRates ? rates[i] : double.NaN;
                    if (top.Full && _defaultBoundScale > 0 && double.IsNaN(rate) && defaultBound[row] * _defaultBoundScale + _openWeight < top.WorstKey)
                        continue;
                    var cost = double.IsNaN(rate) ? c.Cost[row] : FitScorer.Cost(c.Expected[row], rate);
                    if (top.Full && Bound(row, cost) < top.WorstKey)
                        continue;
                    Offer(Score(row, cost), row);
                }
                break;
            case DiscoverySort.Er:
                for (var i = 0; i < n; i++)
                    Offer(KnownOrLast(c.EngagementRate[sel[i]]), sel[i]);
                break;
            case DiscoverySort.Followers:
                for (var i = 0; i < n; i++)
                {
                    var followers = c.Followers[sel[i]];
                    Offer(followers == IndexColumns.Unknown ? double.NegativeInfinity : followers, sel[i]);
                }
                break;
            case DiscoverySort.Price:
                for (var i = 0; i < n; i++)
                {
                    var rate = _rateRows.Length > 0 ? rates[i] : double.NaN;
                    var price = double.IsNaN(rate) ? c.Price[sel[i]] : rate;
                    Offer(double.IsNaN(price) ? double.NegativeInfinity : -price, sel[i]);
                }
                break;
            default:
                for (var i = 0; i < n; i++)
                    Offer(KnownOrLast(c.Growth[sel[i]]), sel[i]);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Offer(double key, int row)
    {
        if (!_top.Full || key >= _top.WorstKey)
            _top.Offer(key, _c.AccountId[row], row);
    }

    private static void Count(int[] sel, int n, byte[] column, int[] counts)
    {
        for (var i = 0; i < n; i++)
            counts[column[sel[i]]]++;
    }

    private static void Count(int[] sel, int n, ushort[] column, int[] counts)
    {
        for (var i = 0; i < n; i++)
            counts[column[sel[i]]]++;
    }

    // Each Keep pass copies every row number forward and advances past it only when it passes: no branch to mispredict.
    private static int KeepFlags(int[] sel, int n, byte[] flags, byte mask, byte wanted)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            sel[kept] = row;
            kept += (flags[row] & mask) == wanted ? 1 : 0;
        }
        return kept;
    }

    private static int Keep(int[] sel, int n, byte[] column, bool[] mask)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            sel[kept] = row;
            kept += mask[column[row]] ? 1 : 0;
        }
        return kept;
    }

    private static int Keep(int[] sel, int n, ushort[] column, bool[] mask)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            sel[kept] = row;
            kept += mask[column[row]] ? 1 : 0;
        }
        return kept;
    }

    /// <summary>Keeps min ≤ value ≤ max; <see cref="IndexColumns.Unknown"/> is below any min given.</summary>
    private static int KeepBetween(int[] sel, int n, long[] column, long min, long max)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            var value = column[row];
            sel[kept] = row;
            kept += value >= min && value <= max ? 1 : 0;
        }
        return kept;
    }

    /// <summary>Keeps min ≤ value ≤ max; NaN (unknown) fails every comparison.</summary>
    private static int KeepBetween(int[] sel, int n, double[] column, double min, double max)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            var value = column[row];
            sel[kept] = row;
            kept += value >= min && value <= max ? 1 : 0;
        }
        return kept;
    }

    private static int KeepUnknownOrAtMost(int[] sel, int n, double[] column, double max)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            sel[kept] = row;
            kept += column[row] > max ? 0 : 1;
        }
        return kept;
    }

    private int KeepNiches(int[] sel, int n)
    {
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            sel[kept] = row;
            kept += PassesNiche(row) ? 1 : 0;
        }
        return kept;
    }

    /// <summary>The rate card when there is one, else the estimate, must be known and at most the maximum.</summary>
    private int KeepPrice(int[] sel, int n)
    {
        var price = _c.Price;
        var rates = _blockRates;
        var withRates = _rateRows.Length > 0;
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var row = sel[i];
            var rate = withRates ? rates[i] : double.NaN;
            sel[kept] = row;
            rates[kept] = rate;
            kept += (double.IsNaN(rate) ? price[row] : rate) <= _maxPrice ? 1 : 0;
        }
        return kept;
    }

    /// <summary>
    /// At least the row's score (plus rounding): the cheap parts exactly, niche, keywords, audience and recency at their most.
    /// A row whose bound is below the K-th score cannot enter the top K, so its expensive parts are skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Bound(int row, double cost)
    {
        var c = _c;
        return FitScorer.Contribution(_w.Engagement, c.Percentile[row]) + FitScorer.Contribution(_w.Quality, c.Quality[row])
            + FitScorer.Contribution(_w.Cost, cost) + FitScorer.Contribution(_w.Safety, c.Safety[row]) + _openWeight;
    }

    private static double KnownOrLast(double value) => double.IsNaN(value) ? double.NegativeInfinity : value;

    private bool PassesNiche(int row)
    {
        var scores = _c.NicheScores;
        var at = (long)row * _c.NicheWidth;
        foreach (var code in _nicheFilter!)
        {
            if (scores[at + code] >= DiscoveryQuery.NicheFilterMinScore)
                return true;
        }
        return false;
    }

    /// <summary>The workspace's rate-card price of the row (rows arrive in ascending order), NaN when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RateOf(int row)
    {
        var rates = _rateRows;
        if (rates.Length > 0)
        {
            while (_rateCursor < rates.Length && rates[_rateCursor] < row)
                _rateCursor++;
            if (_rateCursor < rates.Length && rates[_rateCursor] == row)
                return _ratePrices[_rateCursor];
        }
        return double.NaN;
    }

    // The same operations in the same order as FitScorer.Breakdown + FitScorer.Total (and DiscoverySql's score).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Score(int row, double cost)
    {
        var c = _c;
        return FitScorer.Sum(
            FitScorer.Contribution(_w.Niche, NicheValue(row)),
            FitScorer.Contribution(_w.Keywords, KeywordValue(_keywords, row)),
            FitScorer.Contribution(_w.Audience, FitScorer.AudienceOf(_countryPart[c.Country[row]], _languagePart[c.Language[row]])),
            FitScorer.Contribution(_w.Engagement, c.Percentile[row]),
            FitScorer.Contribution(_w.Quality, c.Quality[row]),
            FitScorer.Contribution(_w.Cost, cost),
            FitScorer.Contribution(_w.Recency, RecencyValue(c.LastPostedAt[row])),
            FitScorer.Contribution(_w.Safety, c.Safety[row]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RecencyValue(long lastPostedAt) =>
        lastPostedAt == IndexColumns.Unknown ? double.NaN : FitScorer.Recency(_plan.Now, lastPostedAt);

    private double NicheValue(int row)
    {
        if (!_plan.NicheApplies)
            return double.NaN;
        var scores = _c.NicheScores;
        var at = (long)row * _c.NicheWidth;
        var sum = 0;
        foreach (var code in _brandNiches)
            sum += scores[at + code];
        return FitScorer.Niche(sum, (_c.Flags[row] & IndexColumns.HasNiches) != 0);
    }

    /// <summary>
    /// The keyword component of a row: the share of brand keywords all of whose tokens the row's words hold; NaN when
    /// the query names none. The cursors only move forward, so rows must come in ascending order for one set of them.
    /// </summary>
    private double KeywordValue(PostingCursor[]?[] keywords, int row)
    {
        if (_keywordCount == 0)
            return double.NaN;
        var found = 0;
        foreach (var cursors in keywords)
        {
            if (cursors is null)
                continue;
            var all = true;
            foreach (var cursor in cursors)
            {
                cursor.Seek(row);
                if (cursor.Done || cursor.Row != row)
                {
                    all = false;
                    break;
                }
            }
            found += all ? 1 : 0;
        }
        return FitScorer.Keywords(found, _keywordCount);
    }

    private PostingCursor[]?[] KeywordCursors(PostingLists words)
    {
        var keywords = _q.KeywordTokens;
        var cursors = new PostingCursor[]?[keywords.Count];
        for (var k = 0; k < keywords.Count; k++)
        {
            var tokens = keywords[k];
            var list = new PostingCursor[tokens.Length];
            var known = true;
            for (var t = 0; t < tokens.Length && known; t++)
                known = words.TryGet(tokens[t], out list[t]);
            cursors[k] = known ? list : null;
        }
        return cursors;
    }

    private DiscoveryResult Result(PostingLists words)
    {
        var hits = new List<DiscoveryHit>();
        foreach (var row in _top.Rows())
        {
            var c = _c;
            var rate = Array.BinarySearch(_rateRows, row);
            var price = rate >= 0 ? _ratePrices[rate] : c.Price[row];
            var input = new FitInput(
                Known(NicheValue(row)),
                c.Country[row] == 0 ? null : c.Countries.ValueOf(c.Country[row]),
                c.Language[row] == 0 ? null : c.Languages.ValueOf(c.Language[row]),
                Known(c.Percentile[row]), Known(c.Quality[row]), Known(c.Expected[row]), Known(price),
                c.LastPostedAt[row] == IndexColumns.Unknown ? null : c.LastPostedAt[row], Known(c.Safety[row]),
                Known(KeywordValue(KeywordCursors(words), row)));
            hits.Add(FitScorer.Hit(c.AccountId[row], _plan, input));
        }
        return new DiscoveryResult(_total, hits, new DiscoveryFacets(
            Facet(_tierCounts, _c.Tiers.ValueOf),
            Facet(_platformCounts, i => CatalogueNames.Platforms[i]),
            Facet(_countryCounts, _c.Countries.ValueOf),
            Facet(_nicheCounts, _c.PrimaryNiches.ValueOf)));
    }

    private static Dictionary<string, int> Facet(int[] counts, Func<int, string> name)
    {
        var facet = new Dictionary<string, int>();
        for (var code = 0; code < counts.Length; code++)
        {
            if (counts[code] > 0)
                facet[name(code)] = counts[code];
        }
        return facet;
    }

    private static double? Known(double value) => double.IsNaN(value) ? null : value;

    private static bool[] PlatformMask(IEnumerable<Platform> platforms)
    {
        var mask = new bool[CatalogueNames.Platforms.Count];
        foreach (var platform in platforms)
            mask[(int)platform] = true;
        return mask;
    }

    private static int[] Codes(StringCodes codes, IEnumerable<string> values) =>
        [.. values.Select(codes.Find).Where(code => code > 0).Distinct()];

    /// <summary>Per string code: 1 when in the brand's list, 0 when not, NaN for unknown (code 0) or when the brand lists none.</summary>
    private static double[] Parts(StringCodes codes, IReadOnlyList<string> brand)
    {
        var parts = new double[codes.Count];
        var mask = codes.Mask(brand);
        for (var code = 0; code < parts.Length; code++)
            parts[code] = brand.Count == 0 || code == 0 ? double.NaN : mask[code] ? 1.0 : 0.0;
        return parts;
    }
}
