using Spectre.Console;

namespace Grapevine.Cli;

/// <summary>
/// A console for one command run, bound to the current Console.Out: the static AnsiConsole keeps
/// the writer it first saw, which breaks in-process runs that redirect output (tests, hosts).
/// </summary>
public static class CliConsole
{
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
}
