namespace Grapevine.Core.Vetting;

/// <summary>One sampled comment: on which post, by whom, what it says.</summary>
public sealed record VettingComment(string PostId, string? Author, string? Text);
