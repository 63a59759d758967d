using Grapevine.Cli;

namespace Grapevine.IntegrationTests.Infrastructure;

/// <summary>Tests that run the CLI in-process swap Console.Out, so they never run in parallel with each other.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;

/// <summary>Runs <c>grapevine …</c> in-process and captures what it prints.</summary>
public static class CliHarness
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await GrapevineCommand.InvokeAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
