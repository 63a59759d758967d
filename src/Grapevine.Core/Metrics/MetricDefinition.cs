namespace Grapevine.Core.Metrics;

/// <summary>What a stored metric means, in words a marketer reads next to the number.</summary>
/// <param name="Name">The stored name (<see cref="AccountMetric.Name"/>).</param>
/// <param name="Label">Short label for a card or column.</param>
/// <param name="Unit">"%", "posts/week", "views", "×".</param>
/// <param name="Formula">The formula id stored with each value.</param>
/// <param name="Definition">One or two sentences: what is divided by what, over which posts.</param>
public sealed record MetricDefinition(string Name, string Label, string Unit, string Formula, string Definition);
