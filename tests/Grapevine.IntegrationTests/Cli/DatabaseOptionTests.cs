using Grapevine.Cli;
using Grapevine.IntegrationTests.Import;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Grapevine.IntegrationTests.Cli;

/// <summary>A --db that names no database: the commands that read refuse it, the ones that fill a database create it.</summary>
[Collection(nameof(ConsoleOutput))]
public class DatabaseOptionTests
{
    public static TheoryData<string[]> ReadingCommands => new()
    {
        new[] { "search", "vegan" },
        new[] { "account", "instagram", "anna" },
        new[] { "vet", "instagram", "anna" },
        new[] { "lookalikes", "instagram", "anna" },
        new[] { "plan", "--budget", "500", "--goal", "sales" },
        new[] { "plan", "--campaign", "5b0c7a3e-51f4-4c8a-9a8e-0c1d2e3f4a5b" },
        new[] { "campaign", "list", "--workspace", "Demo Brand" },
        new[] { "campaign", "show", "5b0c7a3e-51f4-4c8a-9a8e-0c1d2e3f4a5b" },
        new[] { "campaign", "create", "--workspace", "Demo Brand", "--name", "Spring", "--brand", "Oat", "--goal", "sales", "--budget", "100" },
        new[] { "discovery", "refresh" },
    };

    [Theory, MemberData(nameof(ReadingCommands))]
    public async Task A_missing_sqlite_file_is_a_usage_error_and_is_not_created(string[] command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"grapevine-typo-{Guid.NewGuid():N}.db");

        var run = await CliHarness.RunAsync([.. command, "--db", file]);

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Equal($"error: no database at {file}: run 'grapevine db migrate --db {file}' or 'grapevine demo --db {file}' first", run.Error.Trim());
        Assert.Empty(run.Out);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_connection_string_names_its_file_and_is_quoted_in_the_hint()
    {
        var file = Path.Combine(Path.GetTempPath(), $"grapevine-typo-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False";

        var run = await CliHarness.RunAsync("search", "--db", connection);

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Equal($"error: no database at {file}: run 'grapevine db migrate --db \"{connection}\"' or 'grapevine demo --db \"{connection}\"' first", run.Error.Trim());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Migrate_and_import_create_the_file_and_then_reading_works()
    {
        var file = Path.Combine(Path.GetTempPath(), $"grapevine-new-{Guid.NewGuid():N}.db");
        var imported = Path.Combine(Path.GetTempPath(), $"grapevine-new-{Guid.NewGuid():N}.db");
        var accounts = ImportFixtures.Write(ImportFixtures.Accounts);
        try
        {
            Assert.Equal(ExitCodes.Success, (await CliHarness.RunAsync("db", "migrate", "--db", file)).Exit);
            Assert.True(File.Exists(file));
            var search = await CliHarness.RunAsync("search", "vegan", "--db", file);
            Assert.True(search.Exit == ExitCodes.Success, search.Error);
            Assert.Contains("The catalogue is empty", search.Out);

            var import = await CliHarness.RunAsync("import", accounts, "--kind", "accounts", "--db", imported);
            Assert.True(import.Exit == ExitCodes.Success, import.Error);
            Assert.True(File.Exists(imported));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, imported }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }).Append(accounts))
                File.Delete(path);
        }
    }
}
