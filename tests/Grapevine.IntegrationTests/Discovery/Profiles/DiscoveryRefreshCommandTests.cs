using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Discovery.Profiles;

[Collection(nameof(ConsoleOutput))]
public class DiscoveryRefreshCommandTests
{
    [Theory, BothProviders]
    public async Task Refresh_rebuilds_every_profile_and_a_second_run_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Accounts.Add(new Account { Creator = new Creator { DisplayName = "Anna" }, Platform = Platform.Instagram, Handle = "anna.bakes", Followers = 12_000, Bio = "Sourdough and cakes #baking" });
            db.Accounts.Add(new Account { Creator = new Creator { DisplayName = "Bob" }, Platform = Platform.TikTok, Handle = "bob", Followers = 900 });
            await db.SaveChangesAsync();
        }

        var first = await CliHarness.RunAsync("discovery", "refresh", "--db", database.ConnectionString, "--json");
        Assert.Equal(ExitCodes.Success, first.Exit);
        var report = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(2, report.GetProperty("accounts").GetInt32());
        Assert.Equal(2, report.GetProperty("profilesWritten").GetInt32());
        // The keys of import's profileRefresh, camelCase like every --json.
        Assert.Equal(["provider", "accounts", "profilesWritten", "childRowsWritten", "groups", "seconds", "readSeconds", "buildSeconds", "writeSeconds", "percentileSeconds"],
            report.EnumerateObject().Select(p => p.Name));
        await using (var db = database.CreateContext())
        {
            var anna = await db.Set<SearchProfile>().Include(p => p.Niches).SingleAsync(p => p.Handle == "anna.bakes");
            Assert.Equal("food", anna.PrimaryNiche);
            Assert.Equal(12_000, anna.Followers);
        }

        var second = await CliHarness.RunAsync("discovery", "refresh", "--db", database.ConnectionString);
        Assert.Equal(ExitCodes.Success, second.Exit);
        // The console wraps long lines at its width.
        var text = string.Join(' ', second.Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("of 2 accounts", text);
        Assert.Contains("0 profiles and 0 niche and term rows written", text);
    }
}
