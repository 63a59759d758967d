using System.Text;
using Grapevine.Core.Metrics;

namespace Grapevine.Tests.Metrics;

public class SqliteTimestampTests
{
    [Theory]
    [InlineData("2026-11-23 09:05:07", 0L)]
    [InlineData("2026-11-23 09:05:07.5", 5_000_000L)]
    [InlineData("2026-11-23 09:05:07.1234567", 1_234_567L)]
    public void Ef_core_text_timestamps_parse_to_utc(string text, long fractionTicks)
    {
        var parsed = SqliteMetricRows.ParseTimestamp(Encoding.UTF8.GetBytes(text));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 5, 7, DateTimeKind.Utc).AddTicks(fractionTicks), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Fact]
    public void Other_formats_fall_back_to_the_framework_parser() =>
        Assert.Equal(new DateTime(2026, 11, 23, 9, 5, 7, DateTimeKind.Utc), SqliteMetricRows.ParseTimestamp(Encoding.UTF8.GetBytes("2026-11-23T09:05:07Z")));
}
