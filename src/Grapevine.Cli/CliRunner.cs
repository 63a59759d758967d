namespace Grapevine.Cli;

/// <summary>Runs a command's body so that a failure prints one clear line, never a stack trace.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return ExitCodes.InputRejected;
        }
        catch (CliUsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Console.Error.WriteLine($"error: {e.GetBaseException().Message}");
            return ExitCodes.InputRejected;
        }
    }
}

/// <summary>Wrong words on the command line: exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
