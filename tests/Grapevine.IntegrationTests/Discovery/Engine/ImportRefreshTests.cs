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

    private static MultipartFormDataContent Form(string kind, string content, string fileName = "upload.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", fileName } };
    }
}
