using Grapevine.Core.Vetting;

namespace Grapevine.Tests.Vetting;

public class WilsonIntervalTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(95, 100, 0.8882, 0.9785)]
    public void Matches_the_published_values(int successes, int n, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(successes, n)!.Value;
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Is_unknown_without_observations_and_rejects_impossible_counts()
    {
        Assert.Null(WilsonInterval.Of(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(-1, 10));
    }

    [Fact]
    public void Narrows_as_the_sample_grows()
    {
        var small = WilsonInterval.Of(8, 10)!.Value;
        var large = WilsonInterval.Of(800, 1000)!.Value;
        Assert.True(large.High - large.Low < (small.High - small.Low) / 5);
        Assert.InRange(0.8, large.Low, large.High);
    }
}
