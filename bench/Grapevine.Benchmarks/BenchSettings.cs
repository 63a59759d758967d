using System.Globalization;

namespace Grapevine.Benchmarks;

/// <param name="Size">How many rows or accounts; null for the scenario's default.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="PostgresServer">PostgreSQL server connection string; null runs SQLite only.</param>
/// <param name="PostgresSql">import only: run on the fresh PostgreSQL database after its migrations (schema experiments).</param>
public sealed record BenchSettings(int? Size, int Seed, string? PostgresServer, string? PostgresSql = null)
{
    /// <summary>The machine is shared: the 1-minute load average says how much of it the run had.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : -1;
}
