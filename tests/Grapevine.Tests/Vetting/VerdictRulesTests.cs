using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class VerdictRulesTests
{
    private static readonly string[] Ids =
        ["audience_quality", "follower_growth", "engagement", "comment_quality", "sponsored_saturation", "posting_activity", "brand_safety"];

    private static List<VettingSignal> All(SignalVerdict verdict, params (string Id, SignalVerdict Verdict)[] overrides) =>
        [.. Ids.Select(id => Signal(id, overrides.FirstOrDefault(o => o.Id == id) is { Id: not null } o ? o.Verdict : verdict))];

    [Fact]
    public void Any_concern_is_red_with_its_reason()
    {
        var (verdict, reasons) = VerdictRules.Decide(All(SignalVerdict.Ok, ("follower_growth", SignalVerdict.Concern), ("brand_safety", SignalVerdict.Watch)));
        Assert.Equal(VettingVerdict.Red, verdict);
        Assert.Equal(["follower growth: follower_growth is Concern"], reasons);
    }

    [Fact]
    public void Any_watch_without_concern_is_amber_listing_each()
    {
        var (verdict, reasons) = VerdictRules.Decide(All(SignalVerdict.Ok, ("engagement", SignalVerdict.Watch), ("brand_safety", SignalVerdict.Watch)));
        Assert.Equal(VettingVerdict.Amber, verdict);
        Assert.Equal(2, reasons.Count);
    }

    [Fact]
    public void Green_needs_the_audience_sample_or_both_growth_and_engagement()
    {
        Assert.Equal(VettingVerdict.Green, VerdictRules.Decide(All(SignalVerdict.Ok)).Verdict);
        Assert.Equal(VettingVerdict.Green, VerdictRules.Decide(All(SignalVerdict.NotEnoughData,
            ("audience_quality", SignalVerdict.Ok))).Verdict);
        Assert.Equal(VettingVerdict.Green, VerdictRules.Decide(All(SignalVerdict.Ok, ("audience_quality", SignalVerdict.NotEnoughData))).Verdict);

        var (verdict, reasons) = VerdictRules.Decide(All(SignalVerdict.Ok,
            ("audience_quality", SignalVerdict.NotEnoughData), ("engagement", SignalVerdict.NotEnoughData)));
        Assert.Equal(VettingVerdict.NotEnoughData, verdict);
        Assert.StartsWith("Authenticity cannot be judged", reasons[0]);
        Assert.Contains(reasons, r => r.StartsWith("engagement:", StringComparison.Ordinal));
        Assert.Equal(VettingVerdict.NotEnoughData, VerdictRules.Decide(All(SignalVerdict.NotEnoughData)).Verdict);
    }

    [Fact]
    public void Green_reasons_say_what_was_checked_and_what_was_not()
    {
        var (_, reasons) = VerdictRules.Decide(All(SignalVerdict.Ok, ("comment_quality", SignalVerdict.NotEnoughData)));
        Assert.StartsWith("No warning sign in audience quality, follower growth, engagement", reasons[0]);
        Assert.Contains("comment quality: comment_quality is NotEnoughData", reasons);
    }

    [Fact]
    public void A_red_flag_stands_even_when_other_evidence_is_missing()
    {
        var verdict = VerdictRules.Decide(All(SignalVerdict.NotEnoughData, ("follower_growth", SignalVerdict.Concern))).Verdict;
        Assert.Equal(VettingVerdict.Red, verdict);
    }
}
