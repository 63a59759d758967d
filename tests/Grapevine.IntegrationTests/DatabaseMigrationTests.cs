using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests;

public class DatabaseMigrationTests
{
    [Theory, BothProviders]
    public async Task Migrate_creates_every_table_of_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.Equal(provider, db.Provider);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Accounts.CountAsync());
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Equal(0, await db.Workspaces.CountAsync());
    }

    [Fact]
    public async Task Sqlite_file_is_switched_to_wal_mode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
