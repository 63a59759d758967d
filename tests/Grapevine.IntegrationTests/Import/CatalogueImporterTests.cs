using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Import;

public class CatalogueImporterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static async Task<ImportReport> ImportAsync(TestDatabase database, TimeProvider time, string path, ImportKind kind)
    {
        await using var db = database.CreateContext();
        return await new CatalogueImporter(db, time).ImportFileAsync(path, kind);
    }

    [Theory, BothProviders]
    public async Task Every_kind_lands_with_tags_creators_and_metrics_and_reimporting_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        string[] files =
        [
            ImportFixtures.Write(ImportFixtures.Accounts), ImportFixtures.Write(ImportFixtures.PostsJsonLines, ".jsonl"),
            ImportFixtures.Write(ImportFixtures.Snapshots), ImportFixtures.Write(ImportFixtures.Followers),
            ImportFixtures.Write(ImportFixtures.Comments),
        ];
        ImportKind[] kinds = [ImportKind.Accounts, ImportKind.Posts, ImportKind.Snapshots, ImportKind.Followers, ImportKind.Comments];
        try
        {
            var first = new List<ImportReport>();
            for (var i = 0; i < files.Length; i++)
                first.Add(await ImportAsync(database, time, files[i], kinds[i]));
            Assert.All(first, r => Assert.True(r.Succeeded, r.FileError ?? string.Join("; ", r.Rejections)));
            Assert.Equal([3L, 4L, 3L, 2L, 2L], first.Select(r => r.Inserted));
            Assert.All(first, r => Assert.False(File.Exists(files[0] + ".rejected.csv")));

            await using (var db = database.CreateContext())
            {
                var creators = await db.Creators.OrderBy(c => c.Id).Select(c => c.DisplayName).ToListAsync();
                Assert.Equal(["Anna Bakes", "bob", "Anna on TikTok"], creators);
                var anna = await db.Accounts.SingleAsync(a => a.Platform == Platform.Instagram && a.Handle == "anna.bakes");
                Assert.Equal((12000L, "US", false, true, "micro"), (anna.Followers, anna.Country, anna.IsPrivate, anna.HasProfilePic, anna.Tier));
                Assert.Equal(Start.UtcDateTime, anna.UpdatedAt);
                var reel = await db.Posts.SingleAsync(p => p.AccountId == anna.Id && p.ExternalId == "p1");
                Assert.Equal(("recipe yum", "bob", PostType.Reel), (reel.Hashtags, reel.Mentions, reel.Type));
                var photo = await db.Posts.SingleAsync(p => p.AccountId == anna.Id && p.ExternalId == "p2");
                Assert.Equal(new DateTime(2026, 11, 5, 7, 30, 0, DateTimeKind.Utc), photo.PostedAt);
                Assert.Null((await db.Posts.SingleAsync(p => p.ExternalId == "p1" && p.AccountId != anna.Id)).Hashtags);
                Assert.Equal(["bot9912", "fan_1"], await db.FollowerSamples.OrderBy(f => f.FollowerUsername).Select(f => f.FollowerUsername).ToListAsync());
                Assert.Equal("fan_1", (await db.CommentSamples.SingleAsync(c => c.CommentId == "c1")).Author);
                var er = await db.AccountMetrics.SingleAsync(m => m.AccountId == anna.Id && m.Name == "er_followers");
                Assert.Equal(2, er.N);
                Assert.NotNull(er.Value);
            }

            var before = await ImportFixtures.DumpAsync(database.CreateContext());
            time.Advance(TimeSpan.FromHours(1));
            var second = new List<ImportReport>();
            for (var i = 0; i < files.Length; i++)
                second.Add(await ImportAsync(database, time, files[i], kinds[i]));

            Assert.All(second, r => Assert.True(r.Succeeded));
            Assert.All(second, r => Assert.Equal((0L, 0L, r.Imported, 0), (r.Inserted, r.Updated, r.Unchanged, r.AccountsRecomputed)));
            Assert.Equal(before, await ImportFixtures.DumpAsync(database.CreateContext()));
        }
        finally
        {
            ImportFixtures.Delete(files);
        }
    }

    [Theory, BothProviders]
    public async Task Empty_cells_keep_stored_values_and_only_real_changes_touch_updated_at(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        var partial = ImportFixtures.Write("platform,handle,display_name,followers,bio\ninstagram,anna.bakes,,,\n");
        var changed = ImportFixtures.Write("platform,handle,followers,is_verified\ninstagram,ANNA.bakes,13000,\n");
        var posts = ImportFixtures.Write(ImportFixtures.PostsJsonLines, ".jsonl");
        var postsWithoutCounts = ImportFixtures.Write(
            "platform,handle,post_id,posted_at,type,caption,likes\ninstagram,anna.bakes,p1,2026-11-01T10:00:00Z,reel,,\n");
        try
        {
            await ImportAsync(database, time, accounts, ImportKind.Accounts);
            await ImportAsync(database, time, posts, ImportKind.Posts);
            var before = await ImportFixtures.DumpAsync(database.CreateContext());

            time.Advance(TimeSpan.FromHours(1));
            var unchanged = await ImportAsync(database, time, partial, ImportKind.Accounts);
            var postUnchanged = await ImportAsync(database, time, postsWithoutCounts, ImportKind.Posts);
            Assert.Equal((0L, 1L), (unchanged.Updated, unchanged.Unchanged));
            Assert.Equal((0L, 1L), (postUnchanged.Updated, postUnchanged.Unchanged));
            Assert.Equal(before, await ImportFixtures.DumpAsync(database.CreateContext()));

            time.Advance(TimeSpan.FromHours(1));
            var update = await ImportAsync(database, time, changed, ImportKind.Accounts);
            Assert.Equal((0L, 1L, 1), (update.Inserted, update.Updated, update.AccountsRecomputed));
            await using var db = database.CreateContext();
            var anna = await db.Accounts.SingleAsync(a => a.Platform == Platform.Instagram && a.Handle == "anna.bakes");
            Assert.Equal((13000L, "Anna Bakes", "I bake, you eat", false), (anna.Followers, anna.DisplayName, anna.Bio, anna.IsVerified));
            Assert.Equal(Start.UtcDateTime.AddHours(2), anna.UpdatedAt);
            var bob = await db.Accounts.SingleAsync(a => a.Handle == "bob");
            Assert.Equal(Start.UtcDateTime, bob.UpdatedAt);
        }
        finally
        {
            ImportFixtures.Delete(accounts, partial, changed, posts, postsWithoutCounts);
        }
    }

    [Theory, BothProviders]
    public async Task Valid_rows_land_and_each_rejected_row_is_reported_and_written_with_line_field_and_error(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        var posts = ImportFixtures.Write(
            """"
            platform,handle,post_id,posted_at,type,caption,likes
            instagram,anna.bakes,p1,2026-11-01T10:00:00Z,reel,"Hello, ""world""",10
            instagram,ghost,p1,2026-11-01T10:00:00Z,reel,,10
            instagram,anna.bakes,p2,2026-11-01T10:00:00Z,reel,,-4
            instagram,anna.bakes,p1,2026-11-02T10:00:00Z,photo,,11
            instagram,bob,p9,last tuesday,photo,,1
            tiktok,ghost,t1,2026-11-01,video,,1
            instagram,bob,p3,2026-11-02,photo,#sale,3

            """");
        try
        {
            await ImportAsync(database, time, accounts, ImportKind.Accounts);
            var report = await ImportAsync(database, time, posts, ImportKind.Posts);

            Assert.False(report.Succeeded);
            Assert.Null(report.FileError);
            Assert.Equal((7L, 2L, 2L, 5L), (report.RowsRead, report.Imported, report.Inserted, report.Rejected));
            Assert.Equal(
                [
                    new ImportRejection(3, "handle", "no instagram account 'ghost'; import accounts first"),
                    new ImportRejection(4, "likes", "'-4' is negative; counts are 0 or more"),
                    new ImportRejection(5, "post_id", "duplicate of line 2 (same platform, handle and post_id); the later row is rejected"),
                    new ImportRejection(6, "posted_at", "'last tuesday' is not an ISO 8601 date (e.g. 2024-05-01T14:30:00Z)"),
                    new ImportRejection(7, "handle", "no tiktok account 'ghost'; import accounts first"),
                ],
                report.Rejections);
            Assert.Equal(posts + ".rejected.csv", report.RejectedFile);
            var rejected = (await File.ReadAllLinesAsync(report.RejectedFile!)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                [
                    "instagram,anna.bakes,p1,2026-11-02T10:00:00Z,photo,,11,5,post_id,\"duplicate of line 2 (same platform, handle and post_id); the later row is rejected\"",
                    "instagram,anna.bakes,p2,2026-11-01T10:00:00Z,reel,,-4,4,likes,'-4' is negative; counts are 0 or more",
                    "instagram,bob,p9,last tuesday,photo,,1,6,posted_at,'last tuesday' is not an ISO 8601 date (e.g. 2024-05-01T14:30:00Z)",
                    "instagram,ghost,p1,2026-11-01T10:00:00Z,reel,,10,3,handle,no instagram account 'ghost'; import accounts first",
                    "platform,handle,post_id,posted_at,type,caption,likes,line,field,error",
                    "tiktok,ghost,t1,2026-11-01,video,,1,7,handle,no tiktok account 'ghost'; import accounts first",
                ],
                rejected);

            await using var db = database.CreateContext();
            var landed = await db.Posts.OrderBy(p => p.ExternalId).Select(p => new { p.ExternalId, p.Caption, p.Likes, p.Hashtags }).ToListAsync();
            Assert.Equal(["p1", "p3"], landed.Select(p => p.ExternalId));
            Assert.Equal(("Hello, \"world\"", 10L), (landed[0].Caption, landed[0].Likes!.Value));
            Assert.Equal("sale", landed[1].Hashtags);

            // Once fixed, a rejected file imports as it is: its line, field and error columns are ignored.
            await File.WriteAllTextAsync(report.RejectedFile!,
                "platform,handle,post_id,posted_at,type,caption,likes,line,field,error\n" +
                "instagram,anna.bakes,p2,2026-11-01T10:00:00Z,reel,,4,4,likes,'-4' is negative; counts are 0 or more\n");
            var again = await ImportAsync(database, time, report.RejectedFile!, ImportKind.Posts);
            Assert.Equal((1L, 0L), (again.Inserted, again.Rejected));
            File.Delete(report.RejectedFile! + ".rejected.csv");
        }
        finally
        {
            ImportFixtures.Delete(accounts, posts);
        }
    }

    [Theory, BothProviders]
    public async Task A_record_that_does_not_fit_the_columns_is_kept_whole_and_stays_rejected_when_imported_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var csv = ImportFixtures.Write("platform,handle,followers\ninstagram,many.fields,10,20,30\ninstagram,fine,10\n");
        var jsonl = ImportFixtures.Write("{\"platform\":\"instagram\",\"handle\":\"j.unk\",\"followerz\":1}\n[1,2,3]\n", ".jsonl");
        try
        {
            var report = await ImportAsync(database, time, csv, ImportKind.Accounts);
            Assert.Equal([new ImportRejection(2, "(row)", "has 5 fields but the header has 3")], report.Rejections);
            var lines = await File.ReadAllLinesAsync(report.RejectedFile!);
            Assert.Equal(",,,2,(row),\"has 5 fields but the header has 3; the record was: instagram,many.fields,10,20,30\"", lines[1]);
            var again = await ImportAsync(database, time, report.RejectedFile!, ImportKind.Accounts);
            Assert.Equal((0L, 1L), (again.Inserted, again.Rejected));

            var fromJson = await ImportAsync(database, time, jsonl, ImportKind.Accounts);
            Assert.Equal((0L, 2L), (fromJson.Inserted, fromJson.Rejected));
            var jsonLines = await File.ReadAllLinesAsync(fromJson.RejectedFile!);
            Assert.Contains(jsonLines, l => l.StartsWith(",,", StringComparison.Ordinal) && l.Contains("the record was: [1,2,3]", StringComparison.Ordinal));
            Assert.Contains(jsonLines, l => l.Contains("the record was: {\"\"platform\"\":\"\"instagram\"\",\"\"handle\"\":\"\"j.unk\"\",\"\"followerz\"\":1}", StringComparison.Ordinal));
            var jsonAgain = await ImportAsync(database, time, fromJson.RejectedFile!, ImportKind.Accounts);
            Assert.Equal((0L, 2L), (jsonAgain.Inserted, jsonAgain.Rejected));

            await using var db = database.CreateContext();
            Assert.Equal(["fine"], await db.Accounts.Select(a => a.Handle).ToListAsync());
        }
        finally
        {
            foreach (var path in new[] { csv, jsonl })
            {
                File.Delete(path + ".rejected.csv.rejected.csv");
                File.Delete(path + ".rejected.csv");
            }
            ImportFixtures.Delete(csv, jsonl);
        }
    }

    [Theory, BothProviders]
    public async Task Dates_more_than_a_day_ahead_are_rejected_as_in_the_future(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        // Start is 2026-11-20 10:00 UTC: a file from a zone ahead of UTC may say the 21st; the 22nd and 2030 are errors.
        var posts = ImportFixtures.Write("platform,handle,post_id,posted_at,type,likes\n" +
            "instagram,bob,p1,2026-11-21T08:00:00Z,photo,1\ninstagram,bob,p2,2026-11-22,photo,1\ninstagram,bob,p3,2030-01-01,photo,1\n");
        var snapshots = ImportFixtures.Write("platform,handle,at,followers\ninstagram,bob,2026-11-20,5000\ninstagram,bob,2027-01-01,9000\n");
        try
        {
            await ImportAsync(database, time, accounts, ImportKind.Accounts);
            var report = await ImportAsync(database, time, posts, ImportKind.Posts);
            Assert.Equal(
                [
                    new ImportRejection(3, "posted_at", "2026-11-22 00:00 UTC is in the future"),
                    new ImportRejection(4, "posted_at", "2030-01-01 00:00 UTC is in the future"),
                ],
                report.Rejections);
            Assert.Equal(1L, report.Inserted);
            var snapshotReport = await ImportAsync(database, time, snapshots, ImportKind.Snapshots);
            Assert.Equal([new ImportRejection(3, "at", "2027-01-01 00:00 UTC is in the future")], snapshotReport.Rejections);
            File.Delete(posts + ".rejected.csv");
            File.Delete(snapshots + ".rejected.csv");
        }
        finally
        {
            ImportFixtures.Delete(accounts, posts, snapshots);
        }
    }

    [Theory, BothProviders]
    public async Task A_database_error_in_the_middle_rolls_everything_back_and_leaves_no_rejected_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        var lines = Enumerable.Range(1, 200).Select(i => $"instagram,anna.bakes,p{i},2026-11-01T10:00:00Z,photo,{i}");
        var posts = ImportFixtures.Write("platform,handle,post_id,posted_at,type,likes\ninstagram,anna.bakes,bad,nope,photo,1\n" + string.Join("\n", lines) + "\n");
        try
        {
            await ImportAsync(database, time, accounts, ImportKind.Accounts);
            await using (var db = database.CreateContext())
            {
                await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                    ? "CREATE TRIGGER fail_at_p150 BEFORE INSERT ON posts WHEN NEW.external_id = 'p150' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;"
                    : """
                      CREATE FUNCTION fail_at_p150() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN IF NEW.external_id = 'p150' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$;
                      CREATE TRIGGER fail_at_p150 BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION fail_at_p150();
                      """);
            }
            var before = await ImportFixtures.DumpAsync(database.CreateContext());

            await using (var db = database.CreateContext())
            {
                await using var input = File.OpenRead(posts);
                var importer = new CatalogueImporter(db, time);
                var failure = await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync(
                    input, posts, ImportKind.Posts, new ImportOptions(posts + ".rejected.csv", BatchSize: 50)));
                Assert.Contains("disk on fire", failure.GetBaseException().Message);
            }

            Assert.Equal(before, await ImportFixtures.DumpAsync(database.CreateContext()));
            Assert.False(File.Exists(posts + ".rejected.csv"));
        }
        finally
        {
            ImportFixtures.Delete(accounts, posts);
        }
    }

    [Theory, BothProviders]
    public async Task A_file_level_problem_rejects_the_whole_file_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        var badHeader = ImportFixtures.Write("platform,handle,likes_count\ninstagram,bob,3\n");
        var unclosed = ImportFixtures.Write("platform,handle,display_name\ninstagram,zed,Zed\ninstagram,bob,\"Bob\ninstagram,carl,Carl\n");
        var empty = ImportFixtures.Write("");
        try
        {
            await ImportAsync(database, time, accounts, ImportKind.Accounts);
            var before = await ImportFixtures.DumpAsync(database.CreateContext());

            var header = await ImportAsync(database, time, badHeader, ImportKind.Accounts);
            var quotes = await ImportAsync(database, time, unclosed, ImportKind.Accounts);
            var nothing = await ImportAsync(database, time, empty, ImportKind.Posts);

            Assert.StartsWith("line 1: unknown column 'likes_count'", header.FileError);
            Assert.StartsWith("line 3: unbalanced quotes", quotes.FileError);
            Assert.Equal("the file is empty", nothing.FileError);
            Assert.All([header, quotes, nothing], r => Assert.Equal((0L, false), (r.Imported, r.Succeeded)));
            Assert.Equal(before, await ImportFixtures.DumpAsync(database.CreateContext()));
            Assert.False(File.Exists(unclosed + ".rejected.csv"));
        }
        finally
        {
            ImportFixtures.Delete(accounts, badHeader, unclosed, empty);
        }
    }

    [Theory, BothProviders]
    public async Task Progress_goes_through_the_rows_then_metrics_search_profiles_and_the_commit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        string[] files = [ImportFixtures.Write(ImportFixtures.Accounts), ImportFixtures.Write(ImportFixtures.PostsJsonLines, ".jsonl")];
        try
        {
            await ImportAsync(database, time, files[0], ImportKind.Accounts);
            var seen = new List<ImportProgress>();
            await using var db = database.CreateContext();
            var report = await new CatalogueImporter(db, time).ImportFileAsync(files[1], ImportKind.Posts, new Collect(seen));
            Assert.True(report.Succeeded);

            List<ImportProgress> reports;
            lock (seen)
                reports = [.. seen];
            var phases = reports.Select(p => p.Phase).Distinct().ToList();
            Assert.Equal([ImportPhase.Rows, ImportPhase.Metrics, ImportPhase.SearchProfiles, ImportPhase.Commit], phases);
            // Each phase starts at 0 and the two with chunks end at 1; after the rows, every report carries the file's totals.
            var after = reports.SkipWhile(p => p.Phase == ImportPhase.Rows).ToList();
            Assert.All(after, p => Assert.Equal((4L, new FileInfo(files[1]).Length, 3), (p.Rows, p.Bytes, p.Accounts)));
            foreach (var phase in new[] { ImportPhase.Metrics, ImportPhase.SearchProfiles })
            {
                var shares = after.Where(p => p.Phase == phase).Select(p => p.Share).ToList();
                Assert.Equal((0.0, 1.0), (shares[0], shares[^1]));
            }
            Assert.Equal(0.0, Assert.Single(after, p => p.Phase == ImportPhase.Commit).Share);
        }
        finally
        {
            ImportFixtures.Delete(files);
        }
    }

    /// <summary>Collects reports as they come (from the parsing thread, then the importing one).</summary>
    private sealed class Collect(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (seen)
                seen.Add(value);
        }
    }
}
