using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Metrics;

public class MetricsRecomputerTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<(long Touched, long Untouched)> SeedAsync(GrapevineDb db)
    {
        var creator = new Creator { DisplayName = "Anna" };
        var touched = new Account { Creator = creator, Platform = Platform.Instagram, Handle = "anna", Followers = 20_000 };
        var untouched = new Account { Creator = creator, Platform = Platform.TikTok, Handle = "anna", Followers = 5_000 };
        db.AddRange(touched, untouched);
        await db.SaveChangesAsync();
        for (var i = 0; i < 14; i++)
        {
            db.Posts.Add(new Post
            {
                AccountId = touched.Id,
                ExternalId = $"p{i}",
                PostedAt = Now.AddDays(-3 * i - 1),
                Type = i == 0 ? PostType.Story : PostType.Photo,
                Likes = 400 + i,
                Comments = 20,
                // Every third post is disclosed with a hashtag, one more only through the platform label.
                Hashtags = i % 3 == 0 ? "summer ad skincare" : "summer skincare",
                IsPaidPartnership = i == 4 ? true : null,
            });
        }
        db.AccountSnapshots.AddRange(
            new AccountSnapshot { AccountId = touched.Id, At = Now.AddDays(-30), Followers = 16_000 },
            new AccountSnapshot { AccountId = touched.Id, At = Now.AddDays(-1), Followers = 20_000 });
        await db.SaveChangesAsync();
        return (touched.Id, untouched.Id);
    }

    [Theory, BothProviders]
    public async Task Recompute_stores_every_metric_with_its_formula_and_the_tier(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (touched, untouched) = await SeedAsync(db);

        await new MetricsRecomputer(db, new FakeTimeProvider(new DateTimeOffset(Now))).RecomputeAsync([touched], default);

        await using var read = database.CreateContext();
        var metrics = await read.AccountMetrics.Where(m => m.AccountId == touched).ToDictionaryAsync(m => m.Name);
        Assert.Equal(MetricDefinitions.All.Select(d => d.Name).Order(), metrics.Keys.Order());
        var er = metrics["er_followers"];
        Assert.Equal(12, er.N);
        Assert.Equal(MetricDefinitions.ErByFollowers.Formula, er.Formula);
        // Feed posts 1..12 have likes 401..412 + 20 comments over 20,000 followers; median of 421..432 = 426.5.
        Assert.Equal(426.5 / 200, er.Value!.Value, 9);
        Assert.Null(metrics["er_reach"].Value);
        Assert.Equal(25.0, metrics["follower_growth_30d"].Value!.Value, 9);
        // Of the 13 feed posts, i = 3, 6, 9, 12 carry #ad and i = 4 the platform label.
        Assert.Equal(5 * 100.0 / 13, metrics["sponsored_share"].Value!.Value, 9);
        Assert.Equal("micro", (await read.Accounts.SingleAsync(a => a.Id == touched)).Tier);
        Assert.Empty(await read.AccountMetrics.Where(m => m.AccountId == untouched).ToListAsync());
        Assert.Null((await read.Accounts.SingleAsync(a => a.Id == untouched)).Tier);
    }

    [Theory, BothProviders]
    public async Task Recomputing_unchanged_data_on_the_same_day_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (touched, _) = await SeedAsync(db);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));

        await new MetricsRecomputer(db, time).RecomputeAsync([touched], default);
        time.Advance(TimeSpan.FromHours(3));
        await new MetricsRecomputer(db, time).RecomputeAsync([touched], default);

        await using var read = database.CreateContext();
        Assert.All(await read.AccountMetrics.ToListAsync(), m => Assert.Equal(Now, m.ComputedAt));
    }

    [Theory, BothProviders]
    public async Task Recompute_joins_the_callers_transaction_and_rolls_back_with_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (touched, _) = await SeedAsync(db);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new MetricsRecomputer(db, TimeProvider.System).RecomputeAsync([touched], default);
            await transaction.RollbackAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(0, await read.AccountMetrics.CountAsync());
    }
}
