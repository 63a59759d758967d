using System.Runtime.InteropServices;
using SQLitePCL;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Column getters called straight into the bundled SQLite library on the statement's raw pointer. SQLitePCL's getters
/// take the statement as a SafeHandle (reference counted on every call) and make a full native transition: the columns
/// of a report's 5,000 follower rows (about 20 getter calls a row) took 4.0 ms that way and take 2.7 ms this way (best of
/// 60, docs/benchmarks.md). These getters only read the current row, never block and never call back, so they can skip
/// the GC transition.
/// </summary>
internal static class SqliteColumns
{
    private const string Library = "e_sqlite3";
    private const int Null = 5; // SQLITE_NULL

    /// <summary>Whether the connection's SQLite is the bundled e_sqlite3 these getters bind to; otherwise use SQLitePCL's.</summary>
    public static readonly bool Available = raw.GetNativeLibraryName() == Library;

    public static long? Long(IntPtr statement, int column) =>
        sqlite3_column_type(statement, column) == Null ? null : sqlite3_column_int64(statement, column);

    public static bool? Bool(IntPtr statement, int column) =>
        sqlite3_column_type(statement, column) == Null ? null : sqlite3_column_int64(statement, column) != 0;

    public static string? Text(IntPtr statement, int column)
    {
        if (sqlite3_column_type(statement, column) == Null)
            return null;
        // Text first, then its length in bytes: the order SQLite documents as safe.
        var text = sqlite3_column_text(statement, column);
        return Marshal.PtrToStringUTF8(text, sqlite3_column_bytes(statement, column));
    }

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_column_type(IntPtr statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern long sqlite3_column_int64(IntPtr statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern IntPtr sqlite3_column_text(IntPtr statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(IntPtr statement, int column);
}
