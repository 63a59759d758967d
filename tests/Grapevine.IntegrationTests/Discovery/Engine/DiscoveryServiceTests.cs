using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Discovery.Engine;

public class DiscoveryServiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(DiscoveryFixture.Now));

    [Theory, BothProviders]
    public async Task Searches_go_to_SQL_until_the_index_is_built_and_get_the_same_answer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.CreateContext())
            await DiscoveryFixture.SeedAsync(seed, count: 120);
        await using var services = Services(database);
        var state = services.GetRequiredService<DiscoveryIndexState>();
        await using var db = database.CreateContext();
        var query = new DiscoveryQuery { Words = ["vegan"], Limit = 50 };

        var before = await new DiscoveryService(db, Clock, state).SearchAsync(query, null, CancellationToken.None);
        Assert.Equal(provider == DatabaseProvider.Postgres ? DiscoveryEngines.Postgres : DiscoveryEngines.Sqlite, before.Engine);
        Assert.True(before.Result.Total > 0);

        await state.BuildAsync(CancellationToken.None);
        var after = await new DiscoveryService(db, Clock, state).SearchAsync(query, null, CancellationToken.None);

        Assert.Equal(DiscoveryEngines.Index, after.Engine);
        Assert.True(after.ElapsedMs >= 0);
        IndexSqlEqualityTests.AssertSame("service", before.Result, after.Result);
        Assert.Equal(before.Engine,
            (await new DiscoveryService(db, Clock).SearchAsync(query, null, CancellationToken.None)).Engine);
    }

    [Theory, BothProviders]
    public async Task The_workspace_rate_card_of_the_default_deliverable_wins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<SearchProfile> profiles;
        var workspace = Guid.NewGuid();
        await using (var seed = database.CreateContext())
        {
            profiles = await DiscoveryFixture.SeedAsync(seed, count: 60);
            seed.Workspaces.Add(new Workspace { Id = workspace, Name = "Brand", Slug = "brand", CreatedAt = DiscoveryFixture.Now });
            var instagram = profiles.First(p => p.Platform == Platform.Instagram && p.PriceEstimate > 5);
            var tiktok = profiles.First(p => p.Platform == Platform.TikTok && p.PriceEstimate > 5);
            seed.RateCards.AddRange(
                Card(workspace, instagram.AccountId, "instagram_post", 5),
                Card(workspace, tiktok.AccountId, "tiktok_live", 5));
            await seed.SaveChangesAsync();
        }
        var cheap = profiles.First(p => p.Platform == Platform.Instagram && p.PriceEstimate > 5).AccountId;
        var notDefault = profiles.First(p => p.Platform == Platform.TikTok && p.PriceEstimate > 5).AccountId;
        await using var db = database.CreateContext();
        var service = new DiscoveryService(db, Clock);
        var query = new DiscoveryQuery { MaxPrice = 5, Limit = DiscoveryQuery.MaxLimit };

        var withCards = (await service.SearchAsync(query, workspace, CancellationToken.None)).Result.Hits.Select(h => h.AccountId).ToList();
        var without = (await service.SearchAsync(query, null, CancellationToken.None)).Result.Hits.Select(h => h.AccountId).ToList();

        Assert.Contains(cheap, withCards);
        Assert.DoesNotContain(cheap, without);
        Assert.DoesNotContain(notDefault, withCards);

        var other = new CurrentWorkspace();
        other.Enter(Guid.NewGuid(), null, "someone", WorkspaceRole.Owner);
        await using var otherDb = new GrapevineDb(GrapevineDatabase.CreateOptions(database.ConnectionString), other);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DiscoveryService(otherDb, Clock).SearchAsync(query, workspace, CancellationToken.None));
    }

    [Theory, BothProviders]
    public async Task Lookalikes_are_found_by_platform_and_handle(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<SearchProfile> profiles;
        await using (var seed = database.CreateContext())
            profiles = await DiscoveryFixture.SeedAsync(seed, count: 150);
        var source = profiles.First(p => p.Platform == Platform.Instagram && p.Niches.Count > 0);
        await using var db = database.CreateContext();

        var found = await new DiscoveryService(db, Clock).LookalikesAsync(Platform.Instagram, "@" + source.Handle.ToUpperInvariant(), 10, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(source.AccountId, found.AccountId);
        Assert.NotEmpty(found.Hits);
        Assert.All(found.Hits, h => Assert.Equal(Platform.Instagram, profiles.Single(p => p.AccountId == h.AccountId).Platform));
        Assert.DoesNotContain(source.AccountId, found.Hits.Select(h => h.AccountId));
        Assert.Null(await new DiscoveryService(db, Clock).LookalikesAsync(Platform.Instagram, "nobody", 10, CancellationToken.None));
    }

    [Theory, BothProviders]
    public async Task A_refresh_swaps_rewritten_profiles_in_and_removes_deleted_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<SearchProfile> profiles;
        await using (var seed = database.CreateContext())
            profiles = await DiscoveryFixture.SeedAsync(seed, count: 200);
        await using var services = Services(database);
        var state = services.GetRequiredService<DiscoveryIndexState>();
        var built = await state.BuildAsync(CancellationToken.None);
        var (changed, deleted) = (profiles[10].AccountId, profiles[20].AccountId);

        await using (var db = database.CreateContext())
        {
            var profile = await db.SearchProfiles.Include(p => p.Terms).SingleAsync(p => p.AccountId == changed);
            profile.Words = "zeppelin ñandú";
            profile.Terms.Add(new SearchProfileTerm { AccountId = changed, Term = "#zeppelin", LastUsedAt = DiscoveryFixture.NowSeconds, Uses = 1 });
            profile.UpdatedAt = DiscoveryFixture.Now.AddMinutes(5);
            db.SearchProfiles.Remove(await db.SearchProfiles.SingleAsync(p => p.AccountId == deleted));
            await db.SaveChangesAsync();
        }
        await state.RefreshAsync([deleted], CancellationToken.None);

        Assert.Same(built, state.Current);
        Assert.Equal(199, built.Count);
        var context = new DiscoveryContext(DiscoveryFixture.Now);
        Assert.Equal([changed], built.Search(new DiscoveryQuery { Words = ["zeppelin"] }, context).Hits.Select(h => h.AccountId));
        Assert.Equal([changed], built.Search(new DiscoveryQuery { Hashtags = ["zeppelin"] }, context).Hits.Select(h => h.AccountId));
        Assert.DoesNotContain(deleted, built.Search(new DiscoveryQuery { Limit = DiscoveryQuery.MaxLimit }, context).Hits.Select(h => h.AccountId));
        // The index still gives SQL's answer after the update.
        await using (var db = database.CreateContext())
        {
            foreach (var (name, query) in DiscoveryQueries.All)
                IndexSqlEqualityTests.AssertSame(name, await new SqlDiscoveryEngine(db).SearchAsync(query, context), built.Search(query, context));
        }

        // Nothing new: nothing is read again.
        await state.RefreshAsync(null, CancellationToken.None);
        Assert.Equal(199, built.Count);
        Assert.False(built.RebuildDue);
    }

    [Theory, BothProviders]
    public async Task A_large_change_rebuilds_in_the_background_and_swaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.CreateContext())
            await DiscoveryFixture.SeedAsync(seed, count: 1_500);
        await using var services = Services(database);
        var state = services.GetRequiredService<DiscoveryIndexState>();
        var built = await state.BuildAsync(CancellationToken.None);

        // Percentiles moved across the catalogue: most profiles rewritten.
        await using (var db = database.CreateContext())
        {
            foreach (var profile in await db.SearchProfiles.Where(p => p.AccountId % 3 != 0).ToListAsync())
            {
                profile.EngagementPercentile = 1 - (profile.EngagementPercentile ?? 0.5);
                profile.UpdatedAt = DiscoveryFixture.Now.AddHours(1);
            }
            await db.SaveChangesAsync();
        }
        await state.RefreshAsync(null, CancellationToken.None);
        await state.BackgroundRebuild;

        Assert.NotSame(built, state.Current);
        var context = new DiscoveryContext(DiscoveryFixture.Now);
        await using (var db = database.CreateContext())
        {
            foreach (var (name, query) in DiscoveryQueries.All.Take(12))
                IndexSqlEqualityTests.AssertSame(name, await new SqlDiscoveryEngine(db).SearchAsync(query, context), state.Current!.Search(query, context));
        }
    }

    private static ServiceProvider Services(TestDatabase database) =>
        new ServiceCollection()
            .AddLogging()
            .AddScoped(_ => database.CreateContext())
            .AddSingleton<DiscoveryIndexState>()
            .BuildServiceProvider();

    private static RateCard Card(Guid workspace, long accountId, string deliverable, decimal price) => new()
    {
        WorkspaceId = workspace,
        Id = Guid.NewGuid(),
        AccountId = accountId,
        Deliverable = deliverable,
        PriceUsd = price,
        UpdatedAt = DiscoveryFixture.Now,
    };
}
