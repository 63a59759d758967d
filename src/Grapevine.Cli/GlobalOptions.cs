using System.CommandLine;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;

namespace Grapevine.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database connection string or SQLite file (default: $GRAPEVINE_DB, else grapevine/grapevine.db in the user's data folder, the web app's too). 'Host=...' means PostgreSQL.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables.",
        Recursive = true,
    };

    public static string ConnectionString(ParseResult result) =>
        GrapevineDatabase.ResolveConnectionString(null, result.GetValue(Db));

    /// <summary>
    /// Opens the existing database named by --db, migrated to the current schema. A SQLite file that is not there is a
    /// usage error (exit 2): opening it would create an empty database, and a mistyped path would then read as "not found".
    /// </summary>
    public static async Task<GrapevineDb> OpenDatabaseAsync(ParseResult result, CancellationToken ct)
    {
        RequireExisting(result);
        return await OpenOrCreateDatabaseAsync(result, ct);
    }

    /// <summary>Opens the database named by --db, migrated to the current schema; a new SQLite file is created. For the commands that fill a database.</summary>
    public static async Task<GrapevineDb> OpenOrCreateDatabaseAsync(ParseResult result, CancellationToken ct)
    {
        var db = new GrapevineDb(GrapevineDatabase.CreateOptions(ConnectionString(result)));
        await GrapevineDatabase.MigrateAsync(db, ct);
        return db;
    }

    /// <summary>Throws a usage error when --db names a SQLite file that does not exist; PostgreSQL and in-memory databases pass.</summary>
    public static void RequireExisting(ParseResult result)
    {
        var connectionString = ConnectionString(result);
        if (GrapevineDatabase.ProviderOf(connectionString) == DatabaseProvider.Postgres)
            return;
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var path = sqlite.DataSource;
        if (sqlite.Mode == SqliteOpenMode.Memory || path.Length == 0 || path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        if (Directory.Exists(path))
            throw new CliUsageException($"--db: '{path}' is a folder, not a database file");
        if (File.Exists(path))
            return;
        var given = result.GetValue(Db);
        var db = string.IsNullOrWhiteSpace(given) ? "" : " --db " + Quoted(given.Trim());
        var source = !string.IsNullOrWhiteSpace(given) ? ""
            : string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(GrapevineDatabase.EnvironmentVariable)) ? " (the default; --db names another)"
            : $" (from ${GrapevineDatabase.EnvironmentVariable})";
        throw new CliUsageException($"no database at {path}{source}: run 'grapevine db migrate{db}' or 'grapevine demo{db}' first");
    }

    private static string Quoted(string value) => value.Any(c => char.IsWhiteSpace(c) || c is ';' or '\'' or '"') ? $"\"{value}\"" : value;
}
