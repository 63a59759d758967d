namespace Grapevine.Core.Campaigns;

/// <summary>A candidate change sent with a version that is no longer the candidate's: someone changed it since.</summary>
public sealed class CandidateChangedException(CandidateView current, string handle)
    : Exception($"@{handle} changed since you read it: it is now version {current.Version} (decision {current.Decision}, " +
        $"gifting {(current.AcceptsGifting ? "yes" : "no")}, test spend {current.TestSpend?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, " +
        $"test result {current.TestResult?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}). Nothing was changed: read it again and send If-Match with its new version.")
{
    public CandidateView Current { get; } = current;
}
