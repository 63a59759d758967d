using System.CommandLine;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine db migrate</c>: brings the database to the current schema.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending migrations to the database named by --db.");
        migrate.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            await using var db = new GrapevineDb(GrapevineDatabase.CreateOptions(GlobalOptions.ConnectionString(result)));
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await GrapevineDatabase.MigrateAsync(db, ct);
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { provider = db.Provider.ToString().ToLowerInvariant(), applied = pending }, CliJson.Options));
            else
                Console.WriteLine(pending.Count == 0
                    ? $"Database ({db.Provider}) is up to date."
                    : $"Applied {pending.Count} migration(s) to {db.Provider}: {string.Join(", ", pending)}");
            return ExitCodes.Success;
        }));
        var command = new Command("db", "Database maintenance.");
        command.Subcommands.Add(migrate);
        return command;
    }
}
