using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Web;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>The campaigns list page.</summary>
public class CampaignsPageTests
{
    [Fact]
    public async Task The_list_shows_an_empty_state_then_the_campaign_with_a_plan_link()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite);
        using var browser = await host.Factory.CreateSignedInClientAsync();
        var empty = await HtmlAsync(await browser.GetAsync("/campaigns"));
        Assert.Contains("No campaigns yet", empty);
        Assert.Contains("href=\"/campaigns\"", empty);

        using var api = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(
            (await host.MembershipsAsync((await host.UserAsync("owner@example.com")).Id)).Single().WorkspaceId, await host.UserAsync("owner@example.com")));
        var created = await api.PostAsync("/api/v1/campaigns", System.Net.Http.Json.JsonContent.Create(new { name = "Spring launch", brand = "Oat & Co", goal = "sales", budget = 2000 }));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var html = await HtmlAsync(await browser.GetAsync("/campaigns"));
        Assert.Contains("Spring launch", html);
        Assert.Contains("2,000 USD", html);
        Assert.Contains("/plan\">Plan →</a>", html);
        Assert.Contains("No archived campaigns", await HtmlAsync(await browser.GetAsync("/campaigns?archived=true")));
    }
}
