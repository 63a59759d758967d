using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Vetting;

/// <summary>
/// The catalogue's ER-by-followers values per platform and tier, sorted once, so that a percentile is a binary
/// search rather than a query.
/// </summary>
public sealed class EngagementDistribution
{
    private readonly Dictionary<(Platform, string), double[]> _sorted;

    public EngagementDistribution(IEnumerable<(Platform Platform, string Tier, double Er)> values, DateTime builtAt)
    {
        _sorted = values
            .GroupBy(v => (v.Platform, v.Tier))
            .ToDictionary(g => g.Key, g =>
            {
                var array = g.Select(v => v.Er).ToArray();
                Array.Sort(array);
                return array;
            });
        BuiltAt = builtAt;
    }

    public static EngagementDistribution Empty { get; } = new([], DateTime.UnixEpoch);

    /// <summary>When the values were read from the catalogue.</summary>
    public DateTime BuiltAt { get; }

    /// <summary>How many accounts of that platform and tier have a known ER.</summary>
    public int Count(Platform platform, string tier) => _sorted.TryGetValue((platform, tier), out var values) ? values.Length : 0;

    /// <summary>The mid-rank percentile (0–100) of <paramref name="er"/>: (below + ties / 2) / count × 100.</summary>
    public double? Percentile(Platform platform, string tier, double er)
    {
        if (!_sorted.TryGetValue((platform, tier), out var values) || values.Length == 0)
            return null;
        var below = LowerBound(values, er);
        var upTo = UpperBound(values, er);
        return (below + (upTo - below) / 2.0) * 100 / values.Length;
    }

    /// <summary>The value at percentile <paramref name="p"/> (0–100), nearest rank.</summary>
    public double? ValueAt(Platform platform, string tier, double p)
    {
        if (!_sorted.TryGetValue((platform, tier), out var values) || values.Length == 0)
            return null;
        var index = (int)Math.Clamp(Math.Ceiling(p / 100 * values.Length) - 1, 0, values.Length - 1);
        return values[index];
    }

    private static int LowerBound(double[] values, double x)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < x)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static int UpperBound(double[] values, double x)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
