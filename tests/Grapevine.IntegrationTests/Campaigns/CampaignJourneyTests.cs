using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>Through the pages' forms: create a campaign, add candidates from a search, plan, plan again with another budget, export.</summary>
public class CampaignJourneyTests
{
    [Theory, BothProviders]
    public async Task Create_add_from_a_search_plan_change_the_budget_and_export(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, host.Time.GetUtcNow().UtcDateTime);
        using var client = await host.Factory.CreateSignedInClientAsync();

        Assert.Contains("New campaign", await HtmlAsync(await client.GetAsync("/campaigns")));
        var refused = await HtmlAsync(await Forms.SubmitAsync(client, "/campaigns/new", "new-campaign",
            new() { ["Form.Name"] = "Summer", ["Form.Brand"] = "Oat & Co", ["Form.Goal"] = "sales", ["Form.Budget"] = "0", ["Form.Platforms"] = "instagram" }));
        Assert.Contains("aria-invalid=\"true\"", refused);
        Assert.Contains("value=\"Summer\"", refused);

        var created = await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", new Dictionary<string, string>
        {
            ["Form.Name"] = "Summer",
            ["Form.Brand"] = "Oat & Co",
            ["Form.Goal"] = "engagement",
            ["Form.Budget"] = "1500",
            ["Form.Deliverables[0].Deliverable"] = "instagram_post",
            ["Form.Deliverables[0].Count"] = "1",
            ["Form.Deliverables[1].Deliverable"] = "instagram_story",
            ["Form.Deliverables[1].Count"] = "2",
            ["Form.Deliverables[2].Deliverable"] = "tiktok_video",
        }.Append(new("Form.Platforms", "instagram")).Append(new("Form.Platforms", "tiktok")));
        var page = Location(created);
        Assert.Matches("^/campaigns/[0-9a-f-]{36}$", page);
        Assert.Contains("No candidates yet", await HtmlAsync(await client.GetAsync(page)));

        var added = await HtmlAsync(await Forms.SubmitAsync(client, page, "add-search", new() { ["SearchText"] = "", ["SearchTier"] = "nano, micro" }));
        Assert.Matches(@"\d+ new candidates added", added);
        Assert.Contains("class=\"candidate\"", added);

        var planned = await Forms.SubmitAsync(client, page + "/plan", "plan", new() { ["Form.Budget"] = "1500" });
        Assert.Equal(page + "/plan", Location(planned));
        var plan = await HtmlAsync(await client.GetAsync(page + "/plan"));
        Assert.Contains("of $1,500", plan);
        Assert.Contains("class=\"plan-creator\"", plan);

        Assert.Equal(page + "/plan", Location(await Forms.SubmitAsync(client, page + "/plan", "plan", new() { ["Form.Budget"] = "600" })));
        Assert.Contains("of $600", await HtmlAsync(await client.GetAsync(page + "/plan")));

        var csv = await client.GetAsync($"/api/v1{page}/plan.csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.True(csv.IsSuccessStatusCode, text);
        Assert.StartsWith("platform,handle,tier", text);
    }
}
