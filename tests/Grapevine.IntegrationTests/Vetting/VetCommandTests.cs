using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Cli.Commands;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Vetting;

[Collection(nameof(ConsoleOutput))]
public class VetCommandTests
{
    [Theory, BothProviders]
    public async Task Vet_prints_the_verdict_its_reasons_and_every_signal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        var shipped = VetCommand.Classifier;
        VetCommand.Classifier = () => new UsernameClassifier();
        try
        {
            var json = await CliHarness.RunAsync("vet", "instagram", "@Bought.Followers", "--db", database.ConnectionString, "--json");
            Assert.Equal(ExitCodes.Success, json.Exit);
            var root = JsonDocument.Parse(json.Out).RootElement;
            Assert.Equal("red", root.GetProperty("verdict").GetString());
            Assert.Equal(7, root.GetProperty("signals").GetArrayLength());
            var audience = root.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "audience_quality");
            Assert.Equal("concern", audience.GetProperty("verdict").GetString());
            Assert.Equal(3, root.GetProperty("comments").GetProperty("counts").EnumerateObject().Count(p => p.Value.GetInt32() > 0));
            Assert.True(root.GetProperty("comments").GetProperty("counts").TryGetProperty("emoji_only", out _));
            Assert.Single(root.GetProperty("spikes").EnumerateArray());

            var table = await CliHarness.RunAsync("vet", "instagram", "bought.followers", "--db", database.ConnectionString);
            Assert.Equal(ExitCodes.Success, table.Exit);
            Assert.Contains("RED", table.Out);
            Assert.Contains("Audience quality: 60% real (95% CI", table.Out);
            Assert.Contains("unexplained", table.Out);
            Assert.Contains("https://www.instagram.com/p/boug04/", table.Out);

            // Every signal gives its N and window; values read as on the account page.
            Assert.Contains("N = 150, window none", table.Out); // the follower sample has no dates
            Assert.Contains("N = 20, window 2026-11-01 – 2026-11-21", table.Out); // the first and last comment
            Assert.Contains("N = 26, window 2026-05-25 – 2026-11-23", table.Out);
            // What a signal expects is a sentence under "Why", not a column squeezed to a word a line at 80 columns.
            Assert.Contains("  expected: at least 80% real;", table.Out);
            var header = table.Out.Split('\n').Single(l => l.Contains("│ Signal", StringComparison.Ordinal));
            Assert.DoesNotContain("Expected", header);
            Assert.All(table.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"wider than 80 columns: {line}"));
            Assert.Contains("1 suspect spike ", table.Out);
            Assert.DoesNotContain("1 suspect spikes", table.Out);
            Assert.Contains("60.0%", table.Out);
            Assert.DoesNotContain("60 %", table.Out);

            // The JSON already carries each window under its own keys.
            var comments = root.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "comment_quality");
            Assert.Equal(VettingTestData.CommentAt(4), comments.GetProperty("windowStart").GetDateTime().ToUniversalTime());
            Assert.Equal(VettingTestData.CommentAt(0), comments.GetProperty("windowEnd").GetDateTime().ToUniversalTime());
        }
        finally
        {
            VetCommand.Classifier = shipped;
        }
    }

    [Fact]
    public async Task Unknown_accounts_and_platforms_are_refused_with_their_exit_codes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var missing = await CliHarness.RunAsync("vet", "instagram", "nobody", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.InputRejected, missing.Exit);
        Assert.Contains("no instagram account 'nobody'", missing.Error);

        var platform = await CliHarness.RunAsync("vet", "myspace", "anna", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, platform.Exit);
        Assert.Contains("unknown platform 'myspace'", platform.Error);

        Assert.Equal(ExitCodes.UsageError, (await CliHarness.RunAsync("vet", "instagram")).Exit);
    }

    [Fact]
    public async Task An_empty_handle_is_a_usage_error_that_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var blank = await CliHarness.RunAsync("vet", "instagram", " ", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, blank.Exit);
        Assert.Contains("the handle is empty", blank.Error);
        Assert.DoesNotContain("no instagram account", blank.Error);

        var second = await CliHarness.RunAsync("vet", "instagram", "anna", "@", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, second.Exit);
        Assert.Contains("handle 2 of 2 is empty", second.Error);
    }

    [Fact]
    public async Task Several_accounts_are_vetted_at_once_as_csv_json_or_tables_and_an_unknown_one_is_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        var shipped = VetCommand.Classifier;
        VetCommand.Classifier = () => new UsernameClassifier();
        try
        {
            var csv = await CliHarness.RunAsync("vet", "instagram", VettingTestData.Bought, "@" + VettingTestData.Steady, "--csv", "--db", database.ConnectionString);
            Assert.Equal(ExitCodes.Success, csv.Exit);
            var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.Equal(string.Join(",", Grapevine.Core.Vetting.VettingCsv.Header), lines[0].TrimEnd('\r'));
            Assert.StartsWith($"instagram,{VettingTestData.Bought},", lines[1]);
            Assert.Contains(",red,", lines[1]);
            Assert.StartsWith($"instagram,{VettingTestData.Steady},", lines[2]);
            Assert.Contains(",green,", lines[2]);

            var json = await CliHarness.RunAsync("vet", "instagram", VettingTestData.Bought, VettingTestData.Steady, "--json", "--db", database.ConnectionString);
            Assert.Equal(["red", "green"], JsonDocument.Parse(json.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()));

            var tables = await CliHarness.RunAsync("vet", "instagram", VettingTestData.Bought, VettingTestData.Steady, "--db", database.ConnectionString);
            Assert.Contains($"Vetting @{VettingTestData.Bought}", tables.Out);
            Assert.Contains($"Vetting @{VettingTestData.Steady}", tables.Out);

            var missing = await CliHarness.RunAsync("vet", "instagram", VettingTestData.Steady, "nobody", "ghost", "--csv", "--db", database.ConnectionString);
            Assert.Equal(ExitCodes.InputRejected, missing.Exit);
            Assert.Contains("no instagram account 'nobody'", missing.Error);
            Assert.Contains("no instagram account 'ghost'", missing.Error);
            Assert.Equal("", missing.Out.Trim());
        }
        finally
        {
            VetCommand.Classifier = shipped;
        }
    }
}
