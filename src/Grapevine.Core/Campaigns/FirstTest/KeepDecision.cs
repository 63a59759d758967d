namespace Grapevine.Core.Campaigns.FirstTest;

/// <summary>
/// The verdict on one creator of a first test: cost per result (spend ÷ result, null when not judged or the result
/// was 0), rank among the judged (1 = cheapest), and the reason in a sentence.
/// </summary>
public sealed record KeepDecision(long AccountId, KeepVerdict Verdict, double? CostPerResult, int? Rank, string Reason);
