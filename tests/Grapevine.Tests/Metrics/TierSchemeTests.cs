using Grapevine.Core.Metrics;

namespace Grapevine.Tests.Metrics;

public class TierSchemeTests
{
    [Theory]
    [InlineData(0L, "emerging")]
    [InlineData(999L, "emerging")]
    [InlineData(1_000L, "nano")]
    [InlineData(9_999L, "nano")]
    [InlineData(10_000L, "micro")]
    [InlineData(99_999L, "micro")]
    [InlineData(100_000L, "macro")]
    [InlineData(1_000_000L, "mega")]
    [InlineData(null, null)]
    public void Default_scheme_follows_the_design(long? followers, string? tier) =>
        Assert.Equal(tier, TierScheme.Default.Classify(followers));

    [Theory]
    [InlineData(500L, null)]
    [InlineData(499_999L, "macro")]
    [InlineData(500_000L, "mega")]
    [InlineData(1_000_000L, "celebrity")]
    public void Alternative_scheme_has_celebrities(long? followers, string? tier) =>
        Assert.Equal(tier, TierScheme.Alternative.Classify(followers));

    [Fact]
    public void Schemes_are_chosen_by_name() =>
        Assert.Same(TierScheme.Alternative, TierScheme.Named("Alternative"));

    [Fact]
    public void Unknown_scheme_names_are_refused() =>
        Assert.Throws<ArgumentException>(() => TierScheme.Named("huge"));
}
