using System.Text;
using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Reads one account's vetting rows straight from SQLite's statement API (as <see cref="SqliteMetricRows"/> does for
/// the metrics): through ADO.NET every column of the 5,000 follower rows costs a null check and a typed getter with
/// their checks, which made reading take half of a report's time.
/// </summary>
internal static class SqliteVettingRows
{
    private const string AccountSql = "SELECT id, handle, followers FROM accounts WHERE platform = ?1 AND handle = ?2";
    private const string PostsSql = "SELECT external_id, posted_at, type, caption, hashtags, likes, comments, shares, saves, views, reach, is_paid_partnership " +
        "FROM posts WHERE account_id = ?1";
    private const string SnapshotsSql = "SELECT at, followers FROM account_snapshots WHERE account_id = ?1";
    private const string FollowersSql = "SELECT follower_username, full_name, bio_length, followers, following, posts_count, has_profile_pic, is_private, has_external_url " +
        "FROM follower_samples WHERE account_id = ?1";
    private const string CommentsSql = "SELECT post_external_id, author, text, posted_at FROM comment_samples WHERE account_id = ?1";

    public static VettingInput? Read(SqliteConnection connection, Platform platform, string handle)
    {
        var db = connection.Handle!;
        long id;
        string stored;
        long? followers;
        using (var statement = Prepare(db, AccountSql))
        {
            Check(db, raw.sqlite3_bind_text16(statement, 1, platform.Name()));
            Check(db, raw.sqlite3_bind_text16(statement, 2, handle));
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                Check(db, rc);
                return null;
            }
            id = raw.sqlite3_column_int64(statement, 0);
            stored = Text(statement, 1)!;
            followers = Long(statement, 2);
        }

        var posts = new List<VettingPost>();
        Each(db, PostsSql, id, s =>
        {
            if (CatalogueNames.TryParsePostType(Text(s, 2)!, out var type))
            {
                posts.Add(new VettingPost(Text(s, 0)!, SqliteMetricRows.ParseTimestamp(raw.sqlite3_column_blob(s, 1)), type, Text(s, 3), Text(s, 4),
                    Long(s, 5), Long(s, 6), Long(s, 7), Long(s, 8), Long(s, 9), Long(s, 10), Bool(s, 11)));
            }
        });
        var snapshots = new List<SnapshotObservation>();
        Each(db, SnapshotsSql, id, s => snapshots.Add(new SnapshotObservation(SqliteMetricRows.ParseTimestamp(raw.sqlite3_column_blob(s, 0)), Long(s, 1))));
        var sample = new List<FollowerProfile>();
        if (SqliteColumns.Available)
        {
            Each(db, FollowersSql, id, s =>
            {
                var p = s.DangerousGetHandle();
                sample.Add(new FollowerProfile(SqliteColumns.Text(p, 0)!, SqliteColumns.Text(p, 1), null, (int?)SqliteColumns.Long(p, 2),
                    SqliteColumns.Long(p, 3), SqliteColumns.Long(p, 4), SqliteColumns.Long(p, 5),
                    SqliteColumns.Bool(p, 6), SqliteColumns.Bool(p, 7), SqliteColumns.Bool(p, 8)));
            });
        }
        else
        {
            Each(db, FollowersSql, id, s => sample.Add(new FollowerProfile(Text(s, 0)!, Text(s, 1), null, (int?)Long(s, 2),
                Long(s, 3), Long(s, 4), Long(s, 5), Bool(s, 6), Bool(s, 7), Bool(s, 8))));
        }
        var comments = new List<VettingComment>();
        Each(db, CommentsSql, id, s => comments.Add(new VettingComment(Text(s, 0)!, Text(s, 1), Text(s, 2),
            raw.sqlite3_column_type(s, 3) == raw.SQLITE_NULL ? null : SqliteMetricRows.ParseTimestamp(raw.sqlite3_column_blob(s, 3)))));
        return new VettingInput(platform, stored, followers, posts, snapshots, sample, comments);
    }

    private static void Each(sqlite3 db, string sql, long accountId, Action<sqlite3_stmt> row)
    {
        using var statement = Prepare(db, sql);
        Check(db, raw.sqlite3_bind_int64(statement, 1, accountId));
        int rc;
        while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            row(statement);
        if (rc != raw.SQLITE_DONE)
            Check(db, rc);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static long? Long(sqlite3_stmt s, int column) =>
        raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(s, column);

    private static bool? Bool(sqlite3_stmt s, int column) =>
        raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(s, column) != 0;

    private static string? Text(sqlite3_stmt s, int column) =>
        raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(s, column));

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(rc, db);
    }
}
