using System.Data;
using System.Globalization;
using System.Text;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Import;

/// <summary>The larger SQLite page cache of a bulk operation lasts as long as it does and leaves the connection as it was.</summary>
public class SqliteBulkCacheTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static async Task<long> CacheSizeAsync(GrapevineDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_cache_is_enlarged_inside_the_scope_and_restored_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -4000");

        await using (await SqliteBulkCache.EnlargeAsync(db, CancellationToken.None))
            Assert.Equal(-SqliteBulkCache.Mebibytes * 1024L, await CacheSizeAsync(db));

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        Assert.Equal(-4000, await CacheSizeAsync(db));
    }

    [Fact]
    public async Task An_import_restores_the_cache_of_an_open_connection_and_closes_one_it_opened()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(ImportFixtures.Accounts));
            var report = await new CatalogueImporter(db, Time).ImportAsync(input, "accounts.csv", ImportKind.Accounts, new ImportOptions());
            Assert.True(report.Succeeded);
            Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -3000");
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(ImportFixtures.PostsJsonLines));
            var report = await new CatalogueImporter(db, Time).ImportAsync(input, "posts.jsonl", ImportKind.Posts, new ImportOptions());
            Assert.True(report.Succeeded);
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
            Assert.Equal(-3000, await CacheSizeAsync(db));
            Assert.Equal(4, await db.Posts.CountAsync());
        }
    }

    [Fact]
    public async Task PostgreSQL_keeps_its_own_buffers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.CreateContext();
        Assert.Null(await SqliteBulkCache.EnlargeAsync(db, CancellationToken.None));
    }
}
