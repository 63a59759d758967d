using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Import;

/// <summary>Runs <c>grapevine import</c> in-process; these tests swap Console.Out, so they never run in parallel with others.</summary>
[Collection(nameof(ConsoleOutput))]
public class ImportCommandTests
{
    private static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => CliHarness.RunAsync(args);

    [Fact]
    public async Task Help_names_the_kinds_in_words_that_wrap_at_80_columns()
    {
        var help = await RunAsync("import", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--kind <kind> (REQUIRED)", help.Out);
        Assert.Contains("What the file holds: accounts, posts, snapshots, followers, comments.", help.Out);
        Assert.DoesNotContain("<accounts|", help.Out);
    }

    [Theory, BothProviders]
    public async Task Exit_codes_say_whether_every_row_landed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        var posts = ImportFixtures.Write(ImportFixtures.PostsJsonLines, ".jsonl");
        var partial = ImportFixtures.Write("platform,handle,followers\ninstagram,new_one,10\ninstagram,bad_one,lots\n");
        var badHeader = ImportFixtures.Write("platform,handle,folowers\ninstagram,x,1\n");
        try
        {
            var clean = await RunAsync("import", accounts, "--kind", "accounts", "--db", db);
            Assert.Equal(ExitCodes.Success, clean.Exit);
            Assert.Contains("Rows read", clean.Out);
            Assert.Contains("Accounts recomputed", clean.Out);
            Assert.DoesNotContain("Rejected rows", clean.Out);

            var json = await RunAsync("import", posts, "--kind", "posts", "--db", db, "--json");
            Assert.Equal(ExitCodes.Success, json.Exit);
            var report = JsonDocument.Parse(json.Out.Trim()).RootElement;
            Assert.Equal(("posts", "jsonl", 4, 4, 0), (report.GetProperty("kind").GetString(), report.GetProperty("format").GetString(),
                report.GetProperty("rowsRead").GetInt32(), report.GetProperty("inserted").GetInt32(), report.GetProperty("rejected").GetInt32()));

            var someRejected = await RunAsync("import", partial, "--kind", "accounts", "--db", db);
            Assert.Equal(ExitCodes.InputRejected, someRejected.Exit);
            Assert.Contains("'lots' is not a whole number", someRejected.Out);
            Assert.Contains(partial + ".rejected.csv", someRejected.Out);
            Assert.True(File.Exists(partial + ".rejected.csv"));

            var wholeFile = await RunAsync("import", badHeader, "--kind", "accounts", "--db", db);
            Assert.Equal(ExitCodes.InputRejected, wholeFile.Exit);
            Assert.Contains("unknown column 'folowers'", wholeFile.Error);
            Assert.Contains("nothing was imported", wholeFile.Error);

            var wholeFileJson = await RunAsync("import", badHeader, "--kind", "accounts", "--db", db, "--json");
            Assert.Equal(ExitCodes.InputRejected, wholeFileJson.Exit);
            Assert.StartsWith("line 1: unknown column 'folowers'",
                JsonDocument.Parse(wholeFileJson.Out.Trim()).RootElement.GetProperty("fileError").GetString());

            Assert.Equal(ExitCodes.UsageError, (await RunAsync("import", accounts, "--db", db)).Exit);
            Assert.Equal(ExitCodes.UsageError, (await RunAsync("import", accounts, "--kind", "likes", "--db", db)).Exit);
            var missing = await RunAsync("import", accounts + ".nope", "--kind", "accounts", "--db", db);
            Assert.Equal(ExitCodes.UsageError, missing.Exit);
            Assert.Contains("file not found", missing.Error);

            await using var context = database.CreateContext();
            Assert.Equal(4, await context.Accounts.CountAsync());
            Assert.Equal(4, await context.Posts.CountAsync());
        }
        finally
        {
            ImportFixtures.Delete(accounts, posts, partial, badHeader);
        }
    }
}
