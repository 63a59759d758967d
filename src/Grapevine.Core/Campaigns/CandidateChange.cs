namespace Grapevine.Core.Campaigns;

/// <summary>What to change about a candidate; a null leaves that value as it is.</summary>
public sealed record CandidateChange
{
    /// <summary>open, mustinclude or excluded.</summary>
    public string? Decision { get; init; }

    public bool? AcceptsGifting { get; init; }
    public decimal? TestSpend { get; init; }
    public double? TestResult { get; init; }
}
