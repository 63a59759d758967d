namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// What one creator is expected to deliver for <see cref="Count"/> of one deliverable, from their own recent posts:
/// each figure is the total over the count with its 80% interval, null where the history says nothing (no post of a
/// comparable type, no views or reach on the platform). <see cref="PostsUsed"/> and the window say what it rests on;
/// <see cref="Basis"/> says in words how it was computed.
/// </summary>
public sealed record DeliverableForecast(
    long AccountId,
    string Deliverable,
    int Count,
    Estimate? Impressions,
    Estimate? Reach,
    Estimate? Engagements,
    Estimate? Clicks,
    Estimate? Conversions,
    Estimate? Revenue,
    int PostsUsed,
    DateTime? WindowStart,
    DateTime? WindowEnd,
    string Basis);
