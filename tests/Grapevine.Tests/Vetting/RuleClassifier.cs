using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Vetting;

/// <summary>
/// A small hand-written classifier for tests: a profile is fake when at least two of these hold: almost no posts,
/// no full name, no bio, following far more than it is followed.
/// </summary>
internal sealed class RuleClassifier : IFollowerClassifier
{
    public float Threshold => 0.5f;

    public string Description => "test rules: two of few posts, no name, no bio, following ≫ followers";

    public void PredictFakeProbabilities(IReadOnlyList<FollowerProfile> profiles, Span<float> probabilities)
    {
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var signs = (p.Posts is <= 3 ? 1 : 0) + (p.FullName is null ? 1 : 0) + (p.BioLength is null or 0 ? 1 : 0)
                + (p.Following > 10 * ((p.Followers ?? 0) + 1) ? 1 : 0);
            probabilities[i] = signs >= 2 ? 0.9f : 0.1f;
        }
    }
}

/// <summary>Calls every profile fake whose username starts with "fake", and real otherwise: exact counts for tests.</summary>
internal sealed class NameClassifier : IFollowerClassifier
{
    public float Threshold => 0.5f;

    public string Description => "test: usernames starting with 'fake' are fake";

    public void PredictFakeProbabilities(IReadOnlyList<FollowerProfile> profiles, Span<float> probabilities)
    {
        for (var i = 0; i < profiles.Count; i++)
            probabilities[i] = profiles[i].Username?.StartsWith("fake", StringComparison.Ordinal) == true ? 1f : 0f;
    }
}
