using System.Text.Json.Serialization;

namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// An outcome's forecast: <see cref="Expected"/> is the mean (the expected value: what sums correctly across posts and
/// creators, and what the planner maximises), <see cref="Median"/> the middle outcome (half above, half below), and
/// Low–High the 80% interval (10% and 90% quantiles: the outcome is expected between them four times in five). Outcomes
/// are right-skewed, so the median is below the mean.
/// </summary>
public sealed record Estimate
{
    [JsonConstructor]
    public Estimate(double expected, double median, double low, double high)
    {
        Expected = expected;
        Median = median;
        Low = low;
        High = high;
    }

    /// <summary>A symmetric outcome, whose median is its mean.</summary>
    public Estimate(double expected, double low, double high) : this(expected, expected, low, high)
    {
    }

    /// <summary>The mean (expected value).</summary>
    public double Expected { get; init; }

    public double Median { get; init; }

    /// <summary>The 10% quantile.</summary>
    public double Low { get; init; }

    /// <summary>The 90% quantile.</summary>
    public double High { get; init; }
}
