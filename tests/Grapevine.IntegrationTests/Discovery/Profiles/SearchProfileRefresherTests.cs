using System.Globalization;
using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Discovery.Profiles;

public class SearchProfileRefresherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private const string Accounts =
        """
        platform,handle,display_name,followers,following,posts_count,country,language,bio,email,external_url,is_verified,is_private,has_profile_pic,category
        instagram,anna.bakes,Anna Bakes,12000,300,150,US,en,"Sourdough baker 🍞 easy recipes, hello@anna.example",hello@anna.example,,false,false,true,
        instagram,ben.lifts,Ben,15000,300,150,GB,en,Strength coach and gym rat,,,false,false,true,
        instagram,cleo.paints,Cleo,20000,300,150,FR,fr,Painting every day,,,true,false,true,Beauty
        tiktok,dan.games,Dan,500,10,40,US,en,,,,,,,

        """;

    private const string Posts =
        """
        platform,handle,post_id,posted_at,type,caption,likes,comments
        instagram,anna.bakes,a1,2026-11-18T10:00:00Z,photo,Fresh loaf with @millco #sourdough #baking,500,20
        instagram,anna.bakes,a2,2026-11-10T10:00:00Z,photo,Cinnamon buns #baking #recipe,300,10
        instagram,anna.bakes,a3,2026-10-01T10:00:00Z,story,Oven on,9000,0
        instagram,ben.lifts,b1,2026-11-15T10:00:00Z,reel,Leg day #fitness #gym,150,10
        instagram,ben.lifts,b2,2026-11-01T10:00:00Z,photo,Deadlift PR #fitness,100,5
        instagram,cleo.paints,c1,2026-11-12T10:00:00Z,photo,Watercolour study #art #watercolor,1000,50

        """;

    private static async Task<ImportReport> ImportAsync(TestDatabase database, TimeProvider time, string content, ImportKind kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"grapevine-profiles-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));
        try
        {
            await using var db = database.CreateContext();
            var report = await new CatalogueImporter(db, time).ImportFileAsync(path, kind);
            Assert.True(report.Succeeded, report.FileError ?? string.Join("; ", report.Rejections));
            return report;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".rejected.csv");
        }
    }

    private static async Task<long> IdOfAsync(GrapevineDb db, string handle) =>
        await db.Accounts.Where(a => a.Handle == handle).Select(a => a.Id).SingleAsync();

    [Theory, BothProviders]
    public async Task Importing_accounts_and_posts_builds_their_profiles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        var posts = await ImportAsync(database, time, Posts, ImportKind.Posts);
        Assert.True(posts.Timings!.Profiles > 0);

        await using var db = database.CreateContext();
        var profiles = await db.Set<SearchProfile>().AsNoTracking().Include(p => p.Niches).Include(p => p.Terms).ToDictionaryAsync(p => p.Handle);
        Assert.Equal(["anna.bakes", "ben.lifts", "cleo.paints", "dan.games"], profiles.Keys.Order());

        var anna = profiles["anna.bakes"];
        Assert.Equal((Platform.Instagram, "micro", 12000L, "US", "en", true), (anna.Platform, anna.Tier, anna.Followers, anna.Country, anna.Language, anna.HasEmail));
        Assert.Equal("food", anna.PrimaryNiche);
        Assert.Contains(anna.Niches, n => n.Niche == "food" && n.Score >= 50);
        Assert.Equal(["#baking", "#recipe", "#sourdough", "@millco"], anna.Terms.Select(t => t.Term).Order(StringComparer.Ordinal));
        var baking = anna.Terms.Single(t => t.Term == "#baking");
        Assert.Equal((2, new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()), (baking.Uses, baking.LastUsedAt));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), anna.LastPostedAt);
        var words = anna.Words.Split(' ');
        Assert.Equal(["anna", "bakes", "sourdough", "baker", "easy", "recipes", "fresh", "loaf"], words.Take(8));
        Assert.DoesNotContain("millco", words);
        Assert.Equal(415, anna.ExpectedEngagements); // median of 520 and 310; the story does not count
        Assert.NotNull(anna.EngagementRate);
        Assert.NotNull(anna.PriceEstimate);
        Assert.Equal(1, anna.SafetyScore);
        Assert.Null(anna.AudienceQuality); // no follower sample
        Assert.Equal(Start.UtcDateTime, anna.UpdatedAt);

        Assert.Equal("fitness", profiles["ben.lifts"].PrimaryNiche);
        // Cleo's imported category wins over her art captions.
        Assert.Equal("beauty", profiles["cleo.paints"].PrimaryNiche);
        Assert.Contains(profiles["cleo.paints"].Niches, n => n.Niche == "art-diy");

        var dan = profiles["dan.games"];
        // Dan has no bio and no posts: only his handle speaks, and it says gaming.
        Assert.Equal(("emerging", "gaming", (long?)null, (double?)null, (double?)null, (double?)null, "dan games"),
            (dan.Tier, dan.PrimaryNiche, dan.LastPostedAt, dan.EngagementRate, dan.ExpectedEngagements, dan.SafetyScore, dan.Words));
        Assert.Empty(dan.Terms);

        // The three Instagram micro accounts are ranked by ER within their group; Dan's ER is unknown.
        var ranked = profiles.Values.Where(p => p.Tier == "micro").OrderBy(p => p.EngagementRate).Select(p => p.EngagementPercentile).ToList();
        Assert.Equal([0.0, 0.5, 1.0], ranked);
        Assert.Null(dan.EngagementPercentile);

        Assert.Equal([await IdOfAsync(db, "anna.bakes")], await FindWordAsync(db, "sourdough"));
        Assert.Equal([await IdOfAsync(db, "ben.lifts")], await FindWordAsync(db, "deadlift"));
        Assert.Empty(await FindWordAsync(db, "millco"));
    }

    [Theory, BothProviders]
    public async Task Posts_before_the_window_give_no_words_or_terms_but_count_as_posts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        // 366 days before Start, and one second inside the window's edge (365 days).
        await ImportAsync(database, time,
            """
            platform,handle,post_id,posted_at,type,caption,likes,comments
            instagram,ben.lifts,old,2025-11-19T10:00:00Z,photo,Vintage kettlebells #throwback @oldgym,900,100
            instagram,ben.lifts,edge,2025-11-20T10:00:01Z,photo,Edge case #edgeday,100,0

            """, ImportKind.Posts);

        await using var db = database.CreateContext();
        var ben = await db.Set<SearchProfile>().AsNoTracking().Include(p => p.Terms).SingleAsync(p => p.Handle == "ben.lifts");
        Assert.Equal(["#edgeday"], ben.Terms.Select(t => t.Term));
        Assert.Contains("edge", ben.Words.Split(' '));
        Assert.DoesNotContain("vintage", ben.Words.Split(' '));
        // Engagements and the latest post look at every post, not only the window's.
        Assert.Equal(550, ben.ExpectedEngagements);
        Assert.Equal(new DateTimeOffset(2025, 11, 20, 10, 0, 1, TimeSpan.Zero).ToUnixTimeSeconds(), ben.LastPostedAt);
    }

    [Theory, BothProviders]
    public async Task Reimporting_and_refreshing_again_write_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await ImportAsync(database, time, Posts, ImportKind.Posts);
        var before = await DumpAsync(database);

        time.Advance(TimeSpan.FromHours(1));
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await ImportAsync(database, time, Posts, ImportKind.Posts);
        Assert.Equal(before, await DumpAsync(database));

        await using var db = database.CreateContext();
        var report = await new SearchProfileRefresher(db, time).RefreshAllAsync();
        Assert.Equal((4, 0, 0), (report.Accounts, report.ProfilesWritten, report.ChildRowsWritten));
        Assert.Equal(before, await DumpAsync(database));
    }

    [Theory, BothProviders]
    public async Task Changed_posts_update_terms_words_and_niches_in_place(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await ImportAsync(database, time, Posts, ImportKind.Posts);

        time.Advance(TimeSpan.FromDays(1));
        await ImportAsync(database, time,
            """
            platform,handle,post_id,posted_at,type,caption,likes,comments
            instagram,ben.lifts,b1,2026-11-15T10:00:00Z,reel,Trail run at dawn #hiking #outdoors,150,10
            instagram,ben.lifts,b2,2026-11-01T10:00:00Z,photo,Summit views #hiking #mountains,100,5

            """, ImportKind.Posts);

        await using var db = database.CreateContext();
        var ben = await db.Set<SearchProfile>().AsNoTracking().Include(p => p.Niches).Include(p => p.Terms).SingleAsync(p => p.Handle == "ben.lifts");
        Assert.Equal(["#hiking", "#mountains", "#outdoors"], ben.Terms.Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Equal(2, ben.Terms.Single(t => t.Term == "#hiking").Uses);
        Assert.Contains(ben.Niches, n => n.Niche == "outdoor");
        Assert.Equal(Start.UtcDateTime.AddDays(1), ben.UpdatedAt);
        Assert.Empty(await FindWordAsync(db, "deadlift"));
        Assert.Equal([ben.AccountId], await FindWordAsync(db, "summit"));
        // Anna was not touched by this import: her profile kept its time stamp.
        Assert.Equal(Start.UtcDateTime, (await db.Set<SearchProfile>().SingleAsync(p => p.Handle == "anna.bakes")).UpdatedAt);
    }

    [Theory, BothProviders]
    public async Task An_import_moves_the_engagement_percentiles_of_untouched_accounts_of_its_group(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await ImportAsync(database, time, Posts, ImportKind.Posts);
        await using var db = database.CreateContext();
        async Task<Dictionary<string, double?>> PercentilesAsync() =>
            await db.Set<SearchProfile>().AsNoTracking().Where(p => p.Tier == "micro").ToDictionaryAsync(p => p.Handle, p => p.EngagementPercentile);
        Assert.Equal(1.0, (await PercentilesAsync())["cleo.paints"]);

        time.Advance(TimeSpan.FromDays(1));
        await ImportAsync(database, time,
            """
            platform,handle,display_name,followers,following,posts_count,country,language,bio,email,external_url,is_verified,is_private,has_profile_pic,category
            instagram,eve.runs,Eve,11000,300,150,US,en,Marathon runner,,,false,false,true,

            """, ImportKind.Accounts);
        await ImportAsync(database, time,
            """
            platform,handle,post_id,posted_at,type,caption,likes,comments
            instagram,eve.runs,e1,2026-11-19T10:00:00Z,photo,Long run #running,5000,500

            """, ImportKind.Posts);

        var after = await PercentilesAsync();
        Assert.Equal(1.0, after["eve.runs"]);
        // Cleo was not imported again, yet her rank moved: 3 of 4 → (3 − 1) / (4 − 1).
        Assert.Equal(2.0 / 3, after["cleo.paints"]!.Value, 9);
        Assert.Equal(0.0, after.Values.Min());
    }

    [Theory, BothProviders]
    public async Task Deleting_an_account_deletes_its_profile_niches_terms_and_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await ImportAsync(database, time, Posts, ImportKind.Posts);

        await using var db = database.CreateContext();
        var anna = await IdOfAsync(db, "anna.bakes");
        await db.Posts.Where(p => p.AccountId == anna).ExecuteDeleteAsync();
        await db.Accounts.Where(a => a.Id == anna).ExecuteDeleteAsync();

        Assert.False(await db.Set<SearchProfile>().AnyAsync(p => p.AccountId == anna));
        Assert.False(await db.Set<SearchProfileNiche>().AnyAsync(n => n.AccountId == anna));
        Assert.False(await db.Set<SearchProfileTerm>().AnyAsync(t => t.AccountId == anna));
        Assert.Empty(await FindWordAsync(db, "sourdough"));
        Assert.Equal(3, await db.Set<SearchProfile>().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Refreshing_inside_an_open_transaction_stays_in_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await ImportAsync(database, time, Accounts, ImportKind.Accounts);
        await using var db = database.CreateContext();
        await db.Set<SearchProfile>().ExecuteDeleteAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var report = await new SearchProfileRefresher(db, time).RefreshAllAsync();
            Assert.Equal((4, 4), (report.Accounts, report.ProfilesWritten));
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await db.Set<SearchProfile>().CountAsync());

        var again = await new SearchProfileRefresher(db, time).RefreshAllAsync();
        Assert.Equal(4, again.ProfilesWritten);
        Assert.Equal(4, await db.Set<SearchProfile>().CountAsync());
    }

    /// <summary>Account ids whose words contain the word, through the provider's full-text index.</summary>
    internal static async Task<List<long>> FindWordAsync(GrapevineDb db, string word)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Provider == DatabaseProvider.Postgres
                ? "SELECT account_id FROM search_profiles WHERE words_vector @@ to_tsquery('simple', @word) ORDER BY account_id"
                : "SELECT rowid FROM search_profile_words WHERE search_profile_words MATCH @word ORDER BY rowid";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@word";
            parameter.Value = word;
            command.Parameters.Add(parameter);
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                ids.Add(reader.GetInt64(0));
            return ids;
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    /// <summary>Every stored search-profile row, as text, in key order.</summary>
    internal static async Task<string> DumpAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var text = new StringBuilder();
        foreach (var p in await db.Set<SearchProfile>().AsNoTracking().OrderBy(p => p.AccountId).ToListAsync())
        {
            text.AppendLine(string.Join('|', p.AccountId, p.Platform, p.Handle, p.DisplayName, p.Tier, p.Followers, p.Country, p.Language,
                p.IsVerified, p.HasEmail, p.PrimaryNiche, F(p.NicheConfidence), F(p.EngagementRate), F(p.EngagementPercentile),
                F(p.AudienceQuality), F(p.ExpectedEngagements), F(p.PriceEstimate), F(p.PriceLow), F(p.PriceHigh), p.LastPostedAt,
                F(p.SponsoredShare), F(p.Growth), F(p.SafetyScore), p.Words, p.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)));
        }
        foreach (var n in await db.Set<SearchProfileNiche>().AsNoTracking().OrderBy(n => n.AccountId).ThenBy(n => n.Niche).ToListAsync())
            text.AppendLine($"{n.AccountId}|{n.Niche}|{n.Score}");
        foreach (var t in await db.Set<SearchProfileTerm>().AsNoTracking().OrderBy(t => t.AccountId).ThenBy(t => t.Term).ToListAsync())
            text.AppendLine($"{t.AccountId}|{t.Term}|{t.LastUsedAt}|{t.Uses}");
        return text.ToString();

        static string F(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
    }
}
