namespace Grapevine.Core.Vetting;

/// <summary>
/// One account signal of a vetting report: its value (null when unknown), the range expected for an account of its
/// tier and platform, the verdict and one sentence of why, with the formula, sample size (N) and window it came from.
/// </summary>
/// <remarks>
/// <c>Id</c>: Stable id: engagement, audience_quality, follower_growth, comment_quality, sponsored_saturation, posting_activity, brand_safety.<br/>
/// <c>Unit</c>: "percentile", "%", "spikes", "posts/week", "matches".<br/>
/// <c>ExpectedRange</c>: In words, e.g. "P5–P98 of Instagram micro accounts: 0.21%–2.9% ER".<br/>
/// </remarks>
public sealed record VettingSignal(
    string Id,
    string Label,
    double? Value,
    string Unit,
    string ExpectedRange,
    SignalVerdict Verdict,
    string Why,
    string Formula,
    int N,
    DateTime? WindowStart,
    DateTime? WindowEnd);
