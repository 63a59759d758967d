using System.Data;
using System.Data.Common;
using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Reads everything a report needs about one account: a report reads thousands of follower rows and must stay well
/// under 50 ms, so no change tracking and no per-row overhead. PostgreSQL: one round trip of five SELECTs with plain
/// ADO.NET; SQLite (in process, no round trips): its statement API (<see cref="SqliteVettingRows"/>).
/// </summary>
internal static class VettingInputReader
{
    private const string Account = "(SELECT id FROM accounts WHERE platform = @platform AND handle = @handle)";

    private const string Sql =
        "SELECT id, handle, followers FROM accounts WHERE platform = @platform AND handle = @handle;\n" +
        "SELECT external_id, posted_at, type, caption, hashtags, likes, comments, shares, saves, views, reach, is_paid_partnership " +
        $"FROM posts WHERE account_id = {Account};\n" +
        $"SELECT at, followers FROM account_snapshots WHERE account_id = {Account};\n" +
        "SELECT follower_username, full_name, bio_length, followers, following, posts_count, has_profile_pic, is_private, has_external_url " +
        $"FROM follower_samples WHERE account_id = {Account};\n" +
        $"SELECT post_external_id, author, text, posted_at FROM comment_samples WHERE account_id = {Account};";

    public static async Task<VettingInput?> ReadAsync(GrapevineDb db, Platform platform, string handle, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
                return SqliteVettingRows.Read((SqliteConnection)connection, platform, CatalogueNames.NormalizeHandle(handle));
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql;
            Add(command, "@platform", platform.Name());
            Add(command, "@handle", CatalogueNames.NormalizeHandle(handle));
            await using var r = await command.ExecuteReaderAsync(ct);

            if (!await r.ReadAsync(ct))
                return null;
            var stored = r.GetString(1);
            var followers = Long(r, 2);

            await r.NextResultAsync(ct);
            var posts = new List<VettingPost>();
            while (await r.ReadAsync(ct))
            {
                if (!CatalogueNames.TryParsePostType(r.GetString(2), out var type))
                    continue;
                posts.Add(new VettingPost(r.GetString(0), Utc(r.GetDateTime(1)), type, Text(r, 3), Text(r, 4),
                    Long(r, 5), Long(r, 6), Long(r, 7), Long(r, 8), Long(r, 9), Long(r, 10), Bool(r, 11)));
            }

            await r.NextResultAsync(ct);
            var snapshots = new List<SnapshotObservation>();
            while (await r.ReadAsync(ct))
                snapshots.Add(new SnapshotObservation(Utc(r.GetDateTime(0)), Long(r, 1)));

            await r.NextResultAsync(ct);
            var sample = new List<FollowerProfile>();
            while (await r.ReadAsync(ct))
            {
                sample.Add(new FollowerProfile(r.GetString(0), Text(r, 1), null, r.IsDBNull(2) ? null : r.GetInt32(2),
                    Long(r, 3), Long(r, 4), Long(r, 5), Bool(r, 6), Bool(r, 7), Bool(r, 8)));
            }

            await r.NextResultAsync(ct);
            var comments = new List<VettingComment>();
            while (await r.ReadAsync(ct))
                comments.Add(new VettingComment(r.GetString(0), Text(r, 1), Text(r, 2), r.IsDBNull(3) ? null : Utc(r.GetDateTime(3))));

            return new VettingInput(platform, stored, followers, posts, snapshots, sample, comments);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
