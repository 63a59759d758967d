namespace Grapevine.Core.Discovery;

/// <summary>
/// Weights of the brand-fit components; any non-negative numbers, normalised to sum to 1 over the components
/// that apply to a query (niche needs brand niches, keywords need brand keywords, audience needs brand countries or
/// languages). <paramref name="Keywords"/> comes last so that positional weights written before it keep their meaning.
/// </summary>
public sealed record FitWeights(
    double Niche = 0.30,
    double Audience = 0.10,
    double Engagement = 0.20,
    double Quality = 0.15,
    double Cost = 0.10,
    double Recency = 0.10,
    double Safety = 0.05,
    double Keywords = 0.20)
{
    public static readonly FitWeights Default = new();
}
