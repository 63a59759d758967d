using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Discovery;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Cli;

/// <summary><c>grapevine search</c> and <c>grapevine lookalikes</c> on the hand-made discovery catalogue.</summary>
[Collection(nameof(ConsoleOutput))]
public class SearchCommandTests
{
    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        // The CLI answers at the real clock, so the catalogue's dates lead up to it.
        await DiscoveryTestData.SeedAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime);
        return database;
    }

    [Theory, BothProviders]
    public async Task Search_prints_a_table_with_the_facets_or_json(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        var table = await CliHarness.RunAsync("search", "vegan", "--db", database.ConnectionString, "--sort", "er");
        Assert.True(table.Exit == ExitCodes.Success, table.Error);
        var lines = table.Out.Split('\n');
        var lena = Array.FindIndex(lines, l => l.Contains("@lena.kocht", StringComparison.Ordinal));
        var zoe = Array.FindIndex(lines, l => l.Contains("@zoe.glow", StringComparison.Ordinal));
        var mara = Array.FindIndex(lines, l => l.Contains("@mara.moves", StringComparison.Ordinal));
        Assert.True(lena >= 0 && lena < zoe && zoe < mara, table.Out);
        Assert.Contains("6.00%", lines[lena]);
        Assert.Contains("$80", lines[lena]);
        Assert.Contains("nano", lines[lena]);
        Assert.Contains("3 accounts match; top 3 by er.", table.Out);
        // The web page is called Discover, so the command answers to that name too.
        var discover = await CliHarness.RunAsync("discover", "vegan", "--db", database.ConnectionString, "--sort", "er");
        Assert.True(discover.Exit == ExitCodes.Success, discover.Error);
        Assert.Equal(lines.Where(l => l.Contains('@')), discover.Out.Split('\n').Where(l => l.Contains('@')));
        var second = await CliHarness.RunAsync("search", "vegan", "--db", database.ConnectionString, "--sort", "er", "--limit", "1", "--offset", "1");
        Assert.True(second.Exit == ExitCodes.Success, second.Error);
        Assert.Contains("@zoe.glow", second.Out);
        Assert.DoesNotContain("@lena.kocht", second.Out);
        Assert.Contains("3 accounts match; 2–2 by er.", second.Out);
        // Sorted by growth, the growth is a column (zoe.glow +8%, mara.moves +2%, lena.kocht +1%), with the warning that it can be bought.
        var byGrowth = await CliHarness.RunAsync("search", "vegan", "--db", database.ConnectionString, "--sort", "growth");
        Assert.True(byGrowth.Exit == ExitCodes.Success, byGrowth.Error);
        Assert.Contains("Growth 30 d", byGrowth.Out);
        Assert.Contains("+8.0%", byGrowth.Out.Split('\n').Single(l => l.Contains("@zoe.glow", StringComparison.Ordinal)));
        Assert.Contains("+1.0%", byGrowth.Out.Split('\n').Single(l => l.Contains("@lena.kocht", StringComparison.Ordinal)));
        Assert.Contains("A fast rise can be bought", byGrowth.Out);
        Assert.DoesNotContain("Growth 30 d", table.Out);
        var past = await CliHarness.RunAsync("search", "vegan", "--db", database.ConnectionString, "--offset", "3");
        Assert.Contains("3 accounts match, none after the first 3 (--offset).", past.Out);
        Assert.Contains("Tiers: nano 2, micro 1", table.Out);
        Assert.Contains("Follower spikes: 3 of the 3 shown have fewer than 6 snapshot intervals, too few to say.", table.Out);
        Assert.Contains("Countries: DE 2, US 1", table.Out);

        var json = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--json", "--niche", "fitness", "--country", "DE,US",
            "--min-followers", "10k", "--limit", "2", "--weights", "niche=0.5");
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.Equal("sqlite postgres".Split(' ')[provider == DatabaseProvider.Sqlite ? 0 : 1], root.GetProperty("engine").GetString());
        var niche = hits[0].GetProperty("fit").EnumerateArray().First();
        Assert.Equal("niche", niche.GetProperty("component").GetString());
        Assert.Contains("fitness", niche.GetProperty("why").GetString());
        Assert.Equal("estimate", hits[0].GetProperty("price").GetProperty("source").GetString());
    }

    [Theory, BothProviders]
    public async Task Search_names_the_follower_spikes_of_the_accounts_shown_and_which_went_viral(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var ids = await DiscoveryTestData.SeedAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime);
            await DiscoveryTestData.SeedSnapshotsAsync(db, ids);
        }

        var result = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--limit", "50");
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        // mara.moves' posts did not rise with its jump: a warning, with the vetting report's reason.
        var mara = result.Out.Split('\n').Single(l => l.StartsWith("⚠ @mara.moves: Follower spike of +30% (", StringComparison.Ordinal));
        Assert.Contains($"and {DiscoveryTestData.SpikeSeen:yyyy-MM-dd}: unexplained, no post from", mara);
        Assert.Contains("; 1 spike in 9 snapshot intervals. 'grapevine vet instagram mara.moves' for the full report.", mara);
        // ana.cafe's came with a post that went viral: organic, not a warning.
        var ana = result.Out.Split('\n').Single(l => l.StartsWith("↑ @ana.cafe: Follower spike of +30% (", StringComparison.Ordinal));
        Assert.Contains($": organic, the post of {DiscoveryTestData.ViralPostAt:yyyy-MM-dd} got 19.4× the account's median engagement (went viral); 1 spike in 9 snapshot intervals.", ana);
        Assert.DoesNotContain("⚠ @ana.cafe", result.Out);
        // kai.lifts grows steadily (no line), lena.kocht has 3 snapshots and the others none: too few to say.
        Assert.DoesNotContain("@kai.lifts:", result.Out);
        Assert.DoesNotContain("@lena.kocht:", result.Out);
        Assert.Matches(@"Follower spikes: \d+ of the \d+ shown have fewer than 6 snapshot intervals", result.Out);
    }

    [Theory, BothProviders]
    public async Task Every_filter_option_reaches_the_query(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        async Task Expect(string[] args, params string[] handles)
        {
            var run = await CliHarness.RunAsync(["search", "--db", database.ConnectionString, "--json", "--limit", "200", .. args]);
            Assert.True(run.Exit == ExitCodes.Success, run.Error);
            var found = JsonDocument.Parse(run.Out).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("handle").GetString()).Order();
            Assert.Equal(handles.Order(), found);
        }

        await Expect(["#vegan @oatly"], "mara.moves");
        await Expect(["vegan", "#skincare"], "zoe.glow");
        await Expect(["#vegan", "--tag-window", "365"], "mara.moves", "lena.kocht");
        await Expect(["--platform", "tiktok"], "tom.travels");
        await Expect(["--tier", "nano", "--language", "de"], "lena.kocht");
        await Expect(["--max-followers", "10000"], "lena.kocht", "zoe.glow");
        await Expect(["--min-er", "4", "--max-er", "5"], "tom.travels", "zoe.glow");
        await Expect(["--min-authenticity", "90"], "mara.moves", "zoe.glow");
        await Expect(["--max-price", "$150"], "lena.kocht", "tom.travels", "zoe.glow");
        await Expect(["--posted-within", "4"], "mara.moves", "lena.kocht", "big.brand");
        await Expect(["--has-email", "--niche", "food"], "lena.kocht");
        await Expect(["--max-sponsored", "20", "--country", "DE"], "mara.moves", "lena.kocht", "ana.cafe");
        await Expect(["--verified"], "kai.lifts", "big.brand");
        await Expect(["--verified", "false", "--tier", "micro"], "mara.moves", "tom.travels", "ana.cafe");
        await Expect(["'; DROP TABLE accounts; --"]);

        var sorted = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--json", "--sort", "followers", "--limit", "1");
        Assert.Equal("big.brand", JsonDocument.Parse(sorted.Out).RootElement.GetProperty("hits")[0].GetProperty("handle").GetString());
    }

    [Theory, BothProviders]
    public async Task Keywords_rank_ignored_words_are_noted_and_json_keeps_unicode(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        var json = await CliHarness.RunAsync("search", "a", "vegan", "--db", database.ConnectionString, "--json", "--keywords", "café,strength",
            "--weights", "keywords=5");
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        // Written as it is: "café", never "caf\u00E9".
        Assert.Contains("café", json.Out);
        Assert.DoesNotContain("\\u00", json.Out);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        var top = root.GetProperty("hits")[0];
        Assert.Equal("mara.moves", top.GetProperty("handle").GetString());
        var keywords = top.GetProperty("fit").EnumerateArray().Single(f => f.GetProperty("component").GetString() == "keywords");
        Assert.Equal(0.5, keywords.GetProperty("value").GetDouble());
        Assert.Equal("Uses 1 of 2 brand keywords: strength (not café).", keywords.GetProperty("why").GetString());
        var notice = Assert.Single(root.GetProperty("notices").EnumerateArray());
        Assert.Equal(("q", "Ignored 'a': single letters and digits are not searchable."),
            (notice.GetProperty("field").GetString(), notice.GetProperty("message").GetString()));

        var table = await CliHarness.RunAsync("search", "a", "vegan", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, table.Exit);
        Assert.Contains("note: TEXT: Ignored 'a': single letters and digits are not searchable.", table.Out);
    }

    [Fact]
    public async Task An_empty_catalogue_is_called_empty_not_a_search_to_widen()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var empty = await CliHarness.RunAsync("search", "vegan", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, empty.Exit);
        Assert.Contains("The catalogue is empty: import creators", empty.Out);
        Assert.DoesNotContain("Widen", empty.Out);

        await using var seeded = await SeededAsync(DatabaseProvider.Sqlite);
        var none = await CliHarness.RunAsync("search", "zzyzxq", "--db", seeded.ConnectionString);
        Assert.Contains("No accounts match. Widen", none.Out);
    }

    [Fact]
    public async Task Bad_options_are_usage_errors_naming_the_option()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);

        var limit = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--limit", "500");
        Assert.Equal(ExitCodes.UsageError, limit.Exit);
        Assert.Equal("error: --limit: is at most 200; got 500", limit.Error.Trim());

        var many = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--tier", "giga", "--min-followers", "lots", "--sort", "best");
        Assert.Equal(ExitCodes.UsageError, many.Exit);
        Assert.Contains("error: --tier: unknown tier 'giga'", many.Error);
        Assert.Contains("error: --min-followers: 'lots' is not a number of followers", many.Error);
        Assert.Contains("error: --sort: unknown sort 'best'", many.Error);
        Assert.DoesNotContain("   at ", many.Error);
        Assert.Empty(many.Out);

        var unknownOption = await CliHarness.RunAsync("search", "--colour", "red");
        Assert.Equal(ExitCodes.UsageError, unknownOption.Exit);
    }

    [Fact]
    public async Task Boolean_options_refuse_values_that_are_not_booleans()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);

        // Before, "maybe" became search text and the search quietly matched nobody.
        var hasEmail = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--has-email", "maybe");
        Assert.Equal(ExitCodes.UsageError, hasEmail.Exit);
        Assert.Equal("error: --has-email: 'maybe' is not true or false", hasEmail.Error.Trim());
        Assert.Empty(hasEmail.Out);

        var spelled = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--json", "--has-email", "yes", "--niche", "food");
        Assert.True(spelled.Exit == ExitCodes.Success, spelled.Error);
        Assert.Equal(["lena.kocht"], JsonDocument.Parse(spelled.Out).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("handle").GetString()));

        var off = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--json", "--has-email", "false", "--limit", "200");
        var all = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--json", "--limit", "200");
        Assert.Equal(JsonDocument.Parse(all.Out).RootElement.GetProperty("total").GetInt32(), JsonDocument.Parse(off.Out).RootElement.GetProperty("total").GetInt32());

        var verified = await CliHarness.RunAsync("search", "--db", database.ConnectionString, "--verified", "blue");
        Assert.Equal(ExitCodes.UsageError, verified.Exit);
        Assert.Equal("error: --verified: 'blue' is not true or false", verified.Error.Trim());

        // Commands whose true/false options are plain flags name the option too, instead of "Unrecognized argument".
        var save = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "100", "--goal", "sales", "--save", "maybe");
        Assert.Equal(ExitCodes.UsageError, save.Exit);
        Assert.Contains("error: --save: 'maybe' is not true or false", save.Error);
        var archived = await CliHarness.RunAsync("campaign", "list", "--workspace", "x", "--archived", "perhaps", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, archived.Exit);
        Assert.Contains("error: --archived: 'perhaps' is not true or false", archived.Error);
    }

    [Theory]
    [InlineData("--min-followers", "99999999999999999999", "error: --min-followers: '99999999999999999999' is more followers than any account has")]
    [InlineData("--max-followers", "-5", "error: --max-followers: must be 0 or more; got -5")]
    [InlineData("--limit", "99999999999", "error: --limit: is at most 200; got 99999999999")]
    [InlineData("--limit", "-99999999999", "error: --limit: is between 1 and 200; got -99999999999")]
    [InlineData("--posted-within", "99999999999", "error: --posted-within: is between 1 and 3650 days; got 99999999999")]
    [InlineData("--tag-window", "-4294967297", "error: --tag-window: is between 1 and 3650 days; got -4294967297")]
    [InlineData("--min-er", "-1", "error: --min-er: is a percentage between 0 and 100; got -1")]
    public async Task Numbers_out_of_range_name_the_option(string option, string value, string error)
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);

        var run = await CliHarness.RunAsync("search", "--db", database.ConnectionString, option, value);

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Equal(error, run.Error.Trim());
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task An_empty_answer_says_what_to_do_next()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        var run = await CliHarness.RunAsync("search", "unicorns", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("No accounts match. Widen", run.Out);
    }

    [Theory, BothProviders]
    public async Task Lookalikes_print_the_reason_for_each(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        var json = await CliHarness.RunAsync("lookalikes", "instagram", "@Lena.Kocht", "--db", database.ConnectionString, "--json", "--limit", "3");
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("lena.kocht", root.GetProperty("of").GetProperty("handle").GetString());
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        Assert.All(hits, h => Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("reason").GetString())));
        Assert.StartsWith("similarity = 0.5 × niche similarity", root.GetProperty("method").GetString());

        var table = await CliHarness.RunAsync("lookalikes", "instagram", "lena.kocht", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, table.Exit);
        Assert.Contains("Creators like @lena.kocht on instagram", table.Out);
        // The footnote gives the formula of the Similarity column, weights and all.
        Assert.Contains("Similarity = 0.5 × niche similarity (cosine of the niche scores) + 0.3 × shared #hashtags and @mentions", table.Out.ReplaceLineEndings(" "));
        Assert.Contains("@" + hits[0].GetProperty("handle").GetString(), table.Out);
    }

    [Fact]
    public async Task Lookalikes_refuse_unknown_accounts_and_bad_options()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);

        var missing = await CliHarness.RunAsync("lookalikes", "instagram", "nobody", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.InputRejected, missing.Exit);
        Assert.Contains("the catalogue has no instagram account 'nobody'", missing.Error);

        var platform = await CliHarness.RunAsync("lookalikes", "myspace", "lena.kocht", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, platform.Exit);
        Assert.Contains("unknown platform 'myspace'", platform.Error);

        var limit = await CliHarness.RunAsync("lookalikes", "instagram", "lena.kocht", "--db", database.ConnectionString, "--limit", "0");
        Assert.Equal(ExitCodes.UsageError, limit.Exit);
        Assert.Contains("--limit: is between 1 and 200; got 0", limit.Error);
    }
}
