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

    // sql selects account_id, posted_at, type, likes, comments, shares, saves, views, reach, is_paid_partnership, hashtags.
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
                    IsSponsored(statement)));
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

    /// <summary>
    /// The metric upsert as one statement prepared on the connection's handle, values bound by
    /// position (as the import's post writer does): 180,000 rows after a large import.
    /// </summary>
    public sealed class MetricUpsert(sqlite3 db, string sql) : IDisposable
    {
        private const string TimestampFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
        private readonly sqlite3_stmt _statement = Prepare(db, sql);

        // sql takes account_id, name, value, formula, n, window_start, window_end, computed_at as ?1..?8.
        public void Execute(long accountId, MetricValue value, DateTime computedAt)
        {
            raw.sqlite3_reset(_statement);
            Check(db, raw.sqlite3_bind_int64(_statement, 1, accountId));
            Check(db, raw.sqlite3_bind_text16(_statement, 2, value.Name));
            Check(db, value.Value is { } v ? raw.sqlite3_bind_double(_statement, 3, v) : raw.sqlite3_bind_null(_statement, 3));
            Check(db, raw.sqlite3_bind_text16(_statement, 4, value.Formula));
            Check(db, raw.sqlite3_bind_int64(_statement, 5, value.N));
            BindTimestamp(6, value.WindowStart);
            BindTimestamp(7, value.WindowEnd);
            BindTimestamp(8, computedAt);
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }

        // The text EF Core stores for a DateTime, so that stored values compare equal.
        private void BindTimestamp(int index, DateTime? value)
        {
            if (value is not { } v)
            {
                Check(db, raw.sqlite3_bind_null(_statement, index));
                return;
            }
            Span<char> text = stackalloc char[32];
            v.TryFormat(text, out var length, TimestampFormat, System.Globalization.CultureInfo.InvariantCulture);
            Check(db, raw.sqlite3_bind_text16(_statement, index, text[..length]));
        }

        public void Dispose() => _statement.Dispose();

        private static sqlite3_stmt Prepare(sqlite3 db, string sql)
        {
            Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
            return statement;
        }
    }

    private static bool IsSponsored(sqlite3_stmt statement)
    {
        if (raw.sqlite3_column_type(statement, 9) != raw.SQLITE_NULL && raw.sqlite3_column_int64(statement, 9) != 0)
            return true;
        var hashtags = raw.sqlite3_column_blob(statement, 10);
        // Most posts carry none of the disclosure tags: only those that might are decoded and checked by the rule itself.
        return (hashtags.IndexOf("ad"u8) >= 0 || hashtags.IndexOf("sponsored"u8) >= 0 || hashtags.IndexOf("paidpartnership"u8) >= 0)
            && SponsoredPost.IsSponsored(null, System.Text.Encoding.UTF8.GetString(hashtags));
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
