using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Grapevine.Core.Data;

/// <summary>
/// The provider switch: a connection string that starts with <c>Host=</c> is PostgreSQL,
/// anything else is a SQLite file (default <see cref="DefaultDatabasePath"/>).
/// </summary>
public static class GrapevineDatabase
{
    /// <summary>
    /// The SQLite file used when nothing names one: <c>grapevine/grapevine.db</c> in the user's data folder
    /// (<c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows), or <c>grapevine.db</c> in the working
    /// directory when there is no such folder. Not the working directory first: <c>dotnet run --project src/Grapevine.Web</c>
    /// runs the web app in its project folder, so the web app and the CLI started from the same place used two databases.
    /// </summary>
    public static string DefaultDatabasePath { get; } = DataFolderFile();

    public static string DefaultConnectionString => $"Data Source={DefaultDatabasePath}";
    public const string EnvironmentVariable = "GRAPEVINE_DB";
    public const string ConfigurationKey = "Grapevine";

    public static DatabaseProvider ProviderOf(string connectionString) =>
        connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The connection string from <c>ConnectionStrings:Grapevine</c>, then <c>GRAPEVINE_DB</c>, then the default file.</summary>
    public static string ResolveConnectionString(IConfiguration? configuration, string? explicitValue = null)
    {
        // A blank value counts as unset at every step: appsettings.json ships an empty connection string, which must not
        // hide GRAPEVINE_DB.
        var value = Set(explicitValue)
            ?? Set(configuration?.GetConnectionString(ConfigurationKey))
            ?? Set(configuration?[EnvironmentVariable])
            ?? Set(Environment.GetEnvironmentVariable(EnvironmentVariable));
        if (!string.IsNullOrWhiteSpace(value))
            return Normalize(value);
        // SQLite creates the file but not its folder.
        if (Path.GetDirectoryName(DefaultDatabasePath) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        return DefaultConnectionString;
    }

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string DataFolderFile()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? "grapevine.db" : Path.Combine(data, "grapevine", "grapevine.db");
    }

    /// <summary>A bare file path is accepted for SQLite and turned into a connection string.</summary>
    public static string Normalize(string connectionString)
    {
        var trimmed = connectionString.Trim();
        if (ProviderOf(trimmed) == DatabaseProvider.Postgres || trimmed.Contains('='))
            return trimmed;
        return $"Data Source={trimmed}";
    }

    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        var normalized = Normalize(connectionString);
        if (ProviderOf(normalized) == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(normalized, o => o.MigrationsAssembly("Grapevine.Migrations.Postgres"));
        }
        else
        {
            builder.UseSqlite(normalized, o => o.MigrationsAssembly("Grapevine.Migrations.Sqlite"));
        }
        builder.UseSnakeCaseNamingConvention();
    }

    public static DbContextOptions<GrapevineDb> CreateOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<GrapevineDb>();
        Configure(builder, connectionString);
        return builder.Options;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL mode (a persistent setting).</summary>
    public static async Task MigrateAsync(GrapevineDb db, CancellationToken cancellationToken = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
