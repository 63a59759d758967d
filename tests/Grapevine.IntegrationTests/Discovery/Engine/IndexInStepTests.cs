using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Discovery.Engine;

/// <summary>The whole loop: demo seed and import refresh the search profiles, a refresh brings the index in step.</summary>
public class IndexInStepTests
{
    [Theory, BothProviders]
    public async Task After_an_import_the_refreshed_index_gives_the_SQL_answer_percentile_shifts_included(DatabaseProvider provider)
    {
        var asOf = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var time = new FakeTimeProvider(new DateTimeOffset(asOf.AddHours(1)));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await new DemoSeeder(db, time).SeedAsync(new DemoOptions(300, 5, asOf), null, CancellationToken.None);
        await using var services = new ServiceCollection().AddLogging().AddScoped(_ => database.CreateContext())
            .AddSingleton<DiscoveryIndexState>().BuildServiceProvider();
        var state = services.GetRequiredService<DiscoveryIndexState>();
        var index = await state.BuildAsync(CancellationToken.None);
        Assert.Equal(300, index.Count);

        // One Instagram nano account's new posts make it the most engaging of its group: the others' percentiles move.
        (long Id, string Handle) star;
        Dictionary<long, double?> before;
        await using (var db = database.CreateContext())
        {
            star = await db.SearchProfiles.Where(p => p.Platform == Platform.Instagram && p.Tier == "nano" && p.EngagementRate != null)
                .OrderBy(p => p.EngagementRate).Select(p => new ValueTuple<long, string>(p.AccountId, p.Handle)).FirstAsync();
            before = await db.SearchProfiles.Where(p => p.Platform == Platform.Instagram && p.Tier == "nano")
                .ToDictionaryAsync(p => p.AccountId, p => p.EngagementPercentile);
        }
        var csv = new StringBuilder("platform,handle,post_id,posted_at,type,caption,likes,comments\n");
        for (var i = 0; i < 12; i++)
            csv.Append($"instagram,{star.Handle},star{i},{asOf.AddDays(-i - 1):yyyy-MM-ddTHH:mm:ssZ},photo,Zeppelin day {i} #zeppelin @oatly,90000,5000\n");
        time.Advance(TimeSpan.FromHours(1));
        await using (var db = database.CreateContext())
        {
            var report = await new CatalogueImporter(db, time).ImportAsync(
                new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "posts.csv", ImportKind.Posts, new ImportOptions(), null, CancellationToken.None);
            Assert.True(report.Succeeded, report.FileError ?? string.Join("; ", report.Rejections.Select(r => r.Message)));
        }

        await state.RefreshAsync(null, CancellationToken.None);

        Assert.Same(index, state.Current);
        await using (var db = database.CreateContext())
        {
            var after = await db.SearchProfiles.Where(p => p.Platform == Platform.Instagram && p.Tier == "nano")
                .ToDictionaryAsync(p => p.AccountId, p => p.EngagementPercentile);
            Assert.Contains(after, p => p.Key != star.Id && p.Value != before[p.Key]);

            var context = new DiscoveryContext(time.GetUtcNow().UtcDateTime);
            var sql = new SqlDiscoveryEngine(db);
            foreach (var (name, query) in DiscoveryQueries.All)
                IndexSqlEqualityTests.AssertSame(name, await sql.SearchAsync(query, context), index.Search(query, context));
            DiscoveryQuery[] nano =
            [
                new() { Platforms = [Platform.Instagram], Tiers = ["nano"], Limit = DiscoveryQuery.MaxLimit },
                new() { Hashtags = ["zeppelin"] },
                new() { Words = ["zeppelin"], Mentions = ["oatly"] },
            ];
            foreach (var query in nano)
                IndexSqlEqualityTests.AssertSame("nano", await sql.SearchAsync(query, context), index.Search(query, context));
            Assert.Equal([star.Id], index.Search(new DiscoveryQuery { Hashtags = ["zeppelin"] }, context).Hits.Select(h => h.AccountId));
        }
    }
}
