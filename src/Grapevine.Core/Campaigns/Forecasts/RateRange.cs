namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>An 80% range of a rate or an amount; equal ends mean it is taken as known exactly.</summary>
public sealed record RateRange(double Low, double High)
{
    /// <summary>The geometric middle, the expected value on the log scale.</summary>
    public double Middle => Math.Sqrt(Low * High);

    internal LogNormal ToLogNormal() => new(Math.Log(Middle), Math.Log(High / Low) / (2 * LogNormal.Z80));

    public static RateRange Exactly(double value) => new(value, value);
}
