namespace Grapevine.Core.Authenticity;

/// <summary>Tells fake (bot or bought) follower profiles from real ones.</summary>
public interface IFollowerClassifier
{
    /// <summary>The probability at or above which a profile is called fake.</summary>
    float Threshold { get; }

    /// <summary>One line on what the model is and how well it was measured to work, for reports.</summary>
    string Description { get; }

    /// <summary>Writes the probability that each profile is fake into <paramref name="probabilities"/> (same length).</summary>
    void PredictFakeProbabilities(IReadOnlyList<FollowerProfile> profiles, Span<float> probabilities);
}
