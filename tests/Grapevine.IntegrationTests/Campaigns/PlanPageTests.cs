using System.Net;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>The campaign's plan page over HTTP: empty state, planning through the form, errors next to the field, viewers read only.</summary>
public class PlanPageTests
{
    [Theory, BothProviders]
    public async Task The_plan_page_plans_through_its_form_and_shows_the_plan(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var client = await host.Factory.CreateSignedInClientAsync();
        Guid campaignId;
        await using (var db = host.Database.CreateContext())
        {
            var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace, now)).Campaign.Id;
        }
        var url = $"/campaigns/{campaignId}/plan";

        var empty = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("Plan for Spring launch", empty);
        Assert.Contains("No plan yet", empty);
        Assert.Contains("value=\"1500", empty);

        var bad = await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "-10" });
        var badHtml = await HtmlAsync(bad);
        Assert.Contains("The budget must be more than 0", badHtml);
        Assert.Contains("aria-invalid=\"true\"", badHtml);
        Assert.Contains("value=\"-10\"", badHtml);

        var planned = await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1200", ["Form.MinCreators"] = "4", ["Form.MinMicro"] = "1" });
        Assert.Equal(url, Location(planned));
        var html = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("The plan", html);
        Assert.Contains("of $1,200", html);
        Assert.Contains("Budget by tier", html);
        Assert.Contains("What more or less money buys", html);
        Assert.Contains("class=\"plan-creator\"", html);
        Assert.Contains("Export CSV", html);
        Assert.Contains("value=\"4\"", html);
        Assert.Contains("data-stat=\"solver\">CP-SAT", html);

        Assert.DoesNotContain("The plan chooses nobody", html);

        await using (var db = host.Database.CreateContext())
            Assert.Equal(1, await db.CampaignPlans.IgnoreQueryFilters().CountAsync());

        // A budget below every price gives an empty plan that says why and what to change.
        Assert.Equal(url, Location(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1" })));
        var nobody = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("data-stat=\"creators\">0<", nobody);
        Assert.Matches(@"The plan chooses nobody: the budget \(\$1\) is below the cheapest option of the \d+ candidates \(\$[\d,.]+\)\. Raise it to at least", nobody);
    }

    [Theory, BothProviders]
    public async Task A_budget_in_another_currency_says_why_it_cannot_be_planned(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now, creators: 40);
        using var client = await host.Factory.CreateSignedInClientAsync();
        Guid campaignId;
        await using (var db = host.Database.CreateContext())
        {
            var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace, now, currency: "EUR")).Campaign.Id;
        }
        var url = $"/campaigns/{campaignId}/plan";
        const string Refusal = "budget is in EUR, and Grapevine has no exchange rates to compare them. To plan, set the campaign";

        var shown = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("Campaign budget 1,500 EUR.", shown);
        Assert.DoesNotContain("shown as US dollars", shown);
        Assert.Contains(Refusal, shown);

        var planned = await HtmlAsync(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1200" }));
        Assert.Contains(Refusal, planned);
        await using (var db = host.Database.CreateContext())
            Assert.Equal(0, await db.CampaignPlans.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task A_campaign_without_candidates_says_how_to_add_them_and_another_workspace_gets_404(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        using var client = await host.Factory.CreateSignedInClientAsync();
        Guid campaignId;
        await using (var db = host.Database.CreateContext())
        {
            var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace, now)).Campaign.Id;
        }
        var html = await HtmlAsync(await client.GetAsync($"/campaigns/{campaignId}/plan"));
        Assert.Contains("No candidates yet", html);
        Assert.DoesNotContain("id=\"plan-form\"", html);

        using var other = await host.Factory.CreateSignedInClientAsync("other@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/campaigns/{campaignId}/plan")).StatusCode);
    }
}
