namespace Grapevine.Core.Vetting;

/// <summary>One sampled comment: on which post, by whom, what it says and when (null when the import gave no date).</summary>
public sealed record VettingComment(string PostId, string? Author, string? Text, DateTime? PostedAt = null);
