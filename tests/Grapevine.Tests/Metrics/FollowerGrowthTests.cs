using Grapevine.Core.Metrics;
using static Grapevine.Tests.Metrics.PostBuilder;

namespace Grapevine.Tests.Metrics;

public class FollowerGrowthTests
{
    private static SnapshotObservation At(int daysAgo, long? followers) => new(Now.AddDays(-daysAgo), followers);

    [Fact]
    public void Growth_compares_the_latest_snapshot_with_the_one_nearest_the_period_before()
    {
        var snapshots = new[] { At(95, 800), At(88, 900), At(33, 1_000), At(29, 1_050), At(0, 1_100) };

        var g30 = FollowerGrowth.Over30Days(snapshots);
        Assert.Equal((1_100 - 1_050) * 100.0 / 1_050, g30.Value!.Value, 9);
        Assert.Equal(Now.AddDays(-29), g30.WindowStart);
        Assert.Equal(Now, g30.WindowEnd);

        var g90 = FollowerGrowth.Over90Days(snapshots);
        Assert.Equal(Now.AddDays(-88), g90.WindowStart);
        Assert.Equal(100.0 * 200 / 900, g90.Value!.Value, 9);
    }

    [Fact]
    public void Growth_is_unknown_without_a_snapshot_near_the_start_of_the_period()
    {
        var snapshots = new[] { At(50, 900), At(0, 1_000) };
        Assert.Null(FollowerGrowth.Over30Days(snapshots).Value);
        Assert.Null(FollowerGrowth.Over90Days(snapshots).Value);
    }

    [Fact]
    public void Growth_is_unknown_from_a_single_snapshot_or_a_zero_start()
    {
        Assert.Null(FollowerGrowth.Over30Days([At(0, 1_000)]).Value);
        Assert.Null(FollowerGrowth.Over30Days([At(30, 0), At(0, 1_000)]).Value);
        Assert.Null(FollowerGrowth.Over30Days([At(30, null), At(0, 1_000)]).Value);
    }

    [Fact]
    public void Losing_followers_is_negative_growth()
    {
        var g = FollowerGrowth.Over30Days([At(30, 1_000), At(0, 900)]);
        Assert.Equal(-10.0, g.Value!.Value, 9);
    }
}
