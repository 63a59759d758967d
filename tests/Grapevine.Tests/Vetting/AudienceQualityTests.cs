using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class AudienceQualityTests
{
    private readonly NameClassifier _classifier = new();

    [Fact]
    public void Under_100_sampled_followers_is_not_enough_data_with_the_sample_size()
    {
        var result = AudienceQuality.Measure(Sample(90, 9), _classifier);
        Assert.Null(result.RealShare);
        Assert.Null(result.Low);
        Assert.Equal(99, result.SampleSize);
        var signal = AudienceQuality.Signal(result);
        Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
        Assert.Null(signal.Value);
        Assert.Equal(99, signal.N);
        Assert.Contains("99 followers sampled", signal.Why);
    }

    [Fact]
    public void Gives_the_real_share_with_its_wilson_interval()
    {
        var result = AudienceQuality.Measure(Sample(180, 20), _classifier);
        Assert.Equal(0.9, result.RealShare!.Value, 6);
        Assert.Equal(20, result.FakeCount);
        var (low, high) = WilsonInterval.Of(180, 200)!.Value;
        Assert.Equal(low, result.Low!.Value, 9);
        Assert.Equal(high, result.High!.Value, 9);
        var signal = AudienceQuality.Signal(result);
        Assert.Equal(SignalVerdict.Ok, signal.Verdict);
        Assert.Equal(90, signal.Value!.Value, 6);
        Assert.Contains("N = 200", signal.Why);
        Assert.Contains(_classifier.Description, result.Model);
    }

    [Theory]
    [InlineData(60, 40, SignalVerdict.Concern)] // 60% real, upper bound 69.0% < 70%
    [InlineData(150, 50, SignalVerdict.Watch)] // 75% real, upper bound 80.5%
    [InlineData(640, 360, SignalVerdict.Concern)] // 64%, a large sample: the interval is narrow
    [InlineData(66, 34, SignalVerdict.Watch)] // 66% but only 100 sampled: upper bound 74.5% is not wholly under 70%
    [InlineData(80, 20, SignalVerdict.Ok)]
    public void Reads_the_share_against_the_thresholds(int real, int fake, SignalVerdict expected) =>
        Assert.Equal(expected, AudienceQuality.Signal(AudienceQuality.Measure(Sample(real, fake), _classifier)).Verdict);

    [Fact]
    public void Without_a_classifier_the_audience_is_not_assessed()
    {
        var result = AudienceQuality.Measure(Sample(150, 50), null);
        Assert.Null(result.RealShare);
        var signal = AudienceQuality.Signal(result);
        Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
        Assert.Contains("no follower classifier is installed", signal.Why);
        Assert.Equal(200, signal.N);
    }
}
