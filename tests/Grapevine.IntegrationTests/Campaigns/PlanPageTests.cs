using System.Net;
using System.Net.Http.Json;
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
        var (client, campaignId, _) = await SeedAsync(host);
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
        // Clicks, conversions and revenue share the campaign's rates: their intervals are not independent creators' sums.
        Assert.DoesNotContain("(independent creators)", html);
        Assert.Contains("which every creator shares", html);

        Assert.DoesNotContain("The plan chooses nobody", html);

        await using (var db = host.Database.CreateContext())
            Assert.Equal(1, await db.CampaignPlans.IgnoreQueryFilters().CountAsync());

        // A budget below every price is a try that says why and what to change, and it does not replace the plan.
        var nobody = await HtmlAsync(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1" }));
        Assert.Contains("This try was not kept", nobody);
        Assert.Matches(@"The plan chooses nobody: the budget \(\$1\) is below the cheapest option of the \d+ candidates \(\$[\d,.]+\)\. Raise it to at least", nobody);
        Assert.Contains("The campaign's plan is still the one below.", nobody);
        Assert.Contains("of $1,200", nobody);
        var conflict = await HtmlAsync(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1200", ["Form.MinCreators"] = "900" }));
        Assert.Contains("This try was not kept", conflict);
        Assert.Contains("No plan meets every rule", conflict);
        await using (var db = host.Database.CreateContext())
            Assert.Equal(1, await db.CampaignPlans.IgnoreQueryFilters().CountAsync());
        var kept = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("class=\"plan-creator\"", kept);
        Assert.DoesNotContain("This try was not kept", kept);

        // The API does not save an empty plan over it either.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/plan", new { budget = 1 })).StatusCode);
        var still = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("class=\"plan-creator\"", still);
        Assert.Contains("Export CSV", still);
    }

    [Theory, BothProviders]
    public async Task The_form_holds_what_the_marketer_asked_not_a_first_tests_rules_and_a_changed_campaign_budget(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, campaignId, _) = await SeedAsync(host, (_, _, campaign) =>
        {
            campaign.FirstTest = true;
            return Task.CompletedTask;
        });
        var url = $"/campaigns/{campaignId}/plan";

        Assert.Equal(url, Location(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1500" })));
        var saved = await LatestAsync(host);
        Assert.Equal(187.5, saved.Rules.MaxPerCreator);
        Assert.Equal(30, saved.Rules.MaxCreators);
        var html = await HtmlAsync(await client.GetAsync(url));
        foreach (var field in new[] { "max-per-creator", "min-creators", "max-creators", "max-large" })
            Assert.DoesNotMatch($"id=\"{field}\"[^>]*value=", html);
        Assert.Contains("value=\"1500\"", html);
        Assert.DoesNotContain("data-setup-changed", html);

        await using (var db = host.Database.CreateContext())
        {
            var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync();
            campaign.Budget = 2000;
            await db.SaveChangesAsync();
        }
        var changed = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("The campaign's budget changed since", changed);
        Assert.Contains("The budget field holds the campaign's budget now, $2,000.", changed);
        Assert.Matches("id=\"budget\"[^>]*value=\"2000\"", changed);

        // The test's cap follows the new budget (budget ÷ 8), as it would had the form been left alone.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(url, Location(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "2000" })));
        Assert.Equal(250, (await LatestAsync(host)).Rules.MaxPerCreator);
    }

    [Theory, BothProviders]
    public async Task The_page_labels_the_plan_by_its_own_goal_and_says_when_the_set_up_changed(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, campaignId, workspace) = await SeedAsync(host);
        var url = $"/campaigns/{campaignId}/plan";
        Assert.Equal(url, Location(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "1500", ["Form.MaxLarge"] = "0" })));
        var tiers = (await LatestAsync(host)).Rules.Tiers;
        Assert.All(new[] { "macro", "mega", "celebrity" }, t => Assert.Equal(0, tiers[t].Max));
        Assert.Matches("id=\"max-large\"[^>]*value=\"0\"", await HtmlAsync(await client.GetAsync(url)));

        await using (var db = host.Database.CreateContext())
        {
            var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync();
            campaign.Goal = Core.Campaigns.CampaignGoal.Awareness;
            campaign.Deliverables = [new Core.Campaigns.CampaignDeliverable { Deliverable = "instagram_post", Count = 1 }];
            await db.SaveChangesAsync();
        }
        var html = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("Planned for the goal Sales (expected USD revenue)", html);
        Assert.Contains("<dt>Expected USD revenue</dt>", html);
        Assert.Contains("Expected (mean) USD revenue", html);
        Assert.DoesNotContain("Expected (mean) people reached", html);
        Assert.Contains("The campaign's goal, deliverables changed since, so the plan no longer matches its set-up: press Plan to plan again.", html);

        // Viewers read the plan without the controls to plan.
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, Core.Workspaces.WorkspaceRole.Viewer);
        using var viewerClient = await host.Factory.SignInAsync("vic@example.com");
        var read = await HtmlAsync(await viewerClient.GetAsync(url));
        Assert.Contains("class=\"plan-creator\"", read);
        Assert.Contains("a member can plan again", read);
        foreach (var control in new[] { "budget-slider", "Form.Budget", "Form.MaxPerCreator", "id=\"plan-form\"" })
            Assert.DoesNotContain(control, read);
    }

    [Theory, BothProviders]
    public async Task A_first_test_that_chooses_nobody_asks_for_budget_not_a_cap_and_shows_test_spend_in_the_campaigns_currency(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, campaignId, _) = await SeedAsync(host, (_, _, campaign) =>
        {
            campaign.FirstTest = true;
            campaign.Candidates[0].TestSpend = 80m;
            campaign.Candidates[0].TestResult = 50;
            return Task.CompletedTask;
        });
        var url = $"/campaigns/{campaignId}/plan";

        var html = await HtmlAsync(await Forms.SubmitAsync(client, url, "plan", new() { ["Form.Budget"] = "10" }));
        Assert.Matches(@"The plan chooses nobody: a first test pays each creator at most the budget ÷ 8 \(\$1\.25\), below the cheapest option of the \d+ candidates \(\$[\d,.]+\)\. Raise the budget to at least \$[\d,.]+", html);
        Assert.DoesNotContain("leave it empty", html);
        Assert.Contains("<td class=\"num\">$80.00</td>", html);
        // The result says what it counts, and the table scrolls inside its card on a phone rather than widening the page.
        Assert.Contains("<th scope=\"col\" class=\"num\">Result (revenue, USD)</th>", html);
        Assert.Matches("<div class=\"table-wrap\">\\s*<table class=\"plan-totals keep-table\">", html);
        // Only the creator with figures is a row; the others are counted under the table.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"verdict-"));
        Assert.Matches(@"\d+ other candidates have no spend and no result recorded yet, so no verdict", html);
        await using (var db = host.Database.CreateContext())
        {
            Assert.Equal(0, await db.CampaignPlans.IgnoreQueryFilters().CountAsync());
            var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync();
            campaign.Currency = "EUR";
            await db.SaveChangesAsync();
        }
        var euros = await HtmlAsync(await client.GetAsync(url));
        Assert.Contains("Spend (EUR)", euros);
        Assert.Contains("Result (revenue, EUR)", euros);
        Assert.Contains("<td class=\"num\">80.00 EUR</td>", euros);
        Assert.DoesNotContain("$80", euros);
    }

    [Theory, BothProviders]
    public async Task Platform_bars_spell_platforms_as_everywhere_else(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        var (client, campaignId, _) = await SeedAsync(host, async (db, workspace, campaign) =>
        {
            campaign.Platforms = ["instagram", "tiktok"];
            var tiktok = await db.SearchProfiles.AsNoTracking()
                .Where(p => p.Platform == Core.Catalogue.Platform.TikTok && (p.Tier == "micro" || p.Tier == "nano") && p.LastPostedAt != null)
                .OrderBy(p => p.AccountId).Select(p => p.AccountId).Take(10).ToListAsync();
            Assert.NotEmpty(tiktok);
            campaign.Candidates.AddRange(tiktok.Select(id => new Core.Campaigns.CampaignCandidate { WorkspaceId = workspace, AccountId = id, Source = "manual", AddedAt = now }));
        });
        var planned = await client.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/plan", new { budget = 3000, platforms = new { tiktok = new { min = 1 } } });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);

        var html = await HtmlAsync(await client.GetAsync($"/campaigns/{campaignId}/plan"));
        Assert.Contains(">TikTok</text>", html);
        Assert.DoesNotContain(">Tiktok</text>", html);
    }

    [Theory, BothProviders]
    public async Task A_planned_creator_without_a_niche_reads_unknown_with_its_tooltip(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, campaignId, _) = await SeedAsync(host, async (db, _, _) =>
            await db.SearchProfiles.ExecuteUpdateAsync(p => p.SetProperty(x => x.PrimaryNiche, (string?)null)));
        var planned = await client.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/plan", new { budget = 1500 });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);

        var html = await (await client.GetAsync($"/campaigns/{campaignId}/plan")).Content.ReadAsStringAsync();
        Assert.Contains("<td data-label=\"Niche\"><span class=\"unknown\" title=\"Not in the data Grapevine has.", html);
        Assert.DoesNotContain("<td data-label=\"Niche\">unknown</td>", html);
    }

    private static async Task<Core.Campaigns.Plans.CampaignPlanDocument> LatestAsync(Auth.AuthTestHost host)
    {
        await using var db = host.Database.CreateContext();
        var json = await db.CampaignPlans.IgnoreQueryFilters().OrderByDescending(p => p.CreatedAt).Select(p => p.Document).FirstAsync();
        return System.Text.Json.JsonSerializer.Deserialize<Core.Campaigns.Plans.CampaignPlanDocument>(json, Core.Campaigns.Plans.CampaignPlanService.Json)!;
    }

    [Theory, BothProviders]
    public async Task A_budget_in_another_currency_says_why_it_cannot_be_planned(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, campaignId, _) = await SeedAsync(host, creators: 40, currency: "EUR");
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

    /// <summary>
    /// The plan test catalogue, a signed-in owner and a campaign of theirs with candidates; <paramref name="change"/> adjusts
    /// the campaign before it is saved. The client belongs to the host, which disposes it.
    /// </summary>
    private static async Task<(HttpClient Client, Guid CampaignId, Guid Workspace)> SeedAsync(
        Auth.AuthTestHost host, Func<GrapevineDb, Guid, Core.Campaigns.Campaign, Task>? change = null, int creators = 120, string currency = "USD")
    {
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now, creators);
        var client = await host.Factory.CreateSignedInClientAsync();
        await using (var db = host.Database.CreateContext())
        {
            var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
            var campaign = (await PlanTestData.SeedCampaignAsync(db, workspace, now, currency: currency)).Campaign;
            if (change is not null)
            {
                await change(db, workspace, campaign);
                await db.SaveChangesAsync();
            }
            return (client, campaign.Id, workspace);
        }
    }
}
