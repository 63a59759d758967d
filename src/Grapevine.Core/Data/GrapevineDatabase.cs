using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Grapevine.Core.Data;

/// <summary>
/// The provider switch: a connection string that starts with <c>Host=</c> is PostgreSQL,
/// anything else is a SQLite file (default <c>grapevine.db</c> in the working directory).
/// </summary>
public static class GrapevineDatabase
{
    public const string DefaultConnectionString = "Data Source=grapevine.db";
    public const string EnvironmentVariable = "GRAPEVINE_DB";
    public const string ConfigurationKey = "Grapevine";

    public static DatabaseProvider ProviderOf(string connectionString) =>
        connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The connection string from <c>ConnectionStrings:Grapevine</c>, then <c>GRAPEVINE_DB</c>, then the default file.</summary>
    public static string ResolveConnectionString(IConfiguration? configuration, string? explicitValue = null)
    {
        var value = explicitValue
            ?? configuration?.GetConnectionString(ConfigurationKey)
            ?? configuration?[EnvironmentVariable]
            ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Normalize(string.IsNullOrWhiteSpace(value) ? DefaultConnectionString : value);
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
