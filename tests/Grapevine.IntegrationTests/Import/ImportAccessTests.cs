using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Import;

/// <summary>Who may import into the shared catalogue through the web app and the API, and the audit entry each import leaves.</summary>
public class ImportAccessTests
{
    private static MultipartFormDataContent Form(string kind, string content, string fileName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", fileName } };
    }

    [Theory, BothProviders]
    public async Task Every_web_import_is_audited_in_the_importers_workspace(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Acme");
        using var api = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, owner));

        var ok = await api.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts + "instagram,bad,Bad,-1,,,,,,,,,,,\n", "creators.csv"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var again = await api.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts, "creators.csv"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var bad = await api.PostAsync("/api/v1/imports", Form("posts", "platform,handle,likez\ninstagram,a,1\n", "posts.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var imports = (await host.AuditAsync()).Where(e => e.Action == ImportsApi.AuditAction).ToList();
        Assert.Equal(3, imports.Count);
        Assert.All(imports, e => Assert.Equal((workspace, owner.Id), (e.WorkspaceId, e.ActorUserId)));
        // All three happened at one instant of the test clock, so their order is not asserted.
        Assert.Contains(imports, e => e.Target == "file 'creators.csv'" && e.Detail == "accounts: 3 inserted, 0 updated, 0 unchanged, 1 rejected");
        Assert.Contains(imports, e => e.Target == "file 'creators.csv'" && e.Detail == "accounts: 0 inserted, 0 updated, 3 unchanged, 0 rejected");
        Assert.Contains(imports, e => e.Target == "file 'posts.csv'"
            && e.Detail!.StartsWith("posts: the file was rejected, nothing imported (line 1: unknown column 'likez'", StringComparison.Ordinal));

        // The audit log page names the event.
        using var browser = await host.Factory.SignInAsync("owner@example.com");
        Assert.Contains("catalogue import", await AuthTestHost.HtmlAsync(await browser.GetAsync("/audit")));
    }

    [Theory, BothProviders]
    public async Task Every_rejected_row_is_downloadable_as_csv_by_its_importer_for_a_day(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Acme");
        var colleague = await host.Factory.CreateUserAsync("colleague@example.com");
        await host.Factory.AddMemberAsync(workspace, colleague, WorkspaceRole.Admin);
        var stranger = await host.Factory.CreateUserAsync("stranger@example.com");
        await host.Factory.CreateWorkspaceAsync(stranger, "Elsewhere");
        using var browser = await host.Factory.SignInAsync("owner@example.com");
        using var key = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, owner));

        // More rejected rows than the report lists (1,000), and one good row written as a spreadsheet exports it.
        var csv = new StringBuilder("platform,handle,followers\n");
        for (var i = 1; i <= 1200; i++)
            csv.Append(CultureInfo.InvariantCulture, $"instagram,bad{i},-{i}\n");
        csv.Append("instagram,good,\"12,400\"\n");
        var response = await browser.PostAsync("/api/v1/imports", Form("accounts", csv.ToString(), "creators.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1200, 1000, true), (report.GetProperty("inserted").GetInt32(), report.GetProperty("rejected").GetInt32(),
            report.GetProperty("rejections").GetArrayLength(), report.GetProperty("rejectionsTruncated").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("rejectedFile").ValueKind);
        var url = report.GetProperty("rejectedRowsUrl").GetString()!;
        Assert.StartsWith("/api/v1/imports/rejected-rows/", url);
        Assert.Equal(host.Time.GetUtcNow().AddHours(24), report.GetProperty("rejectedRowsExpireAt").GetDateTimeOffset());

        var download = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var lines = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1201, lines.Length);
        Assert.Equal("platform,handle,followers,line,field,error", lines[0]);
        Assert.Equal("instagram,bad1200,-1200,1201,followers,'-1200' is negative; counts are 0 or more", lines[^1]);
        // The importer's keys may fetch it too; nobody else may, not even another admin of the workspace.
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync(url)).StatusCode);
        using (var other = await host.Factory.SignInAsync("colleague@example.com"))
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        using (var other = await host.Factory.SignInAsync("stranger@example.com"))
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);

        // An import without rejected rows has nothing to download.
        var clean = await (await key.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts, "clean.csv"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, clean.GetProperty("rejectedRowsUrl").ValueKind);

        // A day later the file is gone, and the answer says how to get the rows again.
        host.Time.Advance(TimeSpan.FromHours(24));
        var expired = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("kept for 24 hours", await expired.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task With_importers_named_only_they_and_their_keys_may_import(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider, f => f.Settings["Grapevine:CatalogueImporters:0"] = "Data@Brand.example");
        var importer = await host.Factory.CreateUserAsync("data@brand.example");
        var stranger = await host.Factory.CreateUserAsync("stranger@evil.example");
        var brand = await host.Factory.CreateWorkspaceAsync(importer, "Brand");
        var evil = await host.Factory.CreateWorkspaceAsync(stranger, "Evil");

        // An Owner of their own workspace is refused, with the reason, and nothing is written or audited.
        using var strangerKey = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(evil, stranger));
        var refused = await strangerKey.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts, "scam.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Grapevine:CatalogueImporters", problem.GetProperty("detail").GetString());
        Assert.Contains("stranger@evil.example is not one of them", problem.GetProperty("detail").GetString());
        await using (var db = host.Database.CreateContext())
            Assert.Equal(0, await db.Accounts.CountAsync());
        Assert.DoesNotContain(await host.AuditAsync(), e => e.Action == ImportsApi.AuditAction);

        using var strangerBrowser = await host.Factory.SignInAsync("stranger@evil.example");
        var page = await AuthTestHost.HtmlAsync(await strangerBrowser.GetAsync("/import"));
        Assert.Contains("only the people named in its Grapevine:CatalogueImporters setting", page);
        Assert.DoesNotContain("type=\"file\"", page);

        // The named person (matched without regard to case) imports, by key and signed in.
        using var importerKey = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(brand, importer));
        Assert.Equal(HttpStatusCode.OK, (await importerKey.PostAsync("/api/v1/imports", Form("accounts", ImportFixtures.Accounts, "a.csv"))).StatusCode);
        using var importerBrowser = await host.Factory.SignInAsync("data@brand.example");
        Assert.Contains("type=\"file\"", await AuthTestHost.HtmlAsync(await importerBrowser.GetAsync("/import")));

        // A Member added to the importer's workspace is not the importer.
        var colleague = await host.Factory.CreateUserAsync("colleague@brand.example");
        await host.Factory.AddMemberAsync(brand, colleague, WorkspaceRole.Member);
        using var colleagueBrowser = await host.Factory.SignInAsync("colleague@brand.example");
        Assert.DoesNotContain("type=\"file\"", await AuthTestHost.HtmlAsync(await colleagueBrowser.GetAsync("/import")));
    }
}
