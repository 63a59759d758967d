namespace Grapevine.Core.Campaigns.Plans;

/// <summary>A first-test verdict as the API, the page and the CLI show it: keep, drop or not enough data, and why; spend and cost per result are in the campaign's <paramref name="Currency"/>.</summary>
public sealed record KeepView(
    long AccountId,
    string? Platform,
    string? Handle,
    string Verdict,
    decimal? Spend,
    double? Result,
    double? CostPerResult,
    int? Rank,
    string Reason,
    string Currency = "USD");
