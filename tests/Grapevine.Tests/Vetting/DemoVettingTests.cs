using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using Grapevine.Tests.Demo;
using Xunit.Abstractions;

namespace Grapevine.Tests.Vetting;

/// <summary>
/// The demo catalogue's planted fake audiences (DemoAccountTruth) are what vetting must find: measured over the
/// demo sample, with the catalogue distribution built from the same accounts.
/// </summary>
public class DemoVettingTests(DemoSample sample, ITestOutputHelper output) : IClassFixture<DemoSample>
{
    [Fact]
    public void Planted_fake_audiences_are_red_and_clean_accounts_are_not()
    {
        var inputs = sample.Accounts.Select(a => (a.Truth, Input: VettingInputRows.From(a.Account, a.Posts, a.Snapshots, a.Followers, a.Comments))).ToList();
        var distribution = new EngagementDistribution(
            inputs.Select(x => (x.Input.Platform, Tier: TierScheme.Default.Classify(x.Input.Followers),
                    Er: EngagementRates.ByFollowers(x.Input.Followers, x.Input.Posts.Select(p => p.Observation)).Value))
                .Where(x => x.Tier is not null && x.Er is not null)
                .Select(x => (x.Platform, x.Tier!, x.Er!.Value)),
            DemoSample.AsOf);
        var classifier = AuthenticityModel.LoadDefault();
        var reports = inputs.Select(x => (x.Truth, Report: VettingReportBuilder.Build(x.Input, classifier, distribution, BrandSafetyLexicon.Default, DemoSample.AsOf))).ToList();

        var fake = reports.Where(r => r.Truth.IsFakeAudience).ToList();
        var clean = reports.Where(r => !r.Truth.IsFakeAudience).ToList();
        double Rate(IEnumerable<(DemoAccountTruth Truth, VettingReport Report)> set, Func<VettingReport, bool> test) =>
            set.Count(r => test(r.Report)) / (double)set.Count();

        var fakeRed = Rate(fake, r => r.Verdict == VettingVerdict.Red);
        var cleanRed = Rate(clean, r => r.Verdict == VettingVerdict.Red);
        output.WriteLine($"fake {fake.Count}: red {fakeRed:P1}, amber {Rate(fake, r => r.Verdict == VettingVerdict.Amber):P1}, green {Rate(fake, r => r.Verdict == VettingVerdict.Green):P1}, n/a {Rate(fake, r => r.Verdict == VettingVerdict.NotEnoughData):P1}");
        output.WriteLine($"clean {clean.Count}: red {cleanRed:P1}, amber {Rate(clean, r => r.Verdict == VettingVerdict.Amber):P1}, green {Rate(clean, r => r.Verdict == VettingVerdict.Green):P1}, n/a {Rate(clean, r => r.Verdict == VettingVerdict.NotEnoughData):P1}");
        foreach (var id in reports[0].Report.Signals.Select(s => s.Id))
        {
            string Dist(IEnumerable<(DemoAccountTruth Truth, VettingReport Report)> set) => string.Join(" ", Enum.GetValues<SignalVerdict>()
                .Select(v => $"{v}={Rate(set, r => r.Signals.Single(s => s.Id == id).Verdict == v):P0}"));
            output.WriteLine($"{id}: fake [{Dist(fake)}] clean [{Dist(clean)}]");
        }
        var viral = clean.Where(r => r.Truth.ViralPostDates.Count > 0).ToList();
        output.WriteLine($"viral clean {viral.Count}: organic spike found {Rate(viral, r => r.Spikes.Any(s => s.Organic)):P1}, red {Rate(viral, r => r.Verdict == VettingVerdict.Red):P1}");
        // The audience sample alone, where there is one (about a fifth of the demo accounts).
        var fakeSampled = fake.Where(r => r.Report.Audience.RealShare is not null).ToList();
        var cleanSampled = clean.Where(r => r.Report.Audience.RealShare is not null).ToList();
        SignalVerdict Audience(VettingReport r) => r.Signals.Single(s => s.Id == "audience_quality").Verdict;
        var fakeAudienceFlagged = Rate(fakeSampled, r => Audience(r) is SignalVerdict.Concern or SignalVerdict.Watch);
        var cleanAudienceConcern = Rate(cleanSampled, r => Audience(r) == SignalVerdict.Concern);
        output.WriteLine($"audience sample: fake {fakeSampled.Count} flagged {fakeAudienceFlagged:P1} (concern {Rate(fakeSampled, r => Audience(r) == SignalVerdict.Concern):P1}); " +
            $"clean {cleanSampled.Count} concern {cleanAudienceConcern:P1}, watch {Rate(cleanSampled, r => Audience(r) == SignalVerdict.Watch):P1}");

        Assert.True(fakeAudienceFlagged >= 0.85, $"the audience sample flags only {fakeAudienceFlagged:P1} of sampled fake audiences");
        Assert.True(cleanAudienceConcern <= 0.02, $"the audience sample calls {cleanAudienceConcern:P1} of sampled clean audiences a concern");
        Assert.True(fakeRed >= 0.95, $"only {fakeRed:P1} of planted fake audiences are red");
        Assert.True(cleanRed <= 0.02, $"{cleanRed:P1} of clean accounts are red");
        Assert.True(Rate(viral, r => r.Verdict == VettingVerdict.Red) <= 0.02, "viral accounts must not read as bought");
    }
}
