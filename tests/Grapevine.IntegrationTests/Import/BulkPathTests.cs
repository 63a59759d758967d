using System.Text;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Grapevine.IntegrationTests.Import;

/// <summary>
/// The writers' fast paths: on PostgreSQL the rows of accounts that had none in the table are
/// copied straight in, the others upserted; small batches mix both kinds in one batch.
/// </summary>
public class BulkPathTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private const string Header = "platform,handle,post_id,posted_at,type,caption,likes,comments\n";

    // anna (instagram) already has p1; bob and anna on TikTok have no posts yet.
    private const string Mixed =
        Header +
        "instagram,bob,b1,2026-11-01T10:00:00Z,photo,Hello #Coffee,10,1\n" +
        "instagram,anna.bakes,p1,2026-11-01T10:00:00Z,reel,New #recipe,150,20\n" +
        "instagram,bob,b2,2026-11-02T10:00:00Z,photo,#ad with @anna.bakes,20,2\n" +
        "instagram,anna.bakes,p2,2026-11-02T10:00:00Z,photo,,300,10\n" +
        "tiktok,anna.bakes,t1,2026-11-03T10:00:00Z,video,,4000,100\n" +
        "instagram,bob,b2,2026-11-02T10:00:00Z,photo,a duplicate,20,2\n" +
        "instagram,bob,b3,2026-11-04T10:00:00Z,carousel,,30,3\n";

    private static async Task<ImportReport> ImportAsync(TestDatabase database, TimeProvider time, string csv, ImportKind kind, int batchSize)
    {
        await using var db = database.CreateContext();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await new CatalogueImporter(db, time).ImportAsync(input, "rows.csv", kind, new ImportOptions(BatchSize: batchSize));
    }

    [Theory, BothProviders]
    public async Task New_accounts_posts_and_upserts_of_known_ones_land_together_and_reimporting_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, ImportFixtures.Accounts, ImportKind.Accounts, 100);
        await ImportAsync(database, time, Header + "instagram,anna.bakes,p1,2026-11-01T10:00:00Z,reel,New #recipe,100,20\n", ImportKind.Posts, 100);

        var report = await ImportAsync(database, time, Mixed, ImportKind.Posts, batchSize: 2);

        Assert.Null(report.FileError);
        Assert.Equal((5L, 1L, 0L, 1L, 3), (report.Inserted, report.Updated, report.Unchanged, report.Rejected, report.AccountsRecomputed));
        Assert.Equal(7, Assert.Single(report.Rejections).Line);
        await using (var db = database.CreateContext())
        {
            var posts = await db.Posts.OrderBy(p => p.ExternalId).ToListAsync();
            var bob = await db.Accounts.Where(a => a.Handle == "bob").Select(a => a.Id).SingleAsync();
            Assert.Equal(["b1", "b2", "b3", "p1", "p2", "t1"], posts.Select(p => p.ExternalId));
            Assert.Equal(150, posts.Single(p => p.ExternalId == "p1").Likes);
            var b2 = posts.Single(p => p.ExternalId == "b2");
            Assert.Equal((bob, "ad", "anna.bakes", "#ad with @anna.bakes"), (b2.AccountId, b2.Hashtags, b2.Mentions, b2.Caption));
            Assert.Equal(new DateTime(2026, 11, 4, 10, 0, 0, DateTimeKind.Utc), posts.Single(p => p.ExternalId == "b3").PostedAt);
            var metrics = await db.AccountMetrics.Where(m => m.AccountId == bob).ToDictionaryAsync(m => m.Name);
            Assert.Equal(3, metrics["er_followers"].N);
            Assert.Equal(100.0 / 3, metrics["sponsored_share"].Value!.Value, 9);
        }

        var before = await ImportFixtures.DumpAsync(database.CreateContext());
        time.Advance(TimeSpan.FromHours(1));
        var again = await ImportAsync(database, time, Mixed, ImportKind.Posts, batchSize: 2);
        Assert.Equal((0L, 0L, 6L, 0), (again.Inserted, again.Updated, again.Unchanged, again.AccountsRecomputed));
        Assert.Equal(before, await ImportFixtures.DumpAsync(database.CreateContext()));
    }

    [Fact]
    public async Task On_postgres_a_concurrent_writer_of_the_same_new_account_fails_the_import_as_a_whole_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, ImportFixtures.Accounts, ImportKind.Accounts, 100);
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO posts (account_id, external_id, posted_at, type) " +
            "SELECT id, 'b1', '2026-11-01T10:00:00Z', 'photo' FROM accounts WHERE handle = 'bob'", other, otherTransaction))
            await insert.ExecuteNonQueryAsync();

        // bob has no committed posts, so the import copies b1 straight in and waits on the other transaction's key.
        var import = ImportAsync(database, time, Mixed, ImportKind.Posts, batchSize: 2);
        await using var watcher = new NpgsqlConnection(database.ConnectionString);
        await watcher.OpenAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await WaitsOnALockAsync(watcher, timeout.Token))
            Assert.False(import.IsCompleted, $"the import finished without waiting for the other transaction: {import.Exception}");
        await otherTransaction.CommitAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => import);
        Assert.Contains("another import wrote posts of the same accounts", failure.Message);
        await using var db = database.CreateContext();
        Assert.Equal(["b1"], await db.Posts.Select(p => p.ExternalId).ToListAsync());
    }

    // Outside any transaction: pg_stat_activity is read once per transaction.
    private static async Task<bool> WaitsOnALockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await query.ExecuteScalarAsync(ct))! > 0;
    }
}
