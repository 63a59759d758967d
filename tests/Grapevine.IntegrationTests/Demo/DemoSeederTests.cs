using Grapevine.Cli;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Demo;

[Collection(nameof(ConsoleOutput))]
public class DemoSeederTests
{
    private static readonly DateTime AsOf = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DemoOptions Options = new(300, 42, AsOf);

    private sealed class Recorder : IProgress<DemoProgress>
    {
        public List<DemoProgress> Reports { get; } = [];

        public void Report(DemoProgress value)
        {
            lock (Reports)
                Reports.Add(value);
        }
    }

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(AsOf.AddHours(9)));

    [Theory, BothProviders]
    public async Task Seeding_300_creators_writes_every_row_and_their_metrics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var expected = new DemoGenerator(Options).Generate().ToList();
        var progress = new Recorder();

        DemoSeedResult result;
        await using (var db = database.CreateContext())
            result = await new DemoSeeder(db, Clock()).SeedAsync(Options, progress, default);

        Assert.Equal(300, result.Accounts);
        Assert.Equal(expected.Sum(a => a.Posts.Count), result.Posts);
        Assert.Equal(expected.Sum(a => a.Snapshots.Count), result.Snapshots);
        Assert.Equal(expected.Sum(a => a.Followers.Count), result.Followers);
        Assert.Equal(expected.Sum(a => a.Comments.Count), result.Comments);
        Assert.Equal(expected.Sum(a => a.RowCount), result.Inserted);
        Assert.Equal(0, result.Updated);
        Assert.Equal(1, progress.Reports[^1].Fraction);

        await using var read = database.CreateContext();
        Assert.Equal(result.Accounts, await read.Accounts.CountAsync());
        Assert.Equal(result.Accounts, await read.Creators.CountAsync());
        Assert.Equal(result.Posts, await read.Posts.CountAsync());
        Assert.Equal(result.Snapshots, await read.AccountSnapshots.CountAsync());
        Assert.Equal(result.Followers, await read.FollowerSamples.CountAsync());
        Assert.Equal(result.Comments, await read.CommentSamples.CountAsync());

        // Metrics and tiers exist for every account, and ER by followers is known wherever there are feed posts.
        var metrics = await read.AccountMetrics.ToListAsync();
        Assert.Equal(300 * MetricDefinitions.All.Count, metrics.Count);
        var withFeed = expected.Where(a => a.Posts.Any(p => p.Type.IsFeed())).Select(a => (a.Account.Platform, a.Account.Handle)).ToHashSet();
        var accounts = await read.Accounts.ToDictionaryAsync(a => a.Id);
        foreach (var metric in metrics.Where(m => m.Name == MetricDefinitions.ErByFollowers.Name))
            Assert.Equal(withFeed.Contains((accounts[metric.AccountId].Platform, accounts[metric.AccountId].Handle)), metric.Value is not null);
        Assert.All(accounts.Values, a => Assert.Equal(DemoTiers.NameOf(a.Followers!.Value), a.Tier));
        Assert.Contains(metrics, m => m.Name == MetricDefinitions.FollowerGrowth30.Name && m.Value is not null);
        Assert.Contains(metrics, m => m.Name == MetricDefinitions.SponsoredShare.Name && m.Value > 0);
    }

    [Theory, BothProviders]
    public async Task Stored_rows_are_the_generated_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = Options with { Creators = 40 };
        await using (var db = database.CreateContext())
            await new DemoSeeder(db, Clock()).SeedAsync(options, null, default);

        var generated = new DemoGenerator(options).Generate(17);
        await using var read = database.CreateContext();
        var account = await read.Accounts.SingleAsync(a => a.Platform == generated.Account.Platform && a.Handle == generated.Account.Handle);
        Assert.Equal(generated.Account.Followers, account.Followers);
        Assert.Equal(generated.Account.Bio, account.Bio);
        Assert.Equal(generated.Account.Category, account.Category);
        var posts = await read.Posts.Where(p => p.AccountId == account.Id).OrderBy(p => p.PostedAt).ToListAsync();
        Assert.Equal(generated.Posts.Select(p => (p.PostId, p.PostedAt, p.Type, p.Caption, p.Likes, p.Views, p.IsPaidPartnership)),
            posts.Select(p => (p.ExternalId, p.PostedAt, p.Type, p.Caption, p.Likes, p.Views, p.IsPaidPartnership)));
        var snapshots = await read.AccountSnapshots.Where(s => s.AccountId == account.Id).OrderBy(s => s.At).Select(s => s.Followers).ToListAsync();
        Assert.Equal(generated.Snapshots.Select(s => s.Followers), snapshots);
    }

    [Theory, BothProviders]
    public async Task Seeding_the_same_demo_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = Options with { Creators = 60 };
        await using (var db = database.CreateContext())
            await new DemoSeeder(db, Clock()).SeedAsync(options, null, default);
        var before = await Snapshot(database);

        DemoSeedResult again;
        await using (var db = database.CreateContext())
            again = await new DemoSeeder(db, Clock()).SeedAsync(options, null, default);

        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.Equal(60, again.Accounts);
        Assert.Equal(before, await Snapshot(database));
    }

    private sealed class CancelAfterFirstChunk(CancellationTokenSource cancel) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            if (value.Fraction is > 0 and < 1)
                cancel.Cancel();
        }
    }

    [Theory, BothProviders]
    public async Task A_cancelled_seed_leaves_nothing_behind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var cancel = new CancellationTokenSource();

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new DemoSeeder(db, Clock()).SeedAsync(Options with { Creators = 1200 }, new CancelAfterFirstChunk(cancel), cancel.Token));
        }

        await using var read = database.CreateContext();
        Assert.Equal(0, await read.Accounts.CountAsync());
        Assert.Equal(0, await read.Posts.CountAsync());
    }

    [Theory, BothProviders]
    public async Task Demo_command_seeds_the_database_named_by_db(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var exit = await GrapevineCommand.InvokeAsync(["demo", "--db", database.ConnectionString, "--creators", "25", "--seed", "5", "--as-of", "2026-11-23", "--json"]);

        Assert.Equal(ExitCodes.Success, exit);
        await using var read = database.CreateContext();
        Assert.Equal(25, await read.Accounts.CountAsync());
        var first = new DemoGenerator(new DemoOptions(25, 5, AsOf)).Generate(0).Account;
        Assert.True(await read.Accounts.AnyAsync(a => a.Platform == first.Platform && a.Handle == first.Handle));
    }

    [Theory]
    [InlineData("--creators 0")]
    [InlineData("--creators 2000000")]
    [InlineData("--creators 10 --as-of 23.11.2026")]
    [InlineData("--creators many")]
    public async Task Demo_command_refuses_bad_arguments_with_a_usage_error(string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"grapevine-demo-{Guid.NewGuid():N}.db");
        var exit = await GrapevineCommand.InvokeAsync(["demo", "--db", file, .. arguments.Split(' ')]);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.False(File.Exists(file), "a refused command does not create the database");
    }

    private static async Task<(int, int, int, int, int, string)> Snapshot(TestDatabase database)
    {
        await using var read = database.CreateContext();
        var updated = await read.Accounts.OrderBy(a => a.Id).Select(a => a.UpdatedAt).ToListAsync();
        return (await read.Accounts.CountAsync(), await read.Posts.CountAsync(), await read.AccountSnapshots.CountAsync(),
            await read.FollowerSamples.CountAsync(), await read.AccountMetrics.CountAsync(),
            string.Join(",", updated.Select(u => u.Ticks)));
    }
}
