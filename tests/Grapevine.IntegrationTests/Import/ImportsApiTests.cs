using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Import;

public class ImportsApiTests
{
    private static MultipartFormDataContent Form(string? kind, string? content, string fileName = "upload.csv")
    {
        var form = new MultipartFormDataContent();
        if (kind is not null)
            form.Add(new StringContent(kind), "kind");
        if (content is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", fileName);
        }
        return form;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Theory, BothProviders]
    public async Task Uploads_are_imported_and_bad_requests_name_the_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText?.TrimEnd('/') == "/api/v1/imports");
        Assert.Equal(new Grapevine.Web.GrapevineOptions().MaxUploadBytes, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(new Grapevine.Web.GrapevineOptions().MaxUploadBytes, endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);

        var ok = await client.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts + "instagram,bad,Bad,-1,,,,,,,,,,,\n"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var report = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("inserted").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var rejection = report.GetProperty("rejections")[0];
        Assert.Equal((5, "followers"), (rejection.GetProperty("line").GetInt32(), rejection.GetProperty("field").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("rejectedFile").ValueKind);

        var posts = await client.PostAsync("/api/v1/imports", Form("posts", ImportFixtures.PostsJsonLines, "posts.jsonl"));
        Assert.Equal(HttpStatusCode.OK, posts.StatusCode);
        Assert.Equal(4, (await posts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());

        Assert.StartsWith("kind is required", (await ProblemAsync(await client.PostAsync("/api/v1/imports", Form(null, "platform,handle\n"))))
            .GetProperty("kind")[0].GetString());
        Assert.StartsWith("unknown kind 'likes'", (await ProblemAsync(await client.PostAsync("/api/v1/imports", Form("likes", "platform,handle\n"))))
            .GetProperty("kind")[0].GetString());
        Assert.StartsWith("file is required", (await ProblemAsync(await client.PostAsync("/api/v1/imports", Form("posts", null))))
            .GetProperty("file")[0].GetString());
        Assert.Equal("the file is empty", (await ProblemAsync(await client.PostAsync("/api/v1/imports", Form("posts", ""))))
            .GetProperty("file")[0].GetString());
        Assert.StartsWith("line 1: unknown column 'likez'",
            (await ProblemAsync(await client.PostAsync("/api/v1/imports", Form("posts", "platform,handle,likez\ninstagram,a,1\n"))))
            .GetProperty("file")[0].GetString());

        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Accounts.CountAsync());
        Assert.Equal(4, await db.Posts.CountAsync());
    }
}
