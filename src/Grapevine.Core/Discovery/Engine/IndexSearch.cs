using System.Runtime.CompilerServices;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// One query against the index, single-threaded: candidates come from intersecting the text terms' posting lists
/// (smallest first, leapfrogging with galloping seeks) or from a scan of every row; each candidate is checked
/// against the filter columns, counted into the facets, keyed (fit score or sort column) and offered to a top-K heap,
/// all in the same pass. Only the K hits get a full <see cref="FitBreakdown"/>.
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

    private readonly long _minFollowers, _maxFollowers, _postedSince;
    private readonly double _minEr, _maxEr, _minQuality, _maxPrice, _maxSponsored;
    private readonly byte _requiredFlags, _verifiedValue;
    private readonly bool _checkVerified;

    // Niche, audience and recency at their most, plus a margin far above the rounding of a seven-term sum.
    private readonly double _openWeight;

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
        _requiredFlags = q.HasEmail ? IndexColumns.HasEmail : (byte)0;
        _checkVerified = q.Verified is not null;
        _verifiedValue = q.Verified == true ? (byte)(IndexColumns.VerifiedKnown | IndexColumns.Verified) : IndexColumns.VerifiedKnown;

        _openWeight = _w.Niche * Math.Max(1, columns.MaxNicheTotal / 100.0) + _w.Audience + _w.Recency + 1e-9;
        _top = new TopK(criteria.Limit);
        _tierCounts = new int[columns.Tiers.Count];
        _platformCounts = new int[CatalogueNames.Platforms.Count];
        _countryCounts = new int[columns.Countries.Count];
        _nicheCounts = new int[columns.PrimaryNiches.Count];
    }

    public DiscoveryResult Run(PostingLists words, PostingLists terms)
    {
        if (_q.HasText)
            RunText(words, terms);
        else if (_nicheFilter is not { Length: 0 })
            RunScan();
        return Result();
    }

    private void RunScan()
    {
        var count = _c.Count;
        for (var row = 0; row < count; row++)
            Consider(row);
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
                Consider(row);
                driver.Next();
            }
            else
            {
                driver.Seek(next);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Consider(int row)
    {
        var c = _c;
        var flags = c.Flags[row];
        if ((flags & IndexColumns.Deleted) != 0 || (flags & _requiredFlags) != _requiredFlags)
            return;
        if (_checkVerified && (flags & (IndexColumns.VerifiedKnown | IndexColumns.Verified)) != _verifiedValue)
            return;
        if (_platforms is not null && !_platforms[c.Platform[row]])
            return;
        if (_tiers is not null && !_tiers[c.Tier[row]])
            return;
        if (_countries is not null && !_countries[c.Country[row]])
            return;
        if (_languages is not null && !_languages[c.Language[row]])
            return;
        var followers = c.Followers[row];
        if ((_minFollowers != long.MinValue || _maxFollowers != long.MaxValue)
            && (followers == IndexColumns.Unknown || followers < _minFollowers || followers > _maxFollowers))
            return;
        var er = c.EngagementRate[row];
        if (!(er >= _minEr && er <= _maxEr) && (_minEr != double.NegativeInfinity || _maxEr != double.PositiveInfinity))
            return;
        if (_minQuality != double.NegativeInfinity && !(c.Quality[row] >= _minQuality))
            return;
        if (_postedSince != long.MinValue && (c.LastPostedAt[row] == IndexColumns.Unknown || c.LastPostedAt[row] < _postedSince))
            return;
        if (c.Sponsored[row] > _maxSponsored)
            return;
        if (_nicheFilter is not null && !PassesNiche(row))
            return;
        var rate = RateOf(row);
        if (_maxPrice != double.PositiveInfinity && !((double.IsNaN(rate) ? c.Price[row] : rate) <= _maxPrice))
            return;

        _total++;
        _tierCounts[c.Tier[row]]++;
        _platformCounts[c.Platform[row]]++;
        _countryCounts[c.Country[row]]++;
        _nicheCounts[c.PrimaryNiche[row]]++;

        double key;
        switch (_q.Sort)
        {
            case DiscoverySort.Fit:
                var cost = double.IsNaN(rate) ? c.Cost[row] : FitScorer.Cost(c.Expected[row], rate);
                if (_top.Full && Bound(row, cost) < _top.WorstKey)
                    return;
                key = Score(row, cost);
                break;
            case DiscoverySort.Er:
                key = KnownOrLast(er);
                break;
            case DiscoverySort.Followers:
                key = followers == IndexColumns.Unknown ? double.NegativeInfinity : followers;
                break;
            case DiscoverySort.Price:
                var price = double.IsNaN(rate) ? c.Price[row] : rate;
                key = double.IsNaN(price) ? double.NegativeInfinity : -price;
                break;
            default:
                key = KnownOrLast(c.Growth[row]);
                break;
        }
        if (!_top.Full || key >= _top.WorstKey)
            _top.Offer(key, c.AccountId[row], row);
    }

    /// <summary>
    /// At least the row's score (plus rounding): the cheap parts exactly, niche, audience and recency at their most
    /// (1). A row whose bound is below the K-th score cannot enter the top K, so its expensive parts are skipped.
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

    private DiscoveryResult Result()
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
                c.LastPostedAt[row] == IndexColumns.Unknown ? null : c.LastPostedAt[row], Known(c.Safety[row]));
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
