namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>An expected value with its 80% interval: the outcome is expected between Low and High four times in five.</summary>
public sealed record Estimate(double Expected, double Low, double High);
