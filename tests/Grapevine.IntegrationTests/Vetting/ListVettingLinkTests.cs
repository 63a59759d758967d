using System.Net;
using System.Text.RegularExpressions;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Vetting;

/// <summary>A saved list's page links to the multi-account vetting export of its accounts.</summary>
public class ListVettingLinkTests
{
    [Theory, BothProviders]
    public async Task A_list_page_links_to_vetting_its_accounts_and_says_when_it_takes_only_the_first_50(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count: VettingApi.MaxExportAccounts + 1);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var (small, large) = await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
        {
            var lists = s.GetRequiredService<ListService>();
            var small = await lists.CreateAsync("Two", default);
            await lists.AddAsync(small.Id, [seeded[0].Id, seeded[1].Id], default);
            var large = await lists.CreateAsync("All", default);
            await lists.AddAsync(large.Id, [.. seeded.Select(a => a.Id)], default);
            return (small.Id, large.Id);
        });
        static string VetLink(string html) =>
            WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/api/v1/vetting\\.csv\\?accounts=[^\"]+)\"[^>]*>Vet these \\(CSV\\)</a>").Groups[1].Value);

        var two = await HtmlAsync(await client.GetAsync($"/lists/{small}"));
        var link = VetLink(two);
        Assert.Equal(new[] { $"{seeded[0].Platform}/{seeded[0].Handle}", $"{seeded[1].Platform}/{seeded[1].Handle}" }.Order(),
            Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]).Split(',').Order());
        Assert.DoesNotContain("covers the first", two);
        var csv = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var all = await HtmlAsync(await client.GetAsync($"/lists/{large}"));
        Assert.Contains($"“Vet these” covers the first {VettingApi.MaxExportAccounts} of the {VettingApi.MaxExportAccounts + 1} accounts", all);
        var first50 = VetLink(all);
        Assert.Equal(VettingApi.MaxExportAccounts, Uri.UnescapeDataString(first50[(first50.IndexOf('=') + 1)..]).Split(',').Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(first50)).StatusCode);
    }
}
