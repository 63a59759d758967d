using Grapevine.Core.Metrics;
using static Grapevine.Tests.Metrics.PostBuilder;

namespace Grapevine.Tests.Metrics;

public class AccountMetricsCalculatorTests
{
    [Fact]
    public void Every_defined_metric_is_computed_once_and_unknowns_are_null()
    {
        var values = AccountMetricsCalculator.Compute(followers: null, posts: [], snapshots: [], Now);
        Assert.Equal(MetricDefinitions.All.Select(d => d.Name), values.Select(v => v.Name));
        Assert.All(values, v => Assert.Null(v.Value));
        Assert.All(values, v => Assert.Equal(MetricDefinitions.Find(v.Name)!.Formula, v.Formula));
    }

    [Fact]
    public void An_account_with_posts_gets_values_that_say_how_many_posts_they_used()
    {
        var values = AccountMetricsCalculator.Compute(10_000, [Post(1), Post(2), Post(3)], [], Now);
        var er = values.Single(v => v.Name == "er_followers");
        Assert.Equal(1.1, er.Value!.Value, 9);
        Assert.Equal(3, er.N);
    }
}
