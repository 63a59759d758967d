namespace Grapevine.Cli;

/// <summary>The exit codes scripts rely on (DESIGN.md, "Command line").</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InputRejected = 1;
    public const int UsageError = 2;
}
