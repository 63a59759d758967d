using System.Globalization;
using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// The search-profile refresh's SQLite fast paths: posts read and rows written through the statement API (values
/// bound by position on the connection's handle, as the import's writers and <see cref="SqliteMetricRows"/> do), since
/// ADO.NET's per-value overhead dominates at hundreds of thousands of rows.
/// </summary>
internal static class SqliteProfileRows
{
    private static readonly byte[][] TypeNames = [.. CatalogueNames.PostTypes.Select(Encoding.UTF8.GetBytes)];

    // sql selects account_id, posted_at, type, caption, hashtags, mentions, likes, comments.
    public static void ReadPosts(sqlite3 db, string sql, Dictionary<long, List<ProfilePost>> posts)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (!posts.TryGetValue(raw.sqlite3_column_int64(statement, 0), out var list))
                    continue;
                var type = ParseType(raw.sqlite3_column_blob(statement, 2));
                if (type is null)
                    continue;
                list.Add(new ProfilePost(SqliteMetricRows.ParseTimestamp(raw.sqlite3_column_blob(statement, 1)), type.Value,
                    Text(statement, 3), Text(statement, 4), Text(statement, 5), Long(statement, 6), Long(statement, 7)));
            }
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }
    }

    private static string? Text(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

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

    internal static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>One prepared statement whose values are bound by position (1-based) and run once per row.</summary>
    public sealed class Statement(sqlite3 db, string sql) : IDisposable
    {
        private const string TimestampFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
        private readonly sqlite3_stmt _statement = Prepare(db, sql);

        public Statement Bind(int index, long? value)
        {
            Check(db, value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
            return this;
        }

        public Statement Bind(int index, double? value)
        {
            Check(db, value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
            return this;
        }

        public Statement Bind(int index, bool? value) => Bind(index, value is { } v ? (v ? 1L : 0L) : null);

        public Statement Bind(int index, string? value)
        {
            Check(db, value is not null ? raw.sqlite3_bind_text16(_statement, index, value) : raw.sqlite3_bind_null(_statement, index));
            return this;
        }

        // The text EF Core stores for a DateTime, so that stored values compare equal.
        public Statement Bind(int index, DateTime value)
        {
            Span<char> text = stackalloc char[32];
            value.TryFormat(text, out var length, TimestampFormat, CultureInfo.InvariantCulture);
            Check(db, raw.sqlite3_bind_text16(_statement, index, text[..length]));
            return this;
        }

        public void Run()
        {
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }

        public void Dispose() => _statement.Dispose();

        private static sqlite3_stmt Prepare(sqlite3 db, string sql)
        {
            Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
            return statement;
        }
    }
}
