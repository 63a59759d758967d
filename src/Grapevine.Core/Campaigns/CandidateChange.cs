using System.Text.Json.Serialization;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// What to change about a candidate. A decision or gifting left null stays as it is. The test figures tell "left out"
/// from "set to null": a test spend or result that is set (in JSON: present) to null clears the recorded value, one
/// left out stays as it is.
/// </summary>
public sealed record CandidateChange
{
    private readonly bool _testSpendGiven;
    private readonly bool _testResultGiven;

    /// <summary>open, mustinclude or excluded.</summary>
    public string? Decision { get; init; }

    public bool? AcceptsGifting { get; init; }

    public decimal? TestSpend
    {
        get;
        init
        {
            field = value;
            _testSpendGiven = true;
        }
    }

    public double? TestResult
    {
        get;
        init
        {
            field = value;
            _testResultGiven = true;
        }
    }

    /// <summary>The test spend was set to null: forget the recorded one.</summary>
    [JsonIgnore]
    public bool ClearsTestSpend => _testSpendGiven && TestSpend is null;

    /// <summary>The test result was set to null: forget the recorded one.</summary>
    [JsonIgnore]
    public bool ClearsTestResult => _testResultGiven && TestResult is null;
}
