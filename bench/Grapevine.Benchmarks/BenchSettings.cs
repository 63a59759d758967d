using System.Globalization;

namespace Grapevine.Benchmarks;

public sealed record BenchSettings(int? Size, int Seed, string? PostgresServer)
{
    /// <summary>The machine is shared: the 1-minute load average says how much of it the run had.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : -1;
}
