namespace Grapevine.Core.Discovery.Niches;

/// <summary>One niche's share of an account, an integer 0–100.</summary>
public sealed record NicheScore(string Niche, int Score);

/// <summary>
/// An account's niches: integer scores (largest first, summing to at most 100, only those above zero), the primary
/// niche and how sure that is (0–1). Primary and confidence are null when neither text nor category says anything.
/// <paramref name="CategoryNiche"/> is the niche the imported category mapped to, if any.
/// </summary>
public sealed record NicheAssessment(IReadOnlyList<NicheScore> Scores, string? Primary, double? Confidence, string? CategoryNiche)
{
    public static readonly NicheAssessment None = new([], null, null, null);

    public int ScoreOf(string niche) => Scores.FirstOrDefault(s => s.Niche == niche)?.Score ?? 0;
}
