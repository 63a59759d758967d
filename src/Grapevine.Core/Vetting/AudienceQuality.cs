using System.Buffers;
using System.Globalization;
using Grapevine.Core.Authenticity;

namespace Grapevine.Core.Vetting;

/// <summary>The share of real followers in an account's follower sample, with its 95% Wilson interval.</summary>
/// <remarks>
/// <c>RealShare</c>: Real followers / sampled followers (0–1); null under <see cref="AudienceQuality.MinSample"/>.<br/>
/// <c>Low</c>: Lower bound of the 95% Wilson interval of <paramref name="RealShare"/>.<br/>
/// <c>High</c>: Upper bound of the 95% Wilson interval.<br/>
/// <c>Model</c>: What classified the profiles and how well it was measured to work.<br/>
/// </remarks>
public sealed record AudienceQualityResult(double? RealShare, double? Low, double? High, int SampleSize, int FakeCount, string Model);

public static class AudienceQuality
{
    /// <summary>Below this many sampled followers the share is not reported ("not enough data").</summary>
    public const int MinSample = 100;

    /// <summary>Concern when even the interval's upper bound says fewer than this share of followers are real.</summary>
    public const double ConcernUpperBound = 0.70;

    /// <summary>Watch when the estimate says fewer than this share are real.</summary>
    public const double WatchShare = 0.80;

    public const string Formula = "real_followers_over_sampled_followers_wilson95";

    /// <summary>What the report says when the installation has no follower classifier.</summary>
    public const string NoClassifier = "no follower classifier is installed";

    public static AudienceQualityResult Measure(IReadOnlyList<FollowerProfile> sample, IFollowerClassifier? classifier)
    {
        var n = sample.Count;
        if (n < MinSample || classifier is null)
            return new AudienceQualityResult(null, null, null, n, 0, classifier?.Description ?? NoClassifier);
        var buffer = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var probabilities = buffer.AsSpan(0, n);
            classifier.PredictFakeProbabilities(sample, probabilities);
            var fakes = 0;
            foreach (var p in probabilities)
            {
                if (p >= classifier.Threshold)
                    fakes++;
            }
            var (low, high) = WilsonInterval.Of(n - fakes, n)!.Value;
            return new AudienceQualityResult((double)(n - fakes) / n, low, high, n, fakes, classifier.Description);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public static VettingSignal Signal(AudienceQualityResult result)
    {
        const string expected = "at least 80% real; red flag when the 95% interval lies wholly below 70%";
        if (result.RealShare is null && result.Model == NoClassifier)
        {
            return new VettingSignal("audience_quality", "Audience quality", null, "%", expected, SignalVerdict.NotEnoughData,
                $"Not assessed: {NoClassifier}, so the {Plural.Of(result.SampleSize, "sampled follower")} cannot be classified.",
                Formula, result.SampleSize, null, null);
        }
        if (result.RealShare is not { } share)
        {
            return new VettingSignal("audience_quality", "Audience quality", null, "%", expected, SignalVerdict.NotEnoughData,
                $"Not enough data: {Plural.Of(result.SampleSize, "follower")} sampled, {MinSample} are needed for a usable estimate.",
                Formula, result.SampleSize, null, null);
        }
        var interval = $"{Pct(share)} real (95% CI {Pct(result.Low!.Value)}–{Pct(result.High!.Value)}, N = {result.SampleSize})";
        var (verdict, why) = result.High < ConcernUpperBound
            ? (SignalVerdict.Concern, $"{interval}: even the upper bound is under {Pct(ConcernUpperBound)}, so a large part of the audience looks fake or bought.")
            : share < WatchShare
                ? (SignalVerdict.Watch, $"{interval}: more fake-looking followers than a typical clean account.")
                : (SignalVerdict.Ok, $"{interval}: in line with a genuine audience.");
        return new VettingSignal("audience_quality", "Audience quality", share * 100, "%", expected, verdict, why, Formula, result.SampleSize, null, null);
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
