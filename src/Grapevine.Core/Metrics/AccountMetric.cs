namespace Grapevine.Core.Metrics;

/// <summary>
/// A stored metric of an account: its value (null when it cannot be known), the formula that
/// produced it, how many observations it used and the window they came from.
/// </summary>
public class AccountMetric
{
    public long AccountId { get; set; }
    public required string Name { get; set; }
    public double? Value { get; set; }
    public required string Formula { get; set; }
    public int N { get; set; }
    public DateTime? WindowStart { get; set; }
    public DateTime? WindowEnd { get; set; }
    public DateTime ComputedAt { get; set; }
}
