using System.CommandLine;
using Grapevine.Core.Data;

namespace Grapevine.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database connection string or SQLite file (default: $GRAPEVINE_DB, else grapevine.db). 'Host=...' means PostgreSQL.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables.",
        Recursive = true,
    };

    public static string ConnectionString(ParseResult result) =>
        GrapevineDatabase.ResolveConnectionString(null, result.GetValue(Db));

    /// <summary>Opens the database named by --db, migrated to the current schema.</summary>
    public static async Task<GrapevineDb> OpenDatabaseAsync(ParseResult result, CancellationToken ct)
    {
        var db = new GrapevineDb(GrapevineDatabase.CreateOptions(ConnectionString(result)));
        await GrapevineDatabase.MigrateAsync(db, ct);
        return db;
    }
}
