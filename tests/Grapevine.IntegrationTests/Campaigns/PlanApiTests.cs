using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.FirstTest;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>Planning a campaign and a search through the API, on a demo catalogue.</summary>
public class PlanApiTests
{
    [Theory, BothProviders]
    public async Task A_campaign_is_planned_saved_read_back_and_exported(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var api = await host.Factory.CreateApiClientAsync();
        var (campaign, candidates) = await SeedCampaignAsync(host, now);
        var excluded = candidates[1];
        var must = candidates[2];
        await using (var db = host.Database.CreateContext())
        {
            await db.CampaignCandidates.IgnoreQueryFilters().Where(c => c.AccountId == excluded).ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, CandidateDecision.Excluded));
            await db.CampaignCandidates.IgnoreQueryFilters().Where(c => c.AccountId == must).ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, CandidateDecision.MustInclude));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/campaigns/{campaign.Id}/plan")).StatusCode);
        var response = await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { minCreators = 3, tiers = new { micro = new { min = 1 } } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var plan = JsonSerializer.Deserialize<CampaignPlanDocument>(body, CampaignPlanService.Json)!;

        Assert.Equal("cp-sat", plan.Solver);
        Assert.Contains(plan.Status, new[] { "optimal", "feasible" });
        Assert.Equal(1500, plan.Budget);
        Assert.True(plan.Cost <= 1500 + 1e-6);
        Assert.True(plan.Creators.Count >= 3);
        Assert.All(plan.Creators, c => Assert.Contains(c.AccountId, candidates));
        Assert.DoesNotContain(plan.Creators, c => c.AccountId == excluded);
        Assert.Contains(plan.Creators, c => c.AccountId == must);
        Assert.Contains(plan.Creators, c => c.Tier == "micro");
        Assert.All(plan.Creators, c => Assert.NotNull(c.Revenue));
        Assert.All(plan.Creators, c => Assert.True(c.Revenue!.Low <= c.Revenue.Expected && c.Revenue.Expected <= c.Revenue.High));
        Assert.Equal(plan.Creators.Count, plan.Totals.Revenue.Creators);
        Assert.Equal(plan.Cost, plan.ByTier.Sum(s => s.Cost), 2);
        Assert.Equal(6, plan.BudgetCurve.Count);
        Assert.Equal(3, plan.Rules.MinCreators);
        Assert.NotNull(plan.Assumptions);

        var saved = await api.GetFromJsonAsync<CampaignPlanDocument>($"/api/v1/campaigns/{campaign.Id}/plan", CampaignPlanService.Json);
        Assert.Equal(plan.Creators.Select(c => (c.AccountId, c.Option, c.Cost)), saved!.Creators.Select(c => (c.AccountId, c.Option, c.Cost)));
        // A plan saved through the API keeps what was asked and the set-up, as one from the page does.
        Assert.Equal((3, 1, (decimal?)null), (saved.Request!.MinCreators, saved.Request.Tiers["micro"].Min, saved.Request.Budget));
        Assert.Equal(("sales", 1500m), (saved.SetUp!.Goal, saved.SetUp.Budget));

        var csv = await api.GetAsync($"/api/v1/campaigns/{campaign.Id}/plan.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.StartsWith("platform,handle,tier,niche,country,option,cost_usd,price_source,gifting,goal_value,impressions_mean,impressions_median,impressions_low,impressions_high,reach_mean", lines[0]);
        Assert.Equal(plan.Creators.Count + 1, lines.Length);

        var audit = await host.AuditAsync();
        var planned = Assert.Single(audit, e => e.Action == CampaignPlanService.AuditActions.Planned);
        Assert.Equal($"campaign '{campaign.Name}'", planned.Target);
        Assert.StartsWith($"budget 1,500 USD, {plan.Creators.Count} creators, ", planned.Detail);
        Assert.Contains(audit, e => e.Action == "export" && e.Target == $"campaign '{campaign.Name}'" && e.Detail!.EndsWith(" creators as CSV", StringComparison.Ordinal));

        // A smaller budget buys less; the unsaved plan leaves the saved one alone.
        var small = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { budget = 300, save = false, budgetCurve = false }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.True(small!.Cost <= 300 + 1e-6);
        Assert.Empty(small.BudgetCurve);
        Assert.Equal(1500, (await api.GetFromJsonAsync<CampaignPlanDocument>($"/api/v1/campaigns/{campaign.Id}/plan", CampaignPlanService.Json))!.Budget);
    }

    [Theory, BothProviders]
    public async Task Bad_rules_are_named_impossible_rules_conflict_and_other_workspaces_see_nothing(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var api = await host.Factory.CreateApiClientAsync();
        var (campaign, _) = await SeedCampaignAsync(host, now);
        var url = $"/api/v1/campaigns/{campaign.Id}/plan";

        await AssertFieldErrorAsync(await api.PostAsJsonAsync(url, new { budget = -5 }), "budget");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync(url, new { minCreators = 5, maxCreators = 2 }), "maxCreators");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync(url, new { tiers = new { giant = new { min = 1 } } }), "tiers");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync(url, new { platforms = new { myspace = new { min = 1 } } }), "platforms");
        // Every bad field at once, on a campaign and on a search; a campaign's own budget limit is the planner's.
        var several = await api.PostAsJsonAsync(url, new { budget = -1, minCreators = 5, maxCreators = 2 });
        await AssertFieldErrorAsync(several, "budget");
        await AssertFieldErrorAsync(several, "maxCreators");
        var search = await api.PostAsJsonAsync("/api/v1/plans", new { budget = -1, goal = "fame", maxPerCreator = -3, search = new { bogus = 1 } });
        foreach (var field in new[] { "budget", "goal", "maxPerCreator", "search.bogus" })
            await AssertFieldErrorAsync(search, field);
        Assert.Equal(Core.Campaigns.CampaignRules.MaxBudget, PlanRequestValidation.MaxBudget);
        var big = await api.PostAsJsonAsync(url, new { budget = 500_000_000, save = false, budgetCurve = false });
        Assert.True(big.StatusCode == HttpStatusCode.OK, await big.Content.ReadAsStringAsync());

        var impossible = await (await api.PostAsJsonAsync(url, new { minCreators = 25, budget = 100, save = false }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.Equal("infeasible", impossible!.Status);
        Assert.NotEmpty(impossible.Conflicts);
        Assert.Empty(impossible.Creators);

        using var other = await host.Factory.CreateApiClientAsync("other@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + ".csv")).StatusCode);

        await using (var db = host.Database.CreateContext())
            await db.CampaignCandidates.IgnoreQueryFilters().ExecuteDeleteAsync();
        var empty = await api.PostAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        Assert.Contains("no candidates", await empty.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task Saving_a_plan_that_chooses_nobody_or_meets_no_plan_keeps_the_latest_and_says_why(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var api = await host.Factory.CreateApiClientAsync();
        var (campaign, _) = await SeedCampaignAsync(host, now);
        var url = $"/api/v1/campaigns/{campaign.Id}/plan";

        // Nothing saved yet: an empty try is not saved either.
        var first = await (await api.PostAsJsonAsync(url, new { budget = 1, budgetCurve = false })).Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.Empty(first!.Creators);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(url)).StatusCode);

        var good = await (await api.PostAsJsonAsync(url, new { budgetCurve = false })).Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.NotEmpty(good!.Creators);
        Assert.Null(good.NotSaved);

        var nobody = await (await api.PostAsJsonAsync(url, new { budget = 1, budgetCurve = false })).Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.Empty(nobody!.Creators);
        var cheapest = "$" + nobody.CheapestOption!.Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Not saved (the campaign's latest plan is unchanged): the plan chooses nobody: budget ($1) is below the cheapest option of the " +
            $"{nobody.Candidates} candidates ({cheapest}). Raise budget to at least {cheapest}.", nobody.NotSaved);

        var impossible = await (await api.PostAsJsonAsync(url, new { minCreators = 25, budget = 100, budgetCurve = false }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.Equal("infeasible", impossible!.Status);
        Assert.StartsWith("Not saved (the campaign's latest plan is unchanged): no plan meets every rule. ", impossible.NotSaved);
        Assert.Contains(impossible.Conflicts[0].Message, impossible.NotSaved);

        var latest = await api.GetFromJsonAsync<CampaignPlanDocument>(url, CampaignPlanService.Json);
        Assert.Equal(good.Creators.Select(c => c.AccountId), latest!.Creators.Select(c => c.AccountId));
        Assert.Null(latest.NotSaved);
        await using (var db = host.Database.CreateContext())
            Assert.Equal(1, await db.CampaignPlans.IgnoreQueryFilters().CountAsync(p => p.CampaignId == campaign.Id));
    }

    [Theory, BothProviders]
    public async Task A_search_is_planned_without_a_campaign(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var api = await host.Factory.CreateApiClientAsync();

        var response = await api.PostAsJsonAsync("/api/v1/plans", new { budget = 800, goal = "engagement", search = new { platform = "instagram,tiktok", tier = "nano,micro" }, maxPerCreator = 300 });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var plan = JsonSerializer.Deserialize<CampaignPlanDocument>(body, CampaignPlanService.Json)!;
        Assert.Null(plan.CampaignId);
        Assert.Equal("engagement", plan.Goal);
        Assert.NotEmpty(plan.Creators);
        Assert.All(plan.Creators, c => Assert.True(c.Cost <= 300 + 1e-6));
        Assert.All(plan.Creators, c => Assert.Contains(c.Tier, new[] { "nano", "micro" }));
        Assert.True(plan.Cost <= 800 + 1e-6);

        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/plans", new { budget = 800, goal = "fame" }), "goal");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/plans", new { goal = "sales" }), "budget");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/plans", new { budget = 800, goal = "sales", search = new { tier = "huge" } }), "search.tier");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/plans", new { budget = 800, goal = "sales", search = new { q = "vegan", colour = "red" } }), "search.colour");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/plans", new { budget = 800, goal = "sales", productCost = -1 }), "productCost");
    }

    [Theory, BothProviders]
    public async Task A_first_test_plans_small_creators_cheaply_and_says_who_to_keep(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now);
        using var api = await host.Factory.CreateApiClientAsync();
        var (campaign, candidates) = await SeedCampaignAsync(host, now);
        await using (var db = host.Database.CreateContext())
            await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstTest, true));

        var plan = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { budget = 1200 }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.NotEqual("infeasible", plan!.Status);
        Assert.All(plan.Creators, c => Assert.Contains(c.Tier, new[] { "nano", "micro" }));
        Assert.All(plan.Creators, c => Assert.True(c.Cost <= 150 + 1e-6, $"{c.Handle} costs {c.Cost}"));
        Assert.Equal(150, plan.Rules.MaxPerCreator);
        Assert.Contains(plan.Notes, n => n.StartsWith("Nano and micro creators only", StringComparison.Ordinal));

        // The curve plans each budget under that budget's test rules: at 1.5 × (8 × the cheapest option) the cap admits
        // the cheapest creator; at half of it the cap (budget ÷ 8) is below every option, so that point chooses nobody.
        var budget = Math.Ceiling(plan.CheapestOption!.Value * 8 * 1.5);
        var curved = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { budget, save = false }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);
        Assert.NotEmpty(curved!.Creators);
        Assert.Equal(0, curved.BudgetCurve.Single(p => p.Budget == Math.Round(budget / 2, 2)).Creators);
        Assert.All(curved.BudgetCurve, p => Assert.True(p.Creators <= FirstTestRules.MaxCreators));

        var before = await api.GetFromJsonAsync<List<KeepView>>($"/api/v1/campaigns/{campaign.Id}/first-test", CampaignPlanService.Json);
        Assert.All(before!, v => Assert.Equal("not enough data", v.Verdict));

        // Eight creators' results: revenue per dollar falls with i, so the first two (the cheapest quarter) are kept.
        await using (var db = host.Database.CreateContext())
        {
            for (var i = 0; i < 8; i++)
            {
                var id = candidates[i];
                await db.CampaignCandidates.IgnoreQueryFilters().Where(c => c.AccountId == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TestSpend, 100m).SetProperty(c => c.TestResult, 1000.0 - 100 * i));
            }
        }
        var verdicts = (await api.GetFromJsonAsync<List<KeepView>>($"/api/v1/campaigns/{campaign.Id}/first-test", CampaignPlanService.Json))!;
        Assert.Equal(new[] { candidates[0], candidates[1] }, verdicts.Where(v => v.Verdict == "keep").Select(v => v.AccountId).Order());
        Assert.Equal(6, verdicts.Count(v => v.Verdict == "drop"));
        Assert.All(verdicts, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason)));
    }

    [Theory, BothProviders]
    public async Task A_must_include_creator_on_a_platform_the_campaign_does_not_use_is_a_conflict(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now, creators: 60);
        using var api = await host.Factory.CreateApiClientAsync();
        var (campaign, _) = await SeedCampaignAsync(host, now);
        string handle;
        await using (var db = host.Database.CreateContext())
        {
            var other = await db.SearchProfiles.AsNoTracking().Where(p => p.Platform == Core.Catalogue.Platform.TikTok)
                .OrderBy(p => p.AccountId).Select(p => p.AccountId).FirstAsync();
            handle = await db.Accounts.AsNoTracking().Where(a => a.Id == other).Select(a => a.Handle).SingleAsync();
            db.CampaignCandidates.Add(new CampaignCandidate
            {
                WorkspaceId = campaign.WorkspaceId,
                CampaignId = campaign.Id,
                AccountId = other,
                Source = "manual",
                Decision = CandidateDecision.MustInclude,
                AddedAt = now,
            });
            await db.SaveChangesAsync();
        }

        var plan = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { save = false }))
            .Content.ReadFromJsonAsync<CampaignPlanDocument>(CampaignPlanService.Json);

        Assert.Equal("infeasible", plan!.Status);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal($"must include @{handle}", conflict.Rule);
        Assert.Equal($"@{handle} must be included but cannot be planned: on tiktok, not one of the campaign's platforms.", conflict.Message);
    }

    [Theory, BothProviders]
    public async Task A_budget_in_another_currency_than_the_prices_is_refused_naming_currency(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, now, creators: 40);
        using var api = await host.Factory.CreateApiClientAsync();
        Campaign campaign;
        await using (var db = host.Database.CreateContext())
        {
            var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
            (campaign, _) = await PlanTestData.SeedCampaignAsync(db, workspace, now, currency: "EUR");
        }

        var response = await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("currency")[0].GetString()!;
        Assert.Contains("Prices (rate cards and reference rates) are in USD, but this campaign's budget is in EUR", message);
        Assert.Contains("set the campaign's currency to USD", message);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/campaigns/{campaign.Id}/plan")).StatusCode);

        // In dollars, the same campaign plans.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new
        {
            name = campaign.Name,
            brand = campaign.Brand,
            goal = "sales",
            budget = 1500,
            currency = "usd",
            platforms = new[] { "instagram" },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/campaigns/{campaign.Id}/plan", new { })).StatusCode);
    }

    private static async Task<(Campaign Campaign, List<long> Candidates)> SeedCampaignAsync(AuthTestHost host, DateTime now)
    {
        await using var db = host.Database.CreateContext();
        var workspace = await db.Workspaces.IgnoreQueryFilters().Select(w => w.Id).SingleAsync();
        return await PlanTestData.SeedCampaignAsync(db, workspace, now);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
