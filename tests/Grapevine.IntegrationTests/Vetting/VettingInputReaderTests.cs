using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Vetting;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Vetting;

public class VettingInputReaderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Theory, BothProviders]
    public async Task The_rows_read_back_as_written_unknowns_and_unicode_included(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        const string handle = "zoë.reads";
        AccountRow account = new(Platform.Instagram, handle, "Zoë", 12_345, 300, 40, "CH", "de", null, null, null, false, false, true, "books");
        PostRow[] posts =
        [
            new(Platform.Instagram, handle, "p1", Now.AddDays(-1).AddTicks(1_234_560), PostType.Reel, "Bücher & 🍷 #ad #lesen", 900, 40, 3, 2, 15_000, null, null, true),
            new(Platform.Instagram, handle, "p2", Now.AddDays(-9), PostType.Photo, null, null, null, null, null, null, null, null, null),
        ];
        SnapshotRow[] snapshots = [new(Platform.Instagram, handle, Now.AddDays(-7), 12_000, null, null), new(Platform.Instagram, handle, Now, null, null, null)];
        FollowerRow[] followers =
        [
            new(Platform.Instagram, handle, "ana_1990", "Ana Müller 🌸", 210, 350, 12, true, false, 80, false),
            new(Platform.Instagram, handle, "xk7391220", null, null, null, null, null, null, null, null),
            new(Platform.Instagram, handle, "李小龍", "", 0, 7_500, 0, false, true, 0, true),
        ];
        CommentRow[] comments =
        [
            new(Platform.Instagram, handle, "p1", "c1", "fan_1", "😍😍", null),
            new(Platform.Instagram, handle, "p1", "c2", null, null, null),
        ];
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var writer = new CatalogueBulkWriter(db, time);
            await writer.UpsertAccountsAsync([account], default);
            await writer.UpsertPostsAsync(posts, default);
            await writer.UpsertSnapshotsAsync(snapshots, default);
            await writer.UpsertFollowersAsync(followers, default);
            await writer.UpsertCommentsAsync(comments, default);
            await transaction.CommitAsync();
        }

        VettingInput? read;
        await using (var db = database.CreateContext())
            read = await new VettingService(db, new EngagementDistributionCache(time), time).ReadAsync(Platform.Instagram, "@Zoë.Reads", default);

        var expected = VettingInputRows.From(account, posts, snapshots, followers, comments);
        Assert.NotNull(read);
        Assert.Equal(expected.Handle, read.Handle);
        Assert.Equal(expected.Followers, read.Followers);
        Assert.Equal(expected.Posts.OrderBy(p => p.PostId), read.Posts.OrderBy(p => p.PostId));
        Assert.All(read.Posts, p => Assert.Equal(DateTimeKind.Utc, p.PostedAt.Kind));
        // Whole microseconds: PostgreSQL keeps no finer; SQLite keeps ticks.
        Assert.Equal(expected.Posts.Single(p => p.PostId == "p1").PostedAt.Ticks, read.Posts.Single(p => p.PostId == "p1").PostedAt.Ticks);
        Assert.Equal(expected.Snapshots.OrderBy(s => s.At), read.Snapshots.OrderBy(s => s.At));
        Assert.Equal(expected.FollowerSample.OrderBy(f => f.Username, StringComparer.Ordinal), read.FollowerSample.OrderBy(f => f.Username, StringComparer.Ordinal));
        Assert.Equal(expected.Comments.OrderBy(c => c.Author), read.Comments.OrderBy(c => c.Author));

        await using (var db = database.CreateContext())
            Assert.Null(await new VettingService(db, new EngagementDistributionCache(time), time).ReadAsync(Platform.Instagram, "nobody", default));
    }
}
