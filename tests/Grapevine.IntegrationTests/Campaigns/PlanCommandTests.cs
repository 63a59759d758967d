using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Campaigns.FirstTest;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary><c>grapevine plan</c> over a search and over a campaign, on a demo catalogue dated at the real clock (the CLI's).</summary>
[Collection(nameof(ConsoleOutput))]
public class PlanCommandTests
{
    [Theory, BothProviders]
    public async Task A_search_plan_prints_a_table_or_json_and_bad_options_exit_2(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime);

        var table = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "600", "--goal", "engagement", "--platform", "instagram", "--tier", "nano,micro");
        Assert.True(table.Exit == ExitCodes.Success, table.Error + table.Out);
        Assert.Contains("creators for $", table.Out);
        Assert.Contains("Budget by tier:", table.Out);
        Assert.Contains("What other budgets buy:", table.Out);

        var json = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--json", "--budget", "600", "--goal", "sales", "--max-per-creator", "150");
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var plan = JsonSerializer.Deserialize<CampaignPlanDocument>(json.Out, CampaignPlanService.Json)!;
        Assert.Equal("sales", plan.Goal);
        Assert.NotEmpty(plan.Creators);
        Assert.All(plan.Creators, c => Assert.True(c.Cost <= 150 + 1e-6));

        var noGoal = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "600");
        Assert.Equal(ExitCodes.UsageError, noGoal.Exit);
        Assert.Contains("--goal", noGoal.Error);
        var badBudget = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "-3", "--goal", "sales");
        Assert.Equal(ExitCodes.UsageError, badBudget.Exit);
        Assert.Contains("--budget", badBudget.Error);
        var badTier = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "600", "--goal", "sales", "--tier", "huge");
        Assert.Equal(ExitCodes.UsageError, badTier.Exit);
        Assert.Contains("--tier", badTier.Error);
    }

    [Theory, BothProviders]
    public async Task A_campaign_plan_is_saved_with_save_and_impossible_rules_exit_1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Guid campaignId;
        await using (var db = database.CreateContext())
        {
            await PlanTestData.SeedCatalogueAsync(db, now);
            var workspace = new Workspace { Id = Guid.NewGuid(), Name = "Brand", Slug = "brand", CreatedAt = now };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace.Id, now)).Campaign.Id;
        }

        var run = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--save");
        Assert.True(run.Exit == ExitCodes.Success, run.Error + run.Out);
        Assert.Contains("creators for $", run.Out);
        await using (var db = database.CreateContext())
            Assert.Equal(1, await db.CampaignPlans.IgnoreQueryFilters().CountAsync(p => p.CampaignId == campaignId));

        var impossible = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--min-creators", "29", "--budget", "50");
        Assert.Equal(ExitCodes.InputRejected, impossible.Exit);
        Assert.Contains("No plan meets every rule", impossible.Out);

        var unknown = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", Guid.NewGuid().ToString());
        Assert.Equal(ExitCodes.InputRejected, unknown.Exit);
        Assert.Contains("no campaign with id", unknown.Error);
        var mixed = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--goal", "sales");
        Assert.Equal(ExitCodes.UsageError, mixed.Exit);
    }

    [Theory, BothProviders]
    public async Task Save_keeps_the_latest_plan_when_a_try_chooses_nobody_and_exits_1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Guid campaignId;
        await using (var db = database.CreateContext())
        {
            await PlanTestData.SeedCatalogueAsync(db, now, creators: 40);
            var workspace = new Workspace { Id = Guid.NewGuid(), Name = "Brand", Slug = "brand", CreatedAt = now };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace.Id, now)).Campaign.Id;
        }
        var good = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--save");
        Assert.True(good.Exit == ExitCodes.Success, good.Error + good.Out);

        var nobody = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--save", "--budget", "1");
        Assert.Equal(ExitCodes.InputRejected, nobody.Exit);
        Assert.Contains("The plan chooses nobody: the budget ($1) is below the cheapest option", Flat(nobody.Out));
        Assert.Contains("Not saved: only a plan that chooses someone becomes the campaign's plan; its latest plan is unchanged.", Flat(nobody.Error));
        var json = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--json", "--campaign", campaignId.ToString(), "--save", "--budget", "1");
        Assert.Equal(ExitCodes.InputRejected, json.Exit);
        Assert.StartsWith("Not saved", JsonSerializer.Deserialize<CampaignPlanDocument>(json.Out, CampaignPlanService.Json)!.NotSaved);

        var impossible = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--save", "--min-creators", "29", "--budget", "50");
        Assert.Equal(ExitCodes.InputRejected, impossible.Exit);
        await using (var db = database.CreateContext())
        {
            var plans = await db.CampaignPlans.IgnoreQueryFilters().Where(p => p.CampaignId == campaignId).ToListAsync();
            Assert.Single(plans);
            Assert.NotEqual("infeasible", plans[0].Status);
        }
    }

    [Theory, BothProviders]
    public async Task A_campaign_budget_in_another_currency_than_the_prices_exits_1_saying_why(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Guid campaignId;
        await using (var db = database.CreateContext())
        {
            await PlanTestData.SeedCatalogueAsync(db, now, creators: 40);
            var workspace = new Workspace { Id = Guid.NewGuid(), Name = "Brand", Slug = "brand", CreatedAt = now };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            campaignId = (await PlanTestData.SeedCampaignAsync(db, workspace.Id, now, currency: "GBP")).Campaign.Id;
        }

        var run = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--save");
        Assert.Equal(ExitCodes.InputRejected, run.Exit);
        Assert.Contains("error: Prices (rate cards and reference rates) are in USD, but this campaign's budget is in GBP", run.Error);
        Assert.DoesNotContain("(Parameter", run.Error);
        await using (var db = database.CreateContext())
            Assert.Equal(0, await db.CampaignPlans.IgnoreQueryFilters().CountAsync(p => p.CampaignId == campaignId));
    }

    [Fact]
    public async Task A_plan_that_chooses_nobody_exits_0_and_says_which_constraint_left_everyone_out()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
            await PlanTestData.SeedCatalogueAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime);

        var json = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--json", "--budget", "1", "--goal", "engagement");
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var plan = JsonSerializer.Deserialize<CampaignPlanDocument>(json.Out, CampaignPlanService.Json)!;
        Assert.Empty(plan.Creators);
        Assert.True(plan.Candidates > 0);
        var cheapest = plan.CheapestOption!.Value;
        Assert.True(cheapest > 1, $"cheapest {cheapest}");
        var price = "$" + cheapest.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

        var budget = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "1", "--goal", "engagement");
        Assert.Equal(ExitCodes.Success, budget.Exit);
        Assert.Contains($"The plan chooses nobody: the budget ($1) is below the cheapest option of the {plan.Candidates} candidates ({price}). " +
            $"Raise --budget to at least {price} or search for smaller creators", Flat(budget.Out));

        var cap = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "100000", "--goal", "engagement", "--max-per-creator", "1");
        Assert.Equal(ExitCodes.Success, cap.Exit);
        Assert.Contains($"The plan chooses nobody: --max-per-creator ($1) is below the cheapest option of the {plan.Candidates} candidates ({price}). " +
            $"Raise it to at least {price} or leave it out.", Flat(cap.Out));

        var nobody = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--budget", "600", "--goal", "engagement", "--search", "zzyzx");
        Assert.Equal(ExitCodes.Success, nobody.Exit);
        Assert.Contains("The plan chooses nobody: the search matched no creator. Widen it", Flat(nobody.Out));
        Assert.DoesNotContain("Raise the budget", nobody.Out);
    }

    [Fact]
    public void Totals_say_how_many_creators_each_partial_total_covers()
    {
        var all = new PlanTotal(new Core.Campaigns.Forecasts.Estimate(5000, 4000, 6000), 25);
        var some = new PlanTotal(new Core.Campaigns.Forecasts.Estimate(3086, 2569, 3640), 20);
        var none = new PlanTotal(null, 0);
        var line = Grapevine.Cli.Commands.PlanCommand.TotalsLine(new PlanTotals(all, all, some, none, none, none, 0), 25);

        Assert.Equal("Expected totals (means), 80% intervals, before overlap: impressions 5,000 (4,000–6,000), reach 5,000 (4,000–6,000), " +
            "engagements 3,086 (2,569–3,640; 20 of 25 creators)", line);
    }

    [Fact]
    public async Task A_first_test_that_chooses_nobody_names_the_budget_it_needs_and_keep_lists_keepers_first()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Guid campaignId;
        List<long> candidates;
        await using (var db = database.CreateContext())
        {
            await PlanTestData.SeedCatalogueAsync(db, now);
            var workspace = new Workspace { Id = Guid.NewGuid(), Name = "Brand", Slug = "brand", CreatedAt = now };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            var seeded = await PlanTestData.SeedCampaignAsync(db, workspace.Id, now);
            (campaignId, candidates) = (seeded.Campaign.Id, seeded.Candidates);
            await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstTest, true));
        }

        var json = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--json", "--campaign", campaignId.ToString(), "--budget", "40");
        var plan = JsonSerializer.Deserialize<CampaignPlanDocument>(json.Out, CampaignPlanService.Json)!;
        Assert.Empty(plan.Creators);
        var needed = "$" + FirstTestRules.BudgetNeeded(plan.CheapestOption!.Value).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
        var text = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--budget", "40");
        Assert.Equal(ExitCodes.Success, text.Exit);
        Assert.Contains($"A first test needs a budget of at least {needed} (8 × ", Flat(text.Out));
        Assert.Contains($"raise --budget to at least {needed}, or plan without the first test.", Flat(text.Out));
        Assert.DoesNotContain("At least 0 creators", text.Out);
        Assert.DoesNotContain("tier and platform rules", text.Out);

        // Six results: cost per result rises with i, so the first two (the cheapest quarter, rounded up) are kept.
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 6; i++)
            {
                var id = candidates[^(i + 1)];
                await db.CampaignCandidates.IgnoreQueryFilters().Where(c => c.AccountId == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TestSpend, 100m).SetProperty(c => c.TestResult, 1000.0 - 100 * i));
            }
        }
        var keep = await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--campaign", campaignId.ToString(), "--keep");
        Assert.True(keep.Exit == ExitCodes.Success, keep.Error);
        var rows = keep.Out.Split('\n').Where(l => l.Contains("│ keep", StringComparison.Ordinal) || l.Contains("│ drop", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows.Take(2), r => Assert.Contains("│ keep", r));
        Assert.Contains("$0.10", rows[0]);
        Assert.DoesNotContain("│ not enough data", keep.Out);
        Assert.Contains($"{candidates.Count - 6} candidates without results yet", Flat(keep.Out));

        var verdicts = JsonSerializer.Deserialize<List<KeepView>>(
            (await CliHarness.RunAsync("plan", "--db", database.ConnectionString, "--json", "--campaign", campaignId.ToString(), "--keep")).Out, CampaignPlanService.Json)!;
        Assert.Equal(["keep", "keep", "drop", "drop", "drop", "drop"], verdicts.Take(6).Select(v => v.Verdict));
        Assert.Equal([1, 2, 3, 4, 5, 6], verdicts.Take(6).Select(v => v.Rank ?? 0));
        Assert.All(verdicts.Skip(6), v => Assert.Equal("not enough data", v.Verdict));
    }

    // The console wraps long lines.
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
