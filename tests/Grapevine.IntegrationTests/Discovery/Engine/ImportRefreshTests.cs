using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.IntegrationTests.Import;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Discovery.Engine;

[Collection(nameof(ConsoleOutput))]
public class ImportRefreshTests
{
    [Theory, BothProviders]
    public async Task An_import_through_the_API_is_searchable_in_the_index_when_it_answers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();
        var state = factory.Services.GetRequiredService<DiscoveryIndexState>();
        var index = await state.GetOrBuildAsync(CancellationToken.None);
        var context = new DiscoveryContext(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.Equal(0, index.Search(new DiscoveryQuery { Words = ["bakes"] }, context).Total);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/imports", Form("posts", ImportFixtures.PostsJsonLines, "posts.jsonl"))).StatusCode);

        var current = state.Current!;
        Assert.Equal(2, current.Search(new DiscoveryQuery { Words = ["bakes"] }, context).Total);
        Assert.Equal(1, current.Search(new DiscoveryQuery { Hashtags = ["recipe"], TagWindowDays = 3_650 }, context).Total);
    }

    [Theory, BothProviders]
    public async Task An_import_by_the_command_line_reaches_the_running_apps_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        factory.Settings["Discovery:CatchUpSeconds"] = "1";
        using var client = await factory.CreateApiClientAsync();
        var state = factory.Services.GetRequiredService<DiscoveryIndexState>();
        await state.GetOrBuildAsync(CancellationToken.None);
        var context = new DiscoveryContext(TimeProvider.System.GetUtcNow().UtcDateTime);

        // The CLI writes to the database from another process: nothing calls the app's RefreshAsync.
        var folder = Directory.CreateTempSubdirectory("grapevine-cli-import-");
        try
        {
            var accounts = Path.Combine(folder.FullName, "accounts.csv");
            var posts = Path.Combine(folder.FullName, "posts.jsonl");
            await File.WriteAllTextAsync(accounts, ImportFixtures.Accounts);
            await File.WriteAllTextAsync(posts, ImportFixtures.PostsJsonLines);
            Assert.Equal(0, (await CliHarness.RunAsync("import", accounts, "--kind", "accounts", "--db", database.ConnectionString)).Exit);
            Assert.Equal(0, (await CliHarness.RunAsync("import", posts, "--kind", "posts", "--db", database.ConnectionString)).Exit);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // A round already under way may have read the database before the import; the round after it cannot have.
        await state.NextCatchUp.WaitAsync(TimeSpan.FromSeconds(30));
        await state.NextCatchUp.WaitAsync(TimeSpan.FromSeconds(30));
        await state.BackgroundRebuild.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, state.Current!.Search(new DiscoveryQuery { Words = ["bakes"] }, context).Total);
        Assert.Equal(1, state.Current!.Search(new DiscoveryQuery { Hashtags = ["recipe"], TagWindowDays = 3_650 }, context).Total);
    }

    private static MultipartFormDataContent Form(string kind, string content, string fileName = "upload.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", fileName } };
    }
}
