using System.Net;
using System.Net.Http.Json;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>The campaign page through the real host: duplicate, archive and unarchive, candidates' controls, viewers, other workspaces.</summary>
public class CampaignPageTests
{
    [Theory, BothProviders]
    public async Task Duplicate_goes_to_the_copy_archive_asks_first_and_unarchive_brings_it_back(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", CampaignFormPageTests.FullForm()));

        var copy = Location(await Forms.SubmitAsync(client, page, "duplicate", []));
        Assert.Matches("^/campaigns/[0-9a-f-]{36}\\?copied=1$", copy);
        Assert.NotEqual(page + "?copied=1", copy);
        var copyHtml = await HtmlAsync(await client.GetAsync(copy));
        Assert.Contains("<h1>Copy of Summer oats</h1>", copyHtml);
        Assert.Contains("This is a copy", copyHtml);
        Assert.Contains("2× Instagram story", copyHtml);

        var plain = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("Archive…", plain);
        Assert.DoesNotContain("Archive campaign", plain);
        var asking = await HtmlAsync(await client.GetAsync(page + "?archive=1"));
        Assert.Contains("Archive “Summer oats”?", asking);
        Assert.Contains("Archive campaign", asking);
        Assert.Equal(page, Location(await Forms.SubmitAsync(client, page + "?archive=1", "archive", [])));

        var archived = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains(" · archived", archived);
        Assert.Contains(">Unarchive</button>", archived);
        Assert.DoesNotContain("Archive…", archived);
        Assert.DoesNotContain(">Summer oats<", await HtmlAsync(await client.GetAsync("/campaigns")));
        Assert.Contains(">Summer oats<", await HtmlAsync(await client.GetAsync("/campaigns?archived=true")));

        Assert.Equal(page, Location(await Forms.SubmitAsync(client, page, "unarchive", [])));
        Assert.Contains("Archive…", await HtmlAsync(await client.GetAsync(page)));
        Assert.Contains(">Summer oats<", await HtmlAsync(await client.GetAsync("/campaigns")));
        var actions = (await host.AuditAsync()).Select(a => a.Action).ToList();
        Assert.Contains(CampaignService.AuditActions.Duplicated, actions);
        Assert.Contains(CampaignService.AuditActions.Archived, actions);
        Assert.Contains(CampaignService.AuditActions.Unarchived, actions);
    }

    [Theory, BothProviders]
    public async Task Candidates_come_from_a_list_or_a_handle_take_decisions_gifting_and_results_and_are_removed_after_asking(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count: 6);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var listId = await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
        {
            var lists = s.GetRequiredService<ListService>();
            var list = await lists.CreateAsync("Spring shortlist", default);
            await lists.AddAsync(list.Id, [seeded[0].Id, seeded[1].Id, seeded[2].Id], default);
            return list.Id;
        });
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", CampaignFormPageTests.Essentials(
            ("Form.Platforms", ""), ("Form.FirstTest", "true"))));

        var empty = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("No candidates yet", empty);
        Assert.Contains("Add creators from a search, one of your lists or by handle above", empty);
        Assert.Contains("Spring shortlist (3)", empty);

        Assert.Contains("3 new candidates added (3 found).", await HtmlAsync(await Forms.SubmitAsync(client, page, "add-list", new() { ["AddListId"] = listId.ToString() })));
        var byHandle = await HtmlAsync(await Forms.SubmitAsync(client, page, "add-handle", new() { ["AddPlatform"] = seeded[3].Platform, ["AddHandle"] = "@" + seeded[3].Handle }));
        Assert.Contains($"@{seeded[3].Handle} is added.", byHandle);
        Assert.Contains("4 candidates", byHandle);
        // A first test's result column says what to type: for a sales goal, revenue in the campaign's currency.
        Assert.Contains("<th scope=\"col\" class=\"num\">Test result (revenue, USD)</th>", byHandle);
        Assert.Contains("data-label=\"Test result (revenue, USD)\"", byHandle);
        Assert.Contains("Record each creator's test spend (USD) and result (revenue, USD) when the test is over.", byHandle);
        var unknown = await HtmlAsync(await Forms.SubmitAsync(client, page, "add-handle", new() { ["AddPlatform"] = "instagram", ["AddHandle"] = "nobody.here" }));
        Assert.Contains("id=\"add-handle-error\">The catalogue has no instagram account 'nobody.here'.", unknown);
        Assert.Contains("value=\"nobody.here\"", unknown);

        var (first, second) = (seeded[0].Id, seeded[1].Id);
        var saved = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "mustinclude",
            ["Rows[0].AcceptsGifting"] = "true",
            ["Rows[0].TestSpend"] = "120.5",
            ["Rows[0].TestResult"] = "3400",
            ["Rows[1].AccountId"] = second.ToString(),
            ["Rows[1].Decision"] = "excluded",
        }));
        Assert.Contains("2 candidates saved.", saved);
        Assert.Contains("Test spend (USD)", saved);
        var candidates = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!;
        var one = candidates.Single(c => c.AccountId == first);
        Assert.Equal(("mustinclude", true, 120.5m, 3400.0), (one.Decision, one.AcceptsGifting, one.TestSpend, one.TestResult));
        Assert.Equal("excluded", candidates.Single(c => c.AccountId == second).Decision);
        Assert.All(candidates.Where(c => c.AccountId != first && c.AccountId != second), c => Assert.Equal(("open", false), (c.Decision, c.AcceptsGifting)));
        Assert.Matches("<option value=\"mustinclude\" selected", saved);

        // Unticking gifting is a change too; a refused spend is shown at its field with what was typed.
        var refused = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "mustinclude",
            ["Rows[0].TestSpend"] = "-5",
        }));
        Assert.Contains($"id=\"spend-{first}-error\">@{seeded[0].Handle}: A test spend is 0 to", refused);
        Assert.Contains("value=\"-5\" aria-label", refused);
        Assert.Equal(120.5m, (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Single(c => c.AccountId == first).TestSpend);
        // An emptied test result clears the recorded one.
        Assert.Contains("1 candidate saved.", await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "mustinclude",
            ["Rows[0].TestSpend"] = "120.5",
            ["Rows[0].TestResult"] = "",
        })));
        var unticked = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Single(c => c.AccountId == first);
        Assert.Equal((false, 120.5m, (double?)null), (unticked.AcceptsGifting, unticked.TestSpend, unticked.TestResult));
        // A whole spend reads as typed in its field, not with the column's scale (40.0 on SQLite, 40.00 on PostgreSQL).
        Assert.Contains("1 candidate saved.", await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "mustinclude",
            ["Rows[0].TestSpend"] = "40",
        })));
        Assert.Contains($"value=\"40\" aria-label=\"Test spend for @{seeded[0].Handle}\"", await HtmlAsync(await client.GetAsync(page)));

        var asking = await HtmlAsync(await client.GetAsync($"{page}?remove={second}"));
        Assert.Contains($"Remove @{seeded[1].Handle} from this campaign?", asking);
        var removed = Location(await Forms.SubmitAsync(client, $"{page}?remove={second}", "remove-candidate", new() { ["RemoveAccountId"] = second.ToString() }));
        Assert.Equal($"{page}?removed={seeded[1].Handle}", removed);
        Assert.Contains($"@{seeded[1].Handle} is removed from the campaign.", await HtmlAsync(await client.GetAsync(removed)));
        Assert.DoesNotContain((await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!, c => c.AccountId == second);
    }

    [Theory, BothProviders]
    public async Task A_stale_candidates_form_keeps_a_colleagues_test_result_and_refuses_to_overwrite_it(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count: 2);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", CampaignFormPageTests.Essentials(
            ("Form.Platforms", ""), ("Form.FirstTest", "true"))));
        foreach (var s in seeded)
            await Forms.SubmitAsync(client, page, "add-handle", new() { ["AddPlatform"] = s.Platform, ["AddHandle"] = s.Handle });
        var (first, second) = (seeded[0].Id, seeded[1].Id);
        // The form as the page showed it before the colleague recorded a result.
        var shown = await HtmlAsync(await client.GetAsync(page));
        var seen = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(shown, "name=\"Rows\\[0\\]\\.Seen\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.Equal("open|0||", seen);

        // A colleague records the first creator's test meanwhile.
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var campaignId = Guid.Parse(page["/campaigns/".Length..]);
        await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Member, s =>
            s.GetRequiredService<CampaignService>().UpdateCandidateAsync(campaignId, first, new CandidateChange { TestSpend = 100, TestResult = 5000 }, default));

        // Saving the stale form with an edit to the other creator only: the colleague's result stays.
        var other = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "open",
            ["Rows[0].Seen"] = seen,
            ["Rows[0].TestSpend"] = "",
            ["Rows[0].TestResult"] = "",
            ["Rows[1].AccountId"] = second.ToString(),
            ["Rows[1].Decision"] = "excluded",
            ["Rows[1].Seen"] = seen,
        }));
        Assert.Contains("1 candidate saved.", other);
        var candidates = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!;
        Assert.Equal((100m, 5000.0), (candidates.Single(c => c.AccountId == first).TestSpend, candidates.Single(c => c.AccountId == first).TestResult));
        Assert.Equal("excluded", candidates.Single(c => c.AccountId == second).Decision);

        // Editing the row the colleague changed is refused, saying who changed and what it holds now.
        var clash = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = first.ToString(),
            ["Rows[0].Decision"] = "mustinclude",
            ["Rows[0].Seen"] = seen,
            ["Rows[0].TestSpend"] = "",
            ["Rows[0].TestResult"] = "",
            ["Rows[1].AccountId"] = second.ToString(),
            ["Rows[1].Decision"] = "open",
            ["Rows[1].Seen"] = "excluded|0||",
        }));
        Assert.Contains($"Nothing was saved: someone else changed @{seeded[0].Handle} since you opened this page " +
            $"(now @{seeded[0].Handle}: open, gifting not accepted, test spend 100, test result 5,000)", clash);
        Assert.Contains("value=\"5000\"", clash);
        candidates = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!;
        Assert.Equal(("open", 5000.0), (candidates.Single(c => c.AccountId == first).Decision, candidates.Single(c => c.AccountId == first).TestResult));
        Assert.Equal("excluded", candidates.Single(c => c.AccountId == second).Decision);
    }

    [Theory, BothProviders]
    public async Task A_colleagues_change_landing_while_the_form_saves_is_not_written_over(DatabaseProvider provider)
    {
        // The colleague's write lands inside the page's save: after the page compared the form with the candidate, before
        // its own write reaches the database.
        var race = new ColleagueFirst();
        await using var host = await StartAsync(provider, services: s => s.ConfigureDbContext<GrapevineDb>(o => o.AddInterceptors(race)));
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count: 1);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", CampaignFormPageTests.Essentials(
            ("Form.Platforms", ""), ("Form.FirstTest", "true"))));
        await Forms.SubmitAsync(client, page, "add-handle", new() { ["AddPlatform"] = seeded[0].Platform, ["AddHandle"] = seeded[0].Handle });
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var campaignId = Guid.Parse(page["/campaigns/".Length..]);
        race.Colleague = () => host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Member, s =>
            s.GetRequiredService<CampaignService>().UpdateCandidateAsync(campaignId, seeded[0].Id, new CandidateChange { TestSpend = 100, TestResult = 5000 }, default));

        var answer = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = seeded[0].Id.ToString(),
            ["Rows[0].Decision"] = "excluded",
            ["Rows[0].Seen"] = "open|0||",
        }));
        Assert.Contains($"@{seeded[0].Handle} was not saved: someone else changed it while you saved (now @{seeded[0].Handle}: open, gifting not accepted, " +
            "test spend 100, test result 5,000)", answer);
        var candidate = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Single();
        Assert.Equal(("open", 100m, 5000.0), (candidate.Decision, candidate.TestSpend, candidate.TestResult));
    }

    /// <summary>Once armed with <see cref="Colleague"/>, runs it just before the first save that changes a candidate.</summary>
    private sealed class ColleagueFirst : SaveChangesInterceptor
    {
        public Func<Task>? Colleague { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Colleague is { } colleague && eventData.Context!.ChangeTracker.Entries<CampaignCandidate>().Any(e => e.State == EntityState.Modified))
            {
                Colleague = null;
                await colleague();
            }
            return result;
        }
    }

    [Theory, BothProviders]
    public async Task Several_candidates_are_ticked_confirmed_and_removed_together(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, page, seeded) = await CampaignWithCandidatesAsync(host, count: 3);
        using var _ = client;
        var shown = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("name=\"Rows[0].Selected\"", shown);
        Assert.Contains(">Remove selected…</button>", shown);

        // Nothing ticked: say what to do.
        var none = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", new() { ["Rows[0].AccountId"] = seeded[0].Id.ToString(), ["Intent"] = "remove" }));
        Assert.Contains("Tick the candidates to remove first", none);

        var asking = Location(await Forms.SubmitAsync(client, page, "candidates", new()
        {
            ["Rows[0].AccountId"] = seeded[0].Id.ToString(),
            ["Rows[0].Selected"] = "true",
            ["Rows[1].AccountId"] = seeded[1].Id.ToString(),
            ["Rows[1].Selected"] = "true",
            ["Rows[2].AccountId"] = seeded[2].Id.ToString(),
            ["Intent"] = "remove",
        }));
        Assert.Equal($"{page}?removeMany={seeded[0].Id},{seeded[1].Id}", asking);
        var confirm = await HtmlAsync(await client.GetAsync(asking));
        Assert.Contains("Remove 2 candidates from this campaign?", confirm);
        Assert.Contains($"@{seeded[0].Handle}", confirm);
        // Nothing is removed until the confirmation is submitted.
        Assert.Equal(3, (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Count);

        var done = Location(await Forms.SubmitAsync(client, asking, "remove-candidates", new() { ["RemoveAccountIds"] = $"{seeded[0].Id},{seeded[1].Id}" }));
        Assert.Equal($"{page}?removedMany=2", done);
        Assert.Contains("2 candidates are removed from the campaign.", await HtmlAsync(await client.GetAsync(done)));
        Assert.Equal([seeded[2].Id], (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Select(c => c.AccountId));
    }

    [Theory, BothProviders]
    public async Task Candidates_filter_by_decision_tier_and_text_and_select_all_ticks_the_shown_rows_keeping_edits(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, page, seeded) = await CampaignWithCandidatesAsync(host, count: 5);
        using var _ = client;
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var campaignId = Guid.Parse(page["/campaigns/".Length..]);
        await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Member, s =>
            s.GetRequiredService<CampaignService>().UpdateCandidateAsync(campaignId, seeded[1].Id, new CandidateChange { Decision = "excluded" }, default));
        static List<long> Rows(string html) =>
            [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"candidate\" data-account=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value))];

        var all = await HtmlAsync(await client.GetAsync(page));
        Assert.Equal(5, Rows(all).Count);
        Assert.Contains("5 candidates</h2>", all);
        Assert.Contains("name=\"decision\"", all);

        var excluded = await HtmlAsync(await client.GetAsync($"{page}?decision=excluded"));
        Assert.Equal([seeded[1].Id], Rows(excluded));
        Assert.Contains("1 of 5 candidates", excluded);
        Assert.Contains("Show all</a>", excluded);

        var tier = seeded[0].Tier ?? "unknown";
        var byTier = await HtmlAsync(await client.GetAsync($"{page}?tier={tier}"));
        Assert.Equal(seeded.Where(s => (s.Tier ?? "unknown") == tier).Select(s => s.Id).Order(), Rows(byTier).Order());

        var byText = await HtmlAsync(await client.GetAsync($"{page}?q=%40{seeded[2].Handle.ToUpperInvariant()}"));
        Assert.Equal([seeded[2].Id], Rows(byText));
        Assert.Contains("No candidate matches this filter", await HtmlAsync(await client.GetAsync($"{page}?q=nobody-at-all")));

        // Select all (a button: the page has no script) ticks every row shown, keeps what was typed, and saves nothing.
        var open = $"{page}?decision=open";
        var shownIds = Rows(await HtmlAsync(await client.GetAsync(open)));
        Assert.Equal(4, shownIds.Count);
        var fields = new Dictionary<string, string> { ["Intent"] = "select-all" };
        for (var i = 0; i < shownIds.Count; i++)
        {
            fields[$"Rows[{i}].AccountId"] = shownIds[i].ToString();
            fields[$"Rows[{i}].Decision"] = i == 0 ? "mustinclude" : "open";
            fields[$"Rows[{i}].Seen"] = "open|0||";
        }
        var ticked = await HtmlAsync(await Forms.SubmitAsync(client, open, "candidates", fields));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(ticked, "name=\"Rows\\[\\d\\]\\.Selected\" value=\"true\" checked").Count);
        Assert.Contains(">Clear selection</button>", ticked);
        Assert.Contains("<option value=\"mustinclude\" selected", ticked);
        var stored = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!;
        Assert.Equal("open", stored.Single(c => c.AccountId == shownIds[0]).Decision);
    }

    [Theory, BothProviders]
    public async Task Remove_selected_saves_the_edits_typed_in_other_rows_before_asking(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, page, seeded) = await CampaignWithCandidatesAsync(host, count: 3);
        using var _ = client;
        Dictionary<string, string> Form(string secondDecision) => new()
        {
            ["Intent"] = "remove",
            ["Rows[0].AccountId"] = seeded[0].Id.ToString(),
            ["Rows[0].Decision"] = "open",
            ["Rows[0].Seen"] = "open|0||",
            ["Rows[0].Selected"] = "true",
            ["Rows[1].AccountId"] = seeded[1].Id.ToString(),
            ["Rows[1].Decision"] = secondDecision,
            ["Rows[1].AcceptsGifting"] = "true",
            ["Rows[1].Seen"] = "open|0||",
            ["Rows[2].AccountId"] = seeded[2].Id.ToString(),
            ["Rows[2].Decision"] = "open",
            ["Rows[2].Seen"] = "open|0||",
        };

        var asking = Location(await Forms.SubmitAsync(client, page, "candidates", Form("excluded")));
        Assert.Equal($"{page}?removeMany={seeded[0].Id}&savedRows=1", asking);
        var stored = (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!;
        Assert.Equal(("excluded", true), (stored.Single(c => c.AccountId == seeded[1].Id).Decision, stored.Single(c => c.AccountId == seeded[1].Id).AcceptsGifting));
        var confirm = await HtmlAsync(await client.GetAsync(asking));
        Assert.Contains("Your edits to 1 candidate are saved. Nothing is removed until you confirm below.", confirm);
        Assert.Contains("Remove 1 candidate from this campaign?", confirm);
        Assert.Equal(3, stored.Count);

        // The form is now stale for the second row (it shows "open|0||"): editing it again refuses, and removes nothing.
        var refused = await HtmlAsync(await Forms.SubmitAsync(client, page, "candidates", Form("mustinclude")));
        Assert.Contains($"Nothing was saved: someone else changed @{seeded[1].Handle}", refused);
        Assert.Equal("excluded", (await client.GetFromJsonAsync<List<CandidateView>>($"/api/v1{page}/candidates"))!.Single(c => c.AccountId == seeded[1].Id).Decision);
    }

    [Theory, BothProviders]
    public async Task Viewers_see_the_campaign_without_write_controls_and_another_workspace_gets_404(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count: 3);
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        var campaignId = await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
        {
            var campaigns = s.GetRequiredService<CampaignService>();
            var campaign = await campaigns.CreateAsync(new CampaignInput { Name = "Spring launch", Brand = "Oat & Co", Goal = "sales", Budget = 1500, FirstTest = true }, default);
            await campaigns.AddAccountAsync(campaign.Id, new AccountRef(Enum.Parse<Platform>(seeded[0].Platform, ignoreCase: true), seeded[0].Handle), default);
            return campaign.Id;
        });
        var page = $"/campaigns/{campaignId}";
        using var client = await host.Factory.SignInAsync("vic@example.com");

        var html = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("<h1>Spring launch</h1>", html);
        Assert.Contains($"@{seeded[0].Handle}", html);
        Assert.Contains("Set-up", html);
        foreach (var control in new[] { "/edit\"", ">Duplicate<", "Archive…", "Save candidates", "name=\"Rows[", "AddListId", "AddHandle", "SearchText", "?remove=" })
            Assert.DoesNotContain(control, html);
        // Forms that are not offered are refused too, in words (ViewerPagesTests).
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(client, page, "duplicate", [], Forms.Token(html))).StatusCode);
        var edit = await HtmlAsync(await client.GetAsync(page + "/edit"));
        Assert.Contains("Viewers read campaigns", edit);
        Assert.DoesNotContain("Form.Name", edit);
        Assert.DoesNotContain("Form.Name", await HtmlAsync(await client.GetAsync("/campaigns/new")));
        Assert.DoesNotContain("New campaign</a>", await HtmlAsync(await client.GetAsync("/campaigns")));

        using var other = await host.Factory.CreateSignedInClientAsync("other@example.com");
        Assert.Contains("Campaign not found", await HtmlAsync(await other.GetAsync(page), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page + "/edit")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_candidates_filter_is_kept_by_removing_and_cancelling_and_the_csv_link_exports_what_is_shown(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (client, page, seeded) = await CampaignWithCandidatesAsync(host, count: 11);
        using var _ = client;
        var owner = await host.UserAsync("owner@example.com");
        var workspace = (await host.MembershipsAsync(owner.Id)).Single().WorkspaceId;
        var campaignId = Guid.Parse(page["/campaigns/".Length..]);
        foreach (var s in seeded.Take(3))
        {
            await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Member, sp =>
                sp.GetRequiredService<CampaignService>().UpdateCandidateAsync(campaignId, s.Id, new CandidateChange { Decision = "excluded" }, default));
        }
        var filtered = $"{page}?decision=excluded";
        static async Task<string> Decoded(HttpResponseMessage response) => WebUtility.HtmlDecode(await HtmlAsync(response));

        var shown = await Decoded(await client.GetAsync(filtered));
        Assert.Contains($"href=\"/api/v1{page}/candidates.csv?decision=excluded\" download>Export CSV (3 shown)</a>", shown);
        Assert.Contains($"href=\"{page}?remove={seeded[0].Id}&decision=excluded\"", shown);
        // Three rows shown: the table's buttons only under it. All eleven: above it as well.
        Assert.DoesNotContain("candidate-actions-top", shown);
        var all = await Decoded(await client.GetAsync(page));
        Assert.Contains("candidate-actions-top", all);
        Assert.Contains($"href=\"/api/v1{page}/candidates.csv\" download>Export CSV</a>", all);

        // Remove selected: the confirmation's Cancel and the page after removing keep the filter.
        var asking = Location(await Forms.SubmitAsync(client, filtered, "candidates", new()
        {
            ["Rows[0].AccountId"] = seeded[0].Id.ToString(),
            ["Rows[0].Selected"] = "true",
            ["Intent"] = "remove",
        }));
        Assert.Equal($"{page}?removeMany={seeded[0].Id}&decision=excluded", asking);
        Assert.Contains($"href=\"{filtered}\">Cancel</a>", await Decoded(await client.GetAsync(asking)));
        var done = Location(await Forms.SubmitAsync(client, asking, "remove-candidates", new() { ["RemoveAccountIds"] = seeded[0].Id.ToString() }));
        Assert.Equal($"{page}?removedMany=1&decision=excluded", done);
        Assert.Contains("2 of 10 candidates", await Decoded(await client.GetAsync(done)));

        // Remove one: the same.
        var askingOne = $"{page}?remove={seeded[1].Id}&decision=excluded";
        Assert.Contains($"href=\"{filtered}\">Cancel</a>", await Decoded(await client.GetAsync(askingOne)));
        var doneOne = Location(await Forms.SubmitAsync(client, askingOne, "remove-candidate", new() { ["RemoveAccountId"] = seeded[1].Id.ToString() }));
        Assert.Equal($"{page}?removed={seeded[1].Handle}&decision=excluded", doneOne);

        // Archive: the link, the confirmation's Cancel and the page after archiving keep it too.
        Assert.Contains($"href=\"{page}?archive=1&decision=excluded\">Archive…</a>", await Decoded(await client.GetAsync(filtered)));
        var askingArchive = $"{page}?archive=1&decision=excluded";
        Assert.Contains($"href=\"{filtered}\">Cancel</a>", await Decoded(await client.GetAsync(askingArchive)));
        Assert.Equal(filtered, Location(await Forms.SubmitAsync(client, askingArchive, "archive", [])));
    }

    /// <summary>A signed-in owner's new campaign (all platforms) with <paramref name="count"/> seeded accounts added by handle on its page.</summary>
    private static async Task<(HttpClient Client, string Page, List<CatalogueTestData.Seeded> Seeded)> CampaignWithCandidatesAsync(Auth.AuthTestHost host, int count)
    {
        List<CatalogueTestData.Seeded> seeded;
        await using (var db = host.Database.CreateContext())
            seeded = await CatalogueTestData.SeedAsync(db, count);
        var client = await host.Factory.CreateSignedInClientAsync();
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", CampaignFormPageTests.Essentials(("Form.Platforms", ""))));
        foreach (var s in seeded)
            await Forms.SubmitAsync(client, page, "add-handle", new() { ["AddPlatform"] = s.Platform, ["AddHandle"] = s.Handle });
        return (client, page, seeded);
    }
}
