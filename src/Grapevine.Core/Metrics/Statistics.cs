namespace Grapevine.Core.Metrics;

internal static class Statistics
{
    /// <summary>The median of a non-empty list; sorts a copy.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
