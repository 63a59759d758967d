using System.Globalization;
using System.Text;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Import;

/// <summary>Small import files of every kind, and a dump of every catalogue table to compare database states.</summary>
internal static class ImportFixtures
{
    public const string Accounts =
        """
        platform,handle,display_name,followers,following,posts_count,country,language,bio,email,external_url,is_verified,is_private,has_profile_pic,category
        instagram,@Anna.Bakes,Anna Bakes,12000,300,150,us,en,"I bake, you eat",anna@example.com,https://anna.example,false,no,yes,food
        instagram,bob,,5000,,,,,,,,,,,
        tiktok,anna.bakes,Anna on TikTok,80000,10,40,US,en,,,,true,false,true,food

        """;

    public const string PostsJsonLines =
        """
        {"platform":"instagram","handle":"anna.bakes","post_id":"p1","posted_at":"2026-11-01T10:00:00Z","type":"reel","caption":"New #Recipe with @Bob! #recipe #yum","likes":500,"comments":20,"views":10000}
        {"platform":"instagram","handle":"anna.bakes","post_id":"p2","posted_at":"2026-11-05T08:30:00+01:00","type":"photo","caption":"Bread #ad","likes":300,"comments":10,"is_paid_partnership":true}
        {"platform":"instagram","handle":"bob","post_id":"p1","posted_at":"2026-11-03","type":"carousel","likes":50}
        {"platform":"tiktok","handle":"Anna.Bakes","post_id":"t1","posted_at":"2026-11-10T12:00:00Z","type":"video","likes":4000,"comments":100,"shares":30,"views":90000}

        """;

    public const string Snapshots =
        """
        platform,handle,at,followers,following,posts_count
        instagram,anna.bakes,2026-10-01T00:00:00Z,11000,290,140
        instagram,anna.bakes,2026-11-01T00:00:00Z,12000,300,150
        tiktok,anna.bakes,2026-11-01,80000,,

        """;

    public const string Followers =
        """
        platform,handle,follower_username,full_name,followers,following,posts_count,has_profile_pic,is_private,bio_length,has_external_url
        instagram,anna.bakes,fan_1,Fan One,120,300,12,yes,no,40,no
        instagram,anna.bakes,@Bot9912,,0,7500,0,no,no,0,no

        """;

    public const string Comments =
        """
        platform,handle,post_id,comment_id,author,text,posted_at
        instagram,anna.bakes,p1,c1,@fan_1,"Looks great, recipe?",2026-11-01T11:00:00Z
        instagram,anna.bakes,p1,c2,bot9912,nice pic,

        """;

    public static string Write(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), $"grapevine-import-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public static void Delete(params string[] paths)
    {
        foreach (var path in paths)
        {
            File.Delete(path);
            File.Delete(path + ".rejected.csv");
        }
    }

    private static readonly string[] Tables =
        ["creators", "accounts", "posts", "account_snapshots", "follower_samples", "comment_samples", "account_metrics"];

    /// <summary>Every row of every catalogue table, ordered, as text: equal dumps mean equal databases.</summary>
    public static async Task<string> DumpAsync(GrapevineDb db)
    {
        var dump = new StringBuilder();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in Tables)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
                await using var reader = await command.ExecuteReaderAsync();
                dump.AppendLine($"# {table}");
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
                        {
                            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                            var v => v.ToString(),
                        };
                        dump.Append(reader.GetName(i)).Append('=').Append(value).Append(i + 1 < reader.FieldCount ? "|" : "\n");
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return dump.ToString();
    }
}
