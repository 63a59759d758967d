using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Discovery;

public class DiscoveryCsvTests
{
    private static DiscoveryHitView Hit(string handle, string? displayName) => new(
        1, 7, "instagram", handle, displayName, 24_000, "micro", "DE", "de", "fitness", 3.4, 0.9, 250,
        new DiscoveryPrice(250, DiscoveryPrice.Estimate, 150, 400, "instagram_post"), 2, 0.75,
        [.. FitExplanation.Components.Select(c => new FitPartView(c.Component, c.Label, 0.125, 0.75, 0.09375, ""))],
        null, 0, 2);

    private static async Task<string[]> RowsAsync(params DiscoveryHitView[] hits)
    {
        var empty = new Dictionary<string, int>();
        var answer = new DiscoveryAnswer(hits.Length, hits, new DiscoveryFacets(empty, empty, empty, empty), "index", 1, [], new SafetyLists(SafetyLists.Workspace, SafetyLists.Default, ""));
        var output = new StringWriter();
        await DiscoveryCsv.WriteAsync(answer, output, CancellationToken.None);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Fact]
    public async Task A_handle_that_starts_like_a_formula_is_written_as_text()
    {
        // An import refuses only spaces and commas in a handle, so a crafted one can read as a spreadsheet formula.
        var rows = await RowsAsync(Hit("=hyperlink(\"http://evil.example\";\"open\")", "+Mara"));

        Assert.StartsWith("1,instagram,\"'=hyperlink(\"\"http://evil.example\"\";\"\"open\"\")\",'+Mara,", rows[1]);
    }

    [Fact]
    public async Task Each_number_is_written_in_the_unit_its_column_names()
    {
        var rows = await RowsAsync(Hit("mara.moves", "Mara"));
        var header = rows[0].Split(',');
        var row = rows[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];

        Assert.Equal("3.4", Cell("er_followers_pct"));
        Assert.Equal("0.9", Cell("audience_quality_share"));
        Assert.Equal("250", Cell("audience_sample_n"));
        Assert.Equal("2", Cell("growth_30d_pct"));
        Assert.Equal("instagram_post", Cell("price_deliverable"));
        Assert.Equal("250", Cell("price_usd"));
    }
}
