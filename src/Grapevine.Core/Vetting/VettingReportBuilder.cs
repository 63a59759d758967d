using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>Computes a vetting report from plain values: no database, so every signal is unit-tested on its own.</summary>
public static class VettingReportBuilder
{
    public static VettingReport Build(
        VettingInput input,
        IFollowerClassifier? classifier,
        EngagementDistribution distribution,
        BrandSafetyLexicon lexicon,
        DateTime now)
    {
        var tier = TierScheme.Default.Classify(input.Followers);
        var observations = input.Posts.Select(p => p.Observation).ToList();
        var er = EngagementRates.ByFollowers(input.Followers, observations);
        var engagement = EngagementBenchmark.Signal(input.Platform, tier, er, distribution);
        var audience = AudienceQuality.Measure(input.FollowerSample, classifier);
        var growth = FollowerSpikes.Detect(input.Platform, input.Handle, input.Snapshots, input.Posts);
        var comments = CommentQuality.Measure(input.Comments);
        var matches = BrandSafetyScanner.Scan(input.Platform, input.Handle, input.Posts, lexicon);

        VettingSignal[] signals =
        [
            AudienceQuality.Signal(audience),
            FollowerSpikes.Signal(growth),
            engagement,
            CommentQuality.Signal(comments),
            SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(observations), ContentMetrics.PaidOrganicRatio(input.Followers, observations)),
            PostingActivity.Signal(input.Posts, now),
            BrandSafetyScanner.Signal(input.Posts, matches, lexicon),
        ];
        var (verdict, reasons) = VerdictRules.Decide(signals);
        var peers = tier is null ? 0 : distribution.Count(input.Platform, tier);
        var percentile = engagement.Verdict == SignalVerdict.NotEnoughData ? null : engagement.Value;
        return new VettingReport(
            input.Platform.Name(), input.Handle, input.Followers, tier, now, verdict, reasons, signals, audience,
            growth.Spikes, growth.Series, comments, matches,
            new EngagementContext(er, percentile, peers, distribution.BuiltAt, EngagementBenchmark.ReferenceSentence(input.Platform, tier)));
    }
}
