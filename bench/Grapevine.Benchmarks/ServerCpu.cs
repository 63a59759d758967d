using Npgsql;

namespace Grapevine.Benchmarks;

/// <summary>
/// CPU time used by a PostgreSQL server running on this machine (its postmaster, the backends
/// alive now and those already gone): on a shared machine it says how much work the server did,
/// whatever the wall clock says. Null for SQLite and for a server that is not local.
/// </summary>
internal sealed class ServerCpu(int postmaster)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<ServerCpu?> OpenAsync(string connectionString, CancellationToken ct)
    {
        if (!connectionString.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || !OperatingSystem.IsLinux())
            return null;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
            var folder = (string)(await command.ExecuteScalarAsync(ct))!;
            var pid = int.Parse(File.ReadLines(Path.Combine(folder, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            return new ServerCpu(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or PostgresException)
        {
            return null;
        }
    }

    public double Seconds()
    {
        // Fields after the command name: 14/15 utime/stime, 16/17 children's (reaped) utime/stime; 4 is the parent pid.
        var total = Fields(postmaster) is { } own ? own[11] + own[12] + own[13] + own[14] : 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || Fields(pid) is not { } fields || fields[1] != postmaster)
                continue;
            total += fields[11] + fields[12];
        }
        return total / TicksPerSecond;
    }

    private static long[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return [.. rest.Take(15).Select((v, i) => i == 0 ? 0 : long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
