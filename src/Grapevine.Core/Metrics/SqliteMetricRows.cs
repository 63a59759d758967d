using System.Buffers.Text;
using Grapevine.Core.Catalogue;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grapevine.Core.Metrics;

/// <summary>
/// Reads the posts and snapshots the metrics need straight from SQLite's statement API. Through
/// ADO.NET each column costs two calls per row (null check and value), which made reading 1M posts
/// take seconds; here a row is a handful of native calls and the timestamp is parsed from its bytes.
/// </summary>
internal static class SqliteMetricRows
{
    private static readonly byte[][] TypeNames = [.. CatalogueNames.PostTypes.Select(System.Text.Encoding.UTF8.GetBytes)];

    // sql selects account_id, posted_at, type, likes, comments, shares, saves, views, reach, sponsored (0/1).
    public static void ReadPosts(sqlite3 db, string sql, Dictionary<long, MetricInput> inputs)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (!inputs.TryGetValue(raw.sqlite3_column_int64(statement, 0), out var input))
                    continue;
                var type = ParseType(raw.sqlite3_column_blob(statement, 2));
                if (type is null)
                    continue;
                input.Posts.Add(new PostObservation(
                    ParseTimestamp(raw.sqlite3_column_blob(statement, 1)), type.Value,
                    Long(statement, 3), Long(statement, 4), Long(statement, 5), Long(statement, 6), Long(statement, 7), Long(statement, 8),
                    raw.sqlite3_column_int(statement, 9) == 1));
            }
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }
    }

    // sql selects account_id, at, followers.
    public static void ReadSnapshots(sqlite3 db, string sql, Dictionary<long, MetricInput> inputs)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (inputs.TryGetValue(raw.sqlite3_column_int64(statement, 0), out var input))
                    input.Snapshots.Add(new SnapshotObservation(ParseTimestamp(raw.sqlite3_column_blob(statement, 1)), Long(statement, 2)));
            }
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }
    }

    private static long? Long(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, column);

    private static PostType? ParseType(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < TypeNames.Length; i++)
        {
            if (text.SequenceEqual(TypeNames[i]))
                return (PostType)i;
        }
        return null;
    }

    /// <summary>Parses EF Core's SQLite text form of a DateTime, "yyyy-MM-dd HH:mm:ss[.fffffff]", as UTC.</summary>
    internal static DateTime ParseTimestamp(ReadOnlySpan<byte> text)
    {
        if (text.Length >= 19 && text[4] == '-' && text[10] == ' '
            && Utf8Parser.TryParse(text[..4], out int year, out _) && Utf8Parser.TryParse(text.Slice(5, 2), out int month, out _)
            && Utf8Parser.TryParse(text.Slice(8, 2), out int day, out _) && Utf8Parser.TryParse(text.Slice(11, 2), out int hour, out _)
            && Utf8Parser.TryParse(text.Slice(14, 2), out int minute, out _) && Utf8Parser.TryParse(text.Slice(17, 2), out int second, out _))
        {
            var value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
            if (text.Length > 20 && text[19] == '.')
            {
                var fraction = text[20..];
                long ticks = 0;
                for (var i = 0; i < 7; i++)
                    ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
                value = value.AddTicks(ticks);
            }
            return value;
        }
        // Anything else (written by another tool) goes through the framework's parser.
        return DateTime.Parse(System.Text.Encoding.UTF8.GetString(text), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(rc, db);
    }
}
