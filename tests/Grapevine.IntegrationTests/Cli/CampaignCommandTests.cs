using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Discovery;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Cli;

/// <summary><c>grapevine campaign …</c>: campaigns and candidates through the command line, read back from the database and --json.</summary>
[Collection(nameof(ConsoleOutput))]
public class CampaignCommandTests
{
    private static readonly string[] EveryOption =
    [
        "--name", "Spring launch", "--brand", "Oat & Co", "--brand-values", "plant-based, honest", "--niches", "fitness,Food",
        "--keywords", "oat milk", "--keywords", "vegan", "--competitors", "@Oatly", "--goal", "Sales", "--budget", "2000.50", "--currency", "eur",
        "--starts", "2027-03-01", "--ends", "2027-04-30", "--platforms", "instagram,tiktok", "--countries", "de,at", "--languages", "DE",
        "--age-min", "18", "--age-max", "34", "--gender", "Female", "--interests", "running,yoga",
        "--deliverable", "instagram_post=1", "--deliverable", "instagram_story=2", "--deliverable", "tiktok_video",
        "--kpi-impressions", "500000", "--kpi-reach", "100000", "--kpi-engagements", "20000", "--kpi-clicks", "3000", "--kpi-conversions", "90",
        "--kpi-revenue", "3600.5", "--product-cost", "25", "--ctr", "0.01", "--cvr", "0.02", "--aov", "40", "--first-test",
    ];

    private sealed record Setup(TestDatabase Database, Guid Alpha, Guid Beta) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public Task<(int Exit, string Out, string Error)> Run(params string[] args) => CliHarness.RunAsync([.. args, "--db", Database.ConnectionString]);

        public async Task<Guid> CreateAsync(params string[] options)
        {
            var run = await Run(["campaign", "create", "--workspace", "Alpha Brand", .. options]);
            Assert.True(run.Exit == ExitCodes.Success, run.Error);
            return Guid.Parse(run.Out.Trim());
        }

        public async Task<CampaignDetails> ShowAsync(Guid id)
        {
            var run = await Run("campaign", "show", id.ToString(), "--json");
            Assert.True(run.Exit == ExitCodes.Success, run.Error);
            return JsonSerializer.Deserialize<CampaignDetails>(run.Out, CliJson.Options)!;
        }
    }

    // Compares whole set-ups; amounts come back from the database with its own scale (3000.00), equal in value.
    private static string Json(CampaignInput input) => JsonSerializer.Serialize(input with
    {
        Budget = Normal(input.Budget),
        KpiRevenue = Normal(input.KpiRevenue),
        ProductCost = Normal(input.ProductCost),
        AverageOrderValue = Normal(input.AverageOrderValue),
    }, CliJson.Options);

    private static decimal? Normal(decimal? value) => value / 1.000000000000000000000000000000000m;

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider, bool catalogue = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Workspace Named(string name, string slug) => new() { Id = Guid.NewGuid(), Name = name, Slug = slug, CreatedAt = now };
        var (alpha, beta) = (Named("Alpha Brand", "alpha"), Named("Beta Agency", "beta"));
        db.Workspaces.AddRange(alpha, beta);
        await db.SaveChangesAsync();
        if (catalogue)
            // Searches run at the real clock, so the catalogue's dates lead up to it.
            await DiscoveryTestData.SeedAsync(db, now);
        return new Setup(database, alpha.Id, beta.Id);
    }

    [Theory, BothProviders]
    public async Task Create_with_every_option_reads_back_each_field(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);

        var json = await s.Run(["campaign", "create", "--workspace", "Alpha Brand", "--json", .. EveryOption]);
        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var created = JsonSerializer.Deserialize<CampaignDetails>(json.Out, CliJson.Options)!;
        var c = await s.ShowAsync(created.Id);
        Assert.Equal(("Spring launch", "Oat & Co", "plant-based, honest"), (c.Name, c.Brand, c.BrandValues));
        Assert.Equal(["fitness", "food"], c.BrandNiches);
        Assert.Equal(["oat milk", "vegan"], c.BrandKeywords);
        Assert.Equal(["oatly"], c.Competitors);
        Assert.Equal(("sales", 2000.50m, "EUR"), (c.Goal, c.Budget, c.Currency));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30)), (c.StartsOn!.Value, c.EndsOn!.Value));
        Assert.Equal(["instagram", "tiktok"], c.Platforms);
        Assert.Equal(["DE", "AT"], c.TargetCountries);
        Assert.Equal(["de"], c.TargetLanguages);
        Assert.Equal((18, 34, "female"), (c.TargetAgeMin!.Value, c.TargetAgeMax!.Value, c.TargetGender));
        Assert.Equal(["running", "yoga"], c.TargetInterests);
        Assert.Equal([new("instagram_post", 1), new("instagram_story", 2), new CampaignDeliverableView("tiktok_video", 1)], c.Deliverables);
        Assert.Equal((500_000L, 100_000L, 20_000L, 3_000L, 90L, 3600.5m),
            (c.KpiImpressions!.Value, c.KpiReach!.Value, c.KpiEngagements!.Value, c.KpiClicks!.Value, c.KpiConversions!.Value, c.KpiRevenue!.Value));
        Assert.Equal((25m, 0.01, 0.02, 40m, true), (c.ProductCost!.Value, c.ClickThroughRate!.Value, c.ConversionRate!.Value, c.AverageOrderValue!.Value, c.FirstTest));

        // The same shape as the API: camelCase names, the goal as its word.
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("sales", root.GetProperty("goal").GetString());
        Assert.Equal(2, root.GetProperty("deliverables")[1].GetProperty("count").GetInt32());
        Assert.False(root.GetProperty("archived").GetBoolean());

        var plain = await s.Run("campaign", "show", created.Id.ToString());
        Assert.True(plain.Exit == ExitCodes.Success, plain.Error);
        Assert.Contains("Spring launch", plain.Out);
        Assert.Contains("2,000.5 EUR", plain.Out);
        Assert.Contains("2× instagram_story", plain.Out);
        Assert.Contains("No candidates yet", plain.Out);

        await using var db = s.Database.CreateContext();
        var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == CampaignService.AuditActions.Created);
        Assert.Equal((s.Alpha, "grapevine campaign"), (entry.WorkspaceId, entry.ActorName));
        Assert.Equal(s.Alpha, (await db.Campaigns.IgnoreQueryFilters().SingleAsync()).WorkspaceId);
    }

    [Theory, BothProviders]
    public async Task Create_from_a_json_file_with_the_api_body_and_options_on_top(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, """
                { "name": "From a file", "brand": "Oat & Co", "goal": "awareness", "budget": 900, "platforms": ["instagram"],
                  "deliverables": [{ "deliverable": "instagram_reel", "count": 2 }], "targetAgeMin": 21, "firstTest": true }
                """);
            var id = await s.CreateAsync("--from-json", file, "--budget", "1200");
            var c = await s.ShowAsync(id);
            Assert.Equal(("From a file", "awareness", 1200m, 21, true), (c.Name, c.Goal, c.Budget, c.TargetAgeMin!.Value, c.FirstTest));
            Assert.Equal([new CampaignDeliverableView("instagram_reel", 2)], c.Deliverables);

            // A value the file holds is rejected input (1) named by its field; the same value as an option is a usage error (2).
            await File.WriteAllTextAsync(file, """{ "name": "Bad", "brand": "B", "goal": "sales", "budget": 100, "deliverables": [{ "deliverable": "instagram_post", "count": 30 }] }""");
            var bad = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file);
            Assert.Equal(ExitCodes.InputRejected, bad.Exit);
            Assert.Contains("deliverables[0].count: A count is between 1 and 20; got 30.", bad.Error);
            var fixedByOption = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file, "--deliverable", "instagram_post=3");
            Assert.True(fixedByOption.Exit == ExitCodes.Success, fixedByOption.Error);

            await File.WriteAllTextAsync(file, "{ not json");
            var broken = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file);
            Assert.Equal(ExitCodes.InputRejected, broken.Exit);
            Assert.Contains("line 1, byte 3", broken.Error);

            // A misspelt key is refused, not dropped; a value of the wrong type names its field without .NET type names.
            await File.WriteAllTextAsync(file, """{ "name": "J", "brand": "B", "goal": "sales", "budget": 100, "product_cost": 25 }""");
            var misspelt = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file);
            Assert.Equal(ExitCodes.InputRejected, misspelt.Exit);
            Assert.Contains(": product_cost: not a field of this request", misspelt.Error);
            await File.WriteAllTextAsync(file, """{ "name": "J", "brand": "B", "goal": "sales", "budget": "lots" }""");
            var wrongType = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file);
            Assert.Contains(": budget: expected a number", wrongType.Error);
            Assert.DoesNotContain("System.", wrongType.Error);
            Assert.Equal(ExitCodes.UsageError, (await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--from-json", file + ".missing")).Exit);
        }
        finally
        {
            File.Delete(file);
        }
        await using var db = s.Database.CreateContext();
        Assert.Equal(2, await db.Campaigns.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task List_shows_active_or_archived_and_archive_moves_between_them(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var spring = await s.CreateAsync("--name", "Spring", "--brand", "Oat", "--goal", "sales", "--budget", "1000");
        var summer = await s.CreateAsync("--name", "Summer", "--brand", "Oat", "--goal", "awareness", "--budget", "500", "--platforms", "tiktok");
        var ofBeta = await s.Run("campaign", "create", "--workspace", "Beta Agency", "--name", "Beta's", "--brand", "B", "--goal", "content", "--budget", "10");
        Assert.Equal(ExitCodes.Success, ofBeta.Exit);

        async Task<List<string>> Names(params string[] extra)
        {
            var run = await s.Run(["campaign", "list", "--workspace", "Alpha Brand", "--json", .. extra]);
            Assert.True(run.Exit == ExitCodes.Success, run.Error);
            return [.. JsonSerializer.Deserialize<List<CampaignSummary>>(run.Out, CliJson.Options)!.Select(c => c.Name).Order()];
        }
        Assert.Equal(["Spring", "Summer"], await Names());
        Assert.Empty(await Names("--archived"));

        var table = await s.Run("campaign", "list", "--workspace", "Alpha Brand");
        Assert.Contains(summer.ToString(), table.Out);
        Assert.Contains("2 active campaigns.", table.Out);
        Assert.DoesNotContain("Beta's", table.Out);

        var archive = await s.Run("campaign", "archive", spring.ToString());
        Assert.True(archive.Exit == ExitCodes.Success, archive.Error);
        Assert.Contains("Archived campaign 'Spring'", archive.Out);
        Assert.Equal(["Summer"], await Names());
        Assert.Equal(["Spring"], await Names("--archived"));
        Assert.True((await s.ShowAsync(spring)).Archived);
        Assert.Contains("1 archived campaign.", (await s.Run("campaign", "list", "--workspace", "Alpha Brand", "--archived")).Out);

        var unarchive = await s.Run("campaign", "unarchive", spring.ToString(), "--json");
        Assert.Equal((ExitCodes.Success, ""), (unarchive.Exit, unarchive.Out));
        Assert.Equal(["Spring", "Summer"], await Names());
        Assert.Null((await s.ShowAsync(spring)).ArchivedAt);

        await using var db = s.Database.CreateContext();
        var actions = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.WorkspaceId == s.Alpha && e.Action.StartsWith("campaign"))
            .Select(e => e.Action).ToListAsync();
        Assert.Equal(
            new[] { CampaignService.AuditActions.Archived, CampaignService.AuditActions.Created, CampaignService.AuditActions.Created, CampaignService.AuditActions.Unarchived }.Order(),
            actions.Order());
    }

    [Theory, BothProviders]
    public async Task Edit_changes_only_the_options_given(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var id = await s.CreateAsync(EveryOption);
        var before = await s.ShowAsync(id);

        var edit = await s.Run("campaign", "edit", id.ToString(), "--budget", "3000", "--niches", "food", "--deliverable", "tiktok_video=3",
            "--clear", "product-cost,starts", "--first-test", "false");
        Assert.True(edit.Exit == ExitCodes.Success, edit.Error);
        Assert.Contains("Updated campaign 'Spring launch'", edit.Out);
        var after = await s.ShowAsync(id);
        var expected = CampaignRules.ToInput(before) with
        {
            Budget = 3000m,
            BrandNiches = ["food"],
            Deliverables = [new CampaignDeliverableInput("tiktok_video", 3)],
            ProductCost = null,
            StartsOn = null,
            FirstTest = false,
        };
        Assert.Equal(Json(expected), Json(CampaignRules.ToInput(after)));
        Assert.True(after.UpdatedAt >= before.UpdatedAt);

        var clearList = await s.Run("campaign", "edit", id.ToString(), "--countries", "", "--json");
        Assert.True(clearList.Exit == ExitCodes.Success, clearList.Error);
        var cleared = JsonSerializer.Deserialize<CampaignDetails>(clearList.Out, CliJson.Options)!;
        Assert.Empty(cleared.TargetCountries);
        Assert.Equal(["DE", "AT"], before.TargetCountries);
        Assert.Equal(["de"], cleared.TargetLanguages);

        var nothing = await s.Run("campaign", "edit", id.ToString());
        Assert.Equal(ExitCodes.UsageError, nothing.Exit);
        Assert.Contains("nothing to change", nothing.Error);
        var contradiction = await s.Run("campaign", "edit", id.ToString(), "--clear", "budget", "--budget", "5");
        Assert.Equal(ExitCodes.UsageError, contradiction.Exit);
        var unknownSetting = await s.Run("campaign", "edit", id.ToString(), "--clear", "colour");
        Assert.Equal(ExitCodes.UsageError, unknownSetting.Exit);
        Assert.Contains("--clear: unknown setting 'colour'", unknownSetting.Error);
        // Clearing a required setting is refused by the service, named by its option.
        var clearName = await s.Run("campaign", "edit", id.ToString(), "--clear", "name");
        Assert.Equal(ExitCodes.UsageError, clearName.Exit);
        Assert.Contains("error: --name: A campaign name is required.", clearName.Error);
        Assert.Equal("Spring launch", (await s.ShowAsync(id)).Name);
    }

    [Theory, BothProviders]
    public async Task Duplicate_copies_the_set_up_and_candidates(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, catalogue: true);
        var id = await s.CreateAsync(EveryOption);
        Assert.Equal(ExitCodes.Success, (await s.Run("campaign", "add", id.ToString(), "--account", "instagram/@Mara.Moves")).Exit);
        Assert.Equal(ExitCodes.Success, (await s.Run("campaign", "decide", id.ToString(), "instagram/mara.moves", "--decision", "must_include", "--gift")).Exit);
        // What decide is not given stays: gifting survives a later test spend.
        Assert.Equal(ExitCodes.Success, (await s.Run("campaign", "decide", id.ToString(), "instagram/mara.moves", "--test-spend", "10")).Exit);

        var run = await s.Run("campaign", "duplicate", id.ToString());
        Assert.True(run.Exit == ExitCodes.Success, run.Error);
        var copyId = Guid.Parse(run.Out.Trim());
        Assert.NotEqual(id, copyId);
        var (original, copy) = (await s.ShowAsync(id), await s.ShowAsync(copyId));
        Assert.Equal("Copy of Spring launch", copy.Name);
        Assert.Equal(Json(CampaignRules.ToInput(original) with { Name = copy.Name }), Json(CampaignRules.ToInput(copy)));
        Assert.Equal(("mustinclude", true, 10m), (original.Candidates[0].Decision, original.Candidates[0].AcceptsGifting, original.Candidates[0].TestSpend!.Value));
        var candidate = Assert.Single(copy.Candidates);
        Assert.Equal(("mara.moves", "mustinclude", true, (decimal?)null), (candidate.Handle, candidate.Decision, candidate.AcceptsGifting, candidate.TestSpend));

        var json = await s.Run("campaign", "duplicate", id.ToString(), "--json");
        Assert.Equal("Copy of Spring launch", JsonSerializer.Deserialize<CampaignDetails>(json.Out, CliJson.Options)!.Name);
    }

    [Theory, BothProviders]
    public async Task Candidates_are_added_by_search_list_or_account_decided_and_removed(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, catalogue: true);
        var id = (await s.CreateAsync("--name", "Vegan", "--brand", "Oat", "--goal", "sales", "--budget", "1000")).ToString();

        var search = await s.Run("campaign", "add", id, "--search", "vegan", "--country", "DE", "--json");
        Assert.True(search.Exit == ExitCodes.Success, search.Error);
        Assert.Equal(new CandidatesAdded(2, 2), JsonSerializer.Deserialize<CandidatesAdded>(search.Out, CliJson.Options));
        var again = await s.Run("campaign", "add", id, "--search", "vegan", "--country", "DE");
        Assert.Contains("Added 0 candidates (2 found, 2 already on the campaign).", again.Out);

        Guid listId;
        await using (var db = s.Database.CreateContext())
        {
            var ids = await db.Accounts.Where(a => a.Handle == "mara.moves" || a.Handle == "kai.lifts").Select(a => a.Id).ToListAsync();
            var current = new CurrentWorkspace();
            current.Enter(s.Alpha, null, "test", WorkspaceRole.Owner);
            await using var inAlpha = new GrapevineDb(GrapevineDatabase.CreateOptions(s.Database.ConnectionString), current);
            var lists = new ListService(inAlpha, current, new AuditLog(inAlpha, current, TimeProvider.System), TimeProvider.System);
            listId = (await lists.CreateAsync("Summer", default)).Id;
            await lists.AddAsync(listId, ids, default);
        }
        var fromList = await s.Run("campaign", "add", id, "--list", listId.ToString());
        Assert.True(fromList.Exit == ExitCodes.Success, fromList.Error);
        Assert.Contains("Added 1 candidate (2 found, 1 already on the campaign).", fromList.Out);
        var byAccount = await s.Run("campaign", "add", id, "--account", "tiktok/@tom.travels");
        Assert.True(byAccount.Exit == ExitCodes.Success, byAccount.Error);
        // Filters alone are a search too.
        var byFilter = await s.Run("campaign", "add", id, "--tier", "nano", "--platform", "instagram", "--json");
        Assert.True(byFilter.Exit == ExitCodes.Success, byFilter.Error);
        Assert.Equal(new CandidatesAdded(1, 2), JsonSerializer.Deserialize<CandidatesAdded>(byFilter.Out, CliJson.Options));

        var decide = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--decision", "excluded", "--gift", "--test-spend", "50", "--test-result", "3", "--json");
        Assert.True(decide.Exit == ExitCodes.Success, decide.Error);
        var kai = JsonSerializer.Deserialize<CandidateView>(decide.Out, CliJson.Options)!;
        Assert.Equal(("kai.lifts", "excluded", true, 50m, 3.0), (kai.Handle, kai.Decision, kai.AcceptsGifting, kai.TestSpend!.Value, kai.TestResult!.Value));
        var ungift = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--gift", "false");
        Assert.Contains("@kai.lifts (instagram): excluded, test spend 50, test result 3 (version ", ungift.Out);
        var cleared = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--clear-test");
        Assert.True(cleared.Exit == ExitCodes.Success, cleared.Error);
        var now = CandidateVersion.Of("excluded", false, null, null);
        Assert.Contains($"@kai.lifts (instagram): excluded (version {now}).", cleared.Out);

        // --if-version: the version read at the first decide is stale by now, so nothing changes; the current one applies.
        var stale = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--decision", "open", "--if-version", kai.Version);
        Assert.Equal(ExitCodes.InputRejected, stale.Exit);
        Assert.Contains($"@kai.lifts changed since version {kai.Version}: it is now version {now} (excluded, test spend none, test result none). Nothing was changed", stale.Error);
        var fresh = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--decision", "excluded", "--if-version", now);
        Assert.True(fresh.Exit == ExitCodes.Success, fresh.Error);

        var remove = await s.Run("campaign", "remove", id, "tiktok/tom.travels");
        Assert.True(remove.Exit == ExitCodes.Success, remove.Error);
        var details = await s.ShowAsync(Guid.Parse(id));
        Assert.Equal(
            [("kai.lifts", "list: Summer", "excluded"), ("lena.kocht", "search: vegan; country=DE", "open"), ("mara.moves", "search: vegan; country=DE", "open"),
             ("zoe.glow", "search: platform=instagram; tier=nano", "open")],
            details.Candidates.Select(c => (c.Handle, c.Source, c.Decision)));
        Assert.False(details.Candidates[0].AcceptsGifting);
        var shown = await s.Run("campaign", "show", id);
        Assert.Contains("@lena.kocht", shown.Out);
        Assert.Contains("4 candidates.", shown.Out);
        // Several at once; a name that is not a candidate removes none of them.
        var typo = await s.Run("campaign", "remove", id, "instagram/lena.kocht", "instagram/nobody.here");
        Assert.Equal(ExitCodes.InputRejected, typo.Exit);
        Assert.Equal(4, (await s.ShowAsync(Guid.Parse(id))).Candidates.Count);
        var two = await s.Run("campaign", "remove", id, "instagram/lena.kocht", "instagram/mara.moves");
        Assert.True(two.Exit == ExitCodes.Success, two.Error);
        Assert.Contains("Removed 2 candidates from the campaign: @lena.kocht (instagram), @mara.moves (instagram).", two.Out);
        Assert.Equal(["kai.lifts", "zoe.glow"], (await s.ShowAsync(Guid.Parse(id))).Candidates.Select(c => c.Handle));

        // Refusals: one line naming the option; usage errors exit 2, things that are not there exit 1.
        async Task Refused(int exit, string expected, params string[] args)
        {
            var run = await s.Run(args);
            Assert.True(run.Exit == exit, $"{string.Join(' ', args)} → {run.Exit}: {run.Error}");
            Assert.Contains(expected, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
        await Refused(ExitCodes.UsageError, "error: --min-followers:", "campaign", "add", id, "--search", "vegan", "--min-followers", "lots");
        await Refused(ExitCodes.UsageError, "give exactly one of --search (or search filters), --list or --account", "campaign", "add", id, "--search", "x", "--account", "instagram/anna");
        await Refused(ExitCodes.UsageError, "give exactly one of", "campaign", "add", id);
        await Refused(ExitCodes.UsageError, "--account: 'anna' is not platform/handle", "campaign", "add", id, "--account", "anna");
        await Refused(ExitCodes.InputRejected, "--account: The catalogue has no instagram account 'nobody'.", "campaign", "add", id, "--account", "instagram/nobody");
        await Refused(ExitCodes.InputRejected, "--list: This workspace has no such list.", "campaign", "add", id, "--list", Guid.NewGuid().ToString());
        await Refused(ExitCodes.InputRejected, "@tom.travels (tiktok) is not a candidate of campaign 'Vegan'", "campaign", "remove", id, "tiktok/tom.travels");
        await Refused(ExitCodes.UsageError, "--decision: Unknown decision 'maybe'", "campaign", "decide", id, "instagram/kai.lifts", "--decision", "maybe");
        await Refused(ExitCodes.UsageError, "--test-spend: A test spend is 0 to", "campaign", "decide", id, "instagram/kai.lifts", "--test-spend", "-1");
        await Refused(ExitCodes.UsageError, "--test-result: A test result is 0 or more.", "campaign", "decide", id, "instagram/kai.lifts", "--test-result", "-2");
        await Refused(ExitCodes.UsageError, "nothing to change", "campaign", "decide", id, "instagram/kai.lifts");
        await Refused(ExitCodes.UsageError, "--clear-test forgets the spend and result", "campaign", "decide", id, "instagram/kai.lifts", "--clear-test", "--test-spend", "3");
        var both = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--test-spend", "-4", "--test-result", "-1");
        Assert.Equal(ExitCodes.UsageError, both.Exit);
        Assert.Contains("--test-spend: A test spend is 0 to", both.Error);
        Assert.Contains("--test-result: A test result is 0 or more.", both.Error);
        Assert.Equal(2, (await s.ShowAsync(Guid.Parse(id))).Candidates.Count);
    }

    [Theory, BothProviders]
    public async Task Show_filters_candidates_as_the_page_does_and_prints_the_version_decide_checks(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, catalogue: true);
        var id = (await s.CreateAsync("--name", "Vegan", "--brand", "Oat", "--goal", "sales", "--budget", "1000")).ToString();
        foreach (var account in new[] { "instagram/mara.moves", "instagram/kai.lifts", "instagram/lena.kocht", "instagram/zoe.glow" })
            Assert.Equal(ExitCodes.Success, (await s.Run("campaign", "add", id, "--account", account)).Exit);
        Assert.Equal(ExitCodes.Success, (await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--decision", "excluded")).Exit);
        var kai = (await s.ShowAsync(Guid.Parse(id))).Candidates.Single(c => c.Handle == "kai.lifts");

        // Every candidate's version is in the text table, and the one printed is the one decide --if-version takes.
        var all = await s.Run("campaign", "show", id);
        Assert.True(all.Exit == ExitCodes.Success, all.Error);
        Assert.Contains(kai.Version, all.Out);
        Assert.Contains("4 candidates.", all.Out);
        // The test columns say their units: the campaign's currency, and what a sales goal's result counts.
        Assert.Contains("Test spend (USD)", all.Out);
        Assert.Contains("Test result (revenue, USD)", all.Out);
        var excluded = await s.Run("campaign", "show", id, "--decision", "excluded");
        Assert.Contains("@kai.lifts", excluded.Out);
        Assert.DoesNotContain("@mara.moves", excluded.Out);
        Assert.Contains("1 of 4 candidates match the filter.", excluded.Out);
        var printed = System.Text.RegularExpressions.Regex.Match(excluded.Out, "@kai\\.lifts.*?([0-9a-f]{16})").Groups[1].Value;
        Assert.Equal(kai.Version, printed);
        var decided = await s.Run("campaign", "decide", id, "instagram/kai.lifts", "--decision", "open", "--if-version", printed);
        Assert.True(decided.Exit == ExitCodes.Success, decided.Error);

        // Text (handle, name or source, a leading @ ignored), tier, and all three together, as the page and the API take them.
        var byText = await s.Run("campaign", "show", id, "--text", "@LENA");
        Assert.Contains("@lena.kocht", byText.Out);
        Assert.Contains("1 of 4 candidates match the filter.", byText.Out);
        var nano = await s.Run("campaign", "show", id, "--tier", "nano");
        Assert.Contains("@lena.kocht", nano.Out);
        Assert.Contains("@zoe.glow", nano.Out);
        Assert.DoesNotContain("@kai.lifts", nano.Out);
        var json = JsonSerializer.Deserialize<CampaignDetails>((await s.Run("campaign", "show", id, "--tier", "nano", "--decision", "open", "--text", "zoe", "--json")).Out, CliJson.Options)!;
        Assert.Equal(["zoe.glow"], json.Candidates.Select(c => c.Handle));
        var none = await s.Run("campaign", "show", id, "--tier", "mega");
        Assert.True(none.Exit == ExitCodes.Success, none.Error);
        Assert.Contains("No candidate matches this filter (4 candidates in all; leave out --text, --decision and --tier to see them).", none.Out);

        var unknown = await s.Run("campaign", "show", id, "--decision", "maybe");
        Assert.Equal(ExitCodes.UsageError, unknown.Exit);
        Assert.Contains("error: --decision: unknown decision 'maybe'; one of open, mustinclude, excluded", unknown.Error);
    }

    public static TheoryData<string[], string> BadValues => new()
    {
        { ["--budget", "0"], "error: --budget: The budget is more than 0." },
        { ["--budget", "10.001"], "error: --budget: An amount has at most two decimals (cents)." },
        { ["--goal", "fame"], "error: --goal: Unknown goal 'fame'; one of awareness, engagement, sales, content." },
        { ["--currency", "EURO"], "error: --currency: 'EURO' is not a three-letter currency code" },
        { ["--starts", "2027-03-01", "--ends", "2027-02-01"], "error: --ends: The campaign ends (2027-02-01) before it starts (2027-03-01)." },
        { ["--platforms", "myspace"], "error: --platforms: Unknown platform 'myspace'" },
        { ["--niches", "knitting-robots"], "error: --niches: Unknown niche 'knitting-robots'" },
        { ["--countries", "DEU"], "error: --countries: 'DEU' is not a two-letter country code" },
        { ["--languages", "deu"], "error: --languages: 'deu' is not a two-letter language code" },
        { ["--age-min", "12"], "error: --age-min: An age is between 13 and 100; got 12." },
        { ["--age-min", "30", "--age-max", "20"], "error: --age-max: The youngest age (30) is more than the oldest (20)." },
        { ["--deliverable", "instagram_poster=1"], "error: --deliverable: Unknown deliverable 'instagram_poster'" },
        { ["--platforms", "tiktok", "--deliverable", "youtube_video"], "error: --deliverable: YouTube video is not on the campaign's platforms (tiktok)." },
        { ["--deliverable", "instagram_post=21"], "error: --deliverable: A count is between 1 and 20; got 21." },
        { ["--deliverable", "instagram_post=two"], "error: --deliverable: 'instagram_post=two' is not NAME=COUNT" },
        { ["--kpi-reach", "-1"], "error: --kpi-reach: A KPI target is 0 or more." },
        { ["--kpi-revenue", "-1"], "error: --kpi-revenue: The amount is 0 or more." },
        { ["--product-cost", "-5"], "error: --product-cost: The amount is 0 or more." },
        { ["--ctr", "2"], "error: --ctr: A rate is between 0 and 1 (0.02 is 2%); got 2." },
        { ["--cvr", "-0.1"], "error: --cvr: A rate is between 0 and 1" },
        { ["--aov", "-1"], "error: --aov: The amount is 0 or more." },
        { ["--gender", new string('g', 40)], "error: --gender: A gender has at most 32 characters." },
    };

    [Theory, BothProviders]
    public async Task A_refused_value_names_its_option_exits_2_and_changes_nothing(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        string[] valid = ["--name", "Spring", "--brand", "Oat", "--goal", "sales", "--budget", "100"];
        var id = await s.CreateAsync(valid);
        foreach (var row in BadValues)
        {
            var (options, message) = ((string[])row[0], (string)row[1]);
            // An option given twice is a parse error of its own, so the bad value stands in for the valid one.
            var others = valid.Chunk(2).Where(pair => !options.Contains(pair[0])).SelectMany(pair => pair);
            var create = await s.Run(["campaign", "create", "--workspace", "Alpha Brand", .. others, .. options]);
            Assert.True(create.Exit == ExitCodes.UsageError, $"{string.Join(' ', options)} → {create.Exit}: {create.Error}{create.Out}");
            Assert.Contains(message, create.Error);
            Assert.Single(create.Error.Trim().Split('\n'));
            var edit = await s.Run(["campaign", "edit", id.ToString(), .. options]);
            Assert.True(edit.Exit == ExitCodes.UsageError, $"edit {string.Join(' ', options)} → {edit.Exit}: {edit.Error}");
            Assert.Contains(message, edit.Error);
        }
        var missing = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--name", "No budget", "--brand", "Oat", "--goal", "sales");
        Assert.Equal(ExitCodes.UsageError, missing.Exit);
        Assert.Contains("error: --budget: A budget is required.", missing.Error);
        // Several refused values are all named, one line each, as the API names them all in one answer.
        var several = await s.Run("campaign", "create", "--workspace", "Alpha Brand", "--name", "Two faults", "--brand", "Oat", "--goal", "sales",
            "--gender", new string('g', 40));
        Assert.Equal(ExitCodes.UsageError, several.Exit);
        Assert.Contains("error: --budget: A budget is required.", several.Error);
        Assert.Contains("error: --gender: A gender has at most 32 characters.", several.Error);
        Assert.Equal(2, several.Error.Trim().Split('\n').Length);
        var notADate = await s.Run(["campaign", "create", "--workspace", "Alpha Brand", .. valid, "--starts", "March"]);
        Assert.Equal(ExitCodes.UsageError, notADate.Exit);
        Assert.Contains("--starts", notADate.Error);

        var c = await s.ShowAsync(id);
        Assert.Equal(("Spring", 100m, "sales"), (c.Name, c.Budget, c.Goal));
        await using var db = s.Database.CreateContext();
        Assert.Equal(1, await db.Campaigns.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task An_unknown_campaign_id_exits_1_with_a_clear_line(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        var unknown = Guid.NewGuid().ToString();
        string[][] commands =
        [
            ["show", unknown], ["edit", unknown, "--budget", "5"], ["duplicate", unknown], ["archive", unknown], ["unarchive", unknown],
            ["add", unknown, "--search", "vegan"], ["remove", unknown, "instagram/anna"], ["decide", unknown, "instagram/anna", "--decision", "open"],
        ];
        foreach (var args in commands)
        {
            var run = await s.Run(["campaign", .. args]);
            Assert.True(run.Exit == ExitCodes.InputRejected, $"{string.Join(' ', args)} → {run.Exit}: {run.Error}");
            Assert.Equal($"error: no campaign with id {unknown}", run.Error.Trim());
        }
        var notAnId = await s.Run("campaign", "show", "spring");
        Assert.Equal(ExitCodes.UsageError, notAnId.Exit);
    }

    [Theory, BothProviders]
    public async Task The_workspace_is_named_by_id_or_exact_name(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        string[] campaign = ["--name", "Spring", "--brand", "Oat", "--goal", "sales", "--budget", "100"];
        var byId = await s.Run(["campaign", "create", "--workspace", s.Beta.ToString(), .. campaign]);
        Assert.True(byId.Exit == ExitCodes.Success, byId.Error);
        var byName = await s.Run("campaign", "list", "--workspace", "Beta Agency", "--json");
        Assert.Equal(Guid.Parse(byId.Out.Trim()), Assert.Single(JsonSerializer.Deserialize<List<CampaignSummary>>(byName.Out, CliJson.Options)!).Id);
        Assert.Equal("[]", (await s.Run("campaign", "list", "--workspace", "Alpha Brand", "--json")).Out.Trim());

        var unknown = await s.Run(["campaign", "create", "--workspace", "beta agency", .. campaign]);
        Assert.Equal(ExitCodes.InputRejected, unknown.Exit);
        Assert.Contains("--workspace: no workspace has the id or name 'beta agency' (there are 'Alpha Brand', 'Beta Agency')", unknown.Error);
        var unknownId = await s.Run("campaign", "list", "--workspace", Guid.NewGuid().ToString());
        Assert.Equal(ExitCodes.InputRejected, unknownId.Exit);
        var none = await s.Run(["campaign", "create", .. campaign]);
        Assert.Equal(ExitCodes.UsageError, none.Exit);
        Assert.Contains("--workspace", none.Error);

        Guid twin;
        await using (var db = s.Database.CreateContext())
        {
            twin = Guid.NewGuid();
            db.Workspaces.Add(new Workspace { Id = twin, Name = "Beta Agency", Slug = "beta-2", CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var ambiguous = await s.Run(["campaign", "create", "--workspace", "Beta Agency", .. campaign]);
        Assert.Equal(ExitCodes.UsageError, ambiguous.Exit);
        Assert.Contains("--workspace: 2 workspaces are named 'Beta Agency'; give one's id:", ambiguous.Error);
        Assert.Contains(twin.ToString(), ambiguous.Error);
        Assert.Contains(s.Beta.ToString(), ambiguous.Error);
        var viaTwin = await s.Run(["campaign", "create", "--workspace", twin.ToString(), .. campaign]);
        Assert.True(viaTwin.Exit == ExitCodes.Success, viaTwin.Error);
        await using var check = s.Database.CreateContext();
        Assert.Equal(twin, (await check.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == Guid.Parse(viaTwin.Out.Trim()))).WorkspaceId);
    }
}
