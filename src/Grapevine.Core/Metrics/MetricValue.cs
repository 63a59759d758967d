namespace Grapevine.Core.Metrics;

/// <summary>
/// One computed metric: the value (null when it cannot be known), the formula id, how many
/// observations it used (N) and the time span those observations cover.
/// </summary>
public sealed record MetricValue(string Name, double? Value, string Formula, int N, DateTime? WindowStart, DateTime? WindowEnd)
{
    public static MetricValue Unknown(MetricDefinition definition, int n = 0) =>
        new(definition.Name, null, definition.Formula, n, null, null);

    public static MetricValue Of(MetricDefinition definition, double value, int n, DateTime? windowStart, DateTime? windowEnd) =>
        new(definition.Name, value, definition.Formula, n, windowStart, windowEnd);
}
