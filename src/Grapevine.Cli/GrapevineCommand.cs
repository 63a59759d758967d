using System.CommandLine;
using Grapevine.Cli.Commands;

namespace Grapevine.Cli;

/// <summary>The `grapevine` command tree. Tests call <see cref="InvokeAsync"/> directly.</summary>
public static class GrapevineCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Grapevine: find, vet and run campaigns with nano and micro creators.");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(AccountCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(AuthenticityCommand.Create());
        root.Subcommands.Add(VetCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(LookalikesCommand.Create());
        root.Subcommands.Add(DiscoveryCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(CampaignCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CancellationToken ct = default)
    {
        // Handles are typed with a leading @ (grapevine account instagram @anna): no response files.
        var result = Create().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            foreach (var message in UsageErrorText.Of(result))
                Console.Error.WriteLine($"error: {message}");
            Console.Error.WriteLine("Run 'grapevine --help' for usage.");
            return ExitCodes.UsageError;
        }
        return await result.InvokeAsync(cancellationToken: ct);
    }
}
