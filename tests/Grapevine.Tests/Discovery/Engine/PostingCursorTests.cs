using Grapevine.Core.Discovery.Engine;

namespace Grapevine.Tests.Discovery.Engine;

public class PostingCursorTests
{
    [Fact]
    public void Seeking_finds_the_first_row_at_least_the_target_across_built_and_appended_rows()
    {
        var random = new Random(11);
        for (var round = 0; round < 50; round++)
        {
            var built = Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.Next(10_000)).Distinct().Order().ToArray();
            var appended = Enumerable.Range(0, random.Next(0, 20)).Select(_ => 10_000 + random.Next(500)).Distinct().Order().ToList();
            var all = built.Concat(appended).ToArray();
            var cursor = new PostingCursor(built, null, 0, built.Length, appended.Count == 0 ? null : appended, null);
            Assert.Equal(all.Length, cursor.Length);

            var target = 0;
            while (true)
            {
                target += random.Next(1, 400);
                cursor.Seek(target);
                var expected = Array.FindIndex(all, r => r >= target);
                if (expected < 0)
                {
                    Assert.True(cursor.Done);
                    break;
                }
                Assert.Equal(all[expected], cursor.Row);
            }
        }
    }

    [Theory]
    [InlineData("2026-11-20 12:00:00")]
    [InlineData("2026-11-20 12:00:00.5")]
    [InlineData("2026-11-20 12:00:00.1234567")]
    [InlineData("2026-11-20T12:00:00.0000001Z")]
    public void SQLite_times_read_like_the_provider_reads_them(string text) =>
        Assert.Equal(
            DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal).Ticks,
            IndexReader.SqliteTicks(text));
}
