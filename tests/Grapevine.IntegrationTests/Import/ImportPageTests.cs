using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Import;

/// <summary>The import page's form, posted as a browser without JavaScript posts it.</summary>
public class ImportPageTests
{
    private static MultipartFormDataContent PageForm(string token, string kind, string content, string fileName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(token), Forms.TokenField },
            { new StringContent(kind), "kind" },
            { file, "file", fileName },
        };
    }

    [Theory, BothProviders]
    public async Task The_form_without_javascript_imports_and_shows_the_report_as_a_page(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        await host.Factory.CreateWorkspaceAsync(owner, "Acme");
        using var browser = await host.Factory.SignInAsync("owner@example.com");

        var form = await AuthTestHost.HtmlAsync(await browser.GetAsync("/import"));
        // The form posts to the page itself, never to the API (whose JSON a browser would show).
        Assert.DoesNotContain("action=\"/api/v1/imports\"", form);
        var csv = new StringBuilder(ImportFixtures.Accounts);
        for (var i = 1; i <= 1001; i++)
            csv.Append(CultureInfo.InvariantCulture, $"instagram,bad{i},Bad,-{i},,,,,,,,,,,\n");
        var response = await browser.PostAsync("/import", PageForm(Forms.Token(form), "accounts", csv.ToString(), "creators.csv"));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await AuthTestHost.HtmlAsync(response));
        Assert.Contains("<h2>Imported 3 accounts; 1,001 rows rejected</h2>", html);
        Assert.Contains("<dt>Rejected</dt><dd>1,001</dd>", html);
        Assert.Contains("Showing the first 1,000 of 1,001 rows rejected.", html);
        // The first rejected row by line and field, and the download of all of them.
        Assert.Contains("<td class=\"num\">5</td><td>followers</td><td>'-1' is negative; counts are 0 or more</td>", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/api/v1/imports/rejected-rows/[0-9a-f-]+)\" download>Download all 1,001 rows rejected \\(CSV\\)</a>");
        Assert.True(link.Success, "the page links the rejected rows' download");
        // The test host sets no data directory, so a restart would forget the file: the page says so.
        Assert.Matches(@"Kept until \d{4}-\d\d-\d\d \d\d:\d\d UTC, unless the server restarts before then \(it has no data directory set\)\.", html);
        var download = await browser.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(1002, (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await using (var db = host.Database.CreateContext())
            Assert.Equal(3, await db.Accounts.CountAsync());
        Assert.Single(await host.AuditAsync(), e => e.Action == ImportsApi.AuditAction);

        // A file rejected as a whole says why, on the page.
        var rejected = await browser.PostAsync("/import", PageForm(Forms.Token(form), "posts", "platform,handle,likez\ninstagram,a,1\n", "posts.csv"));
        var alert = WebUtility.HtmlDecode(await AuthTestHost.HtmlAsync(rejected));
        Assert.Contains("The file was rejected; nothing was imported", alert);
        Assert.Contains("file: line 1: unknown column 'likez'", alert);
    }
}
