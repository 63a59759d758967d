namespace Grapevine.Core.Campaigns;

/// <summary>
/// Which candidates to show: a text found in the handle, display name or source (case ignored, a leading @ too), a
/// decision, and a tier ("unknown" for a candidate whose follower count is unknown). An empty part lets every candidate through.
/// </summary>
public sealed record CandidateFilter(string? Text = null, string? Decision = null, string? Tier = null)
{
    public const string UnknownTier = "unknown";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Decision) && string.IsNullOrWhiteSpace(Tier);

    /// <summary>Why <see cref="Decision"/> is refused (not a decision a candidate can have); null when it is empty or known.</summary>
    public string? DecisionError => !string.IsNullOrWhiteSpace(Decision) && !CampaignRules.Decisions.Contains(Decision.Trim().ToLowerInvariant())
        ? $"unknown decision '{Decision}'; one of {string.Join(", ", CampaignRules.Decisions)}"
        : null;

    public bool Matches(CandidateView c)
    {
        if (!string.IsNullOrWhiteSpace(Decision) && !string.Equals(c.Decision, Decision.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        if (!string.IsNullOrWhiteSpace(Tier) && !string.Equals(c.Tier ?? UnknownTier, Tier.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        var text = Text?.Trim().TrimStart('@');
        return string.IsNullOrEmpty(text) || c.Handle.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (c.DisplayName?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) || c.Source.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
