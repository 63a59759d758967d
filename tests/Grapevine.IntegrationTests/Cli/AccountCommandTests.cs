using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Cli;

[Collection(nameof(ConsoleOutput))]
public class AccountCommandTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Theory, BothProviders]
    public async Task Account_prints_the_profile_and_every_metric_with_its_definition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var account = new Account { Creator = new Creator { DisplayName = "Anna" }, Platform = Platform.Instagram, Handle = "anna.bakes", Followers = 12_000 };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            db.Posts.Add(new Post { AccountId = account.Id, ExternalId = "p1", PostedAt = Now.AddDays(-2), Type = PostType.Photo, Likes = 300, Comments = 60 });
            await db.SaveChangesAsync();
            await new MetricsRecomputer(db, new FakeTimeProvider(new DateTimeOffset(Now))).RecomputeAsync([account.Id], default);
        }

        var json = await CliHarness.RunAsync("account", "instagram", "@Anna.Bakes", "--db", database.ConnectionString, "--json");
        Assert.Equal(ExitCodes.Success, json.Exit);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("micro", root.GetProperty("profile").GetProperty("tier").GetString());
        var metrics = root.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(MetricDefinitions.All.Count, metrics.Count);
        Assert.Equal(3.0, metrics["er_followers"].GetProperty("value").GetDouble(), 9);
        Assert.Equal(1, metrics["er_followers"].GetProperty("n").GetInt32());
        Assert.Contains("(likes + comments) / followers", metrics["er_followers"].GetProperty("definition").GetString());
        Assert.Equal(JsonValueKind.Null, metrics["er_reach"].GetProperty("value").ValueKind);

        var table = await CliHarness.RunAsync("account", "instagram", "anna.bakes", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, table.Exit);
    }

    [Fact]
    public async Task Unknown_accounts_and_platforms_are_refused_with_their_exit_codes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var missing = await CliHarness.RunAsync("account", "instagram", "nobody", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.InputRejected, missing.Exit);
        Assert.Contains("no instagram account 'nobody'", missing.Error);

        var platform = await CliHarness.RunAsync("account", "myspace", "anna", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.UsageError, platform.Exit);
        Assert.Contains("unknown platform 'myspace'", platform.Error);

        var usage = await CliHarness.RunAsync("account", "instagram");
        Assert.Equal(ExitCodes.UsageError, usage.Exit);
    }
}
