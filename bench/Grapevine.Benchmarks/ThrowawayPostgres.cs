using Npgsql;

namespace Grapevine.Benchmarks;

/// <summary>A fresh PostgreSQL database on the benchmark's server for one measurement, dropped afterwards.</summary>
public static class ThrowawayPostgres
{
    /// <summary>Creates a database, runs <paramref name="measure"/> with its connection string (no command timeout), and drops it.</summary>
    public static async Task<T> WithDatabaseAsync<T>(string server, Func<string, Task<T>> measure, CancellationToken ct)
    {
        var name = $"gv_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}", ct);
        try
        {
            return await measure(new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    public static async Task ExecuteAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
