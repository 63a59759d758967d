using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Discovery;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>Campaigns and their candidates through <see cref="CampaignService"/>, on both providers.</summary>
public class CampaignServiceTests
{
    internal static readonly CampaignInput Spring = new()
    {
        Name = " Spring launch ",
        Brand = "Oat & Co",
        BrandValues = "plant-based, honest",
        BrandNiches = ["fitness", "Food"],
        BrandKeywords = ["oat milk", "vegan"],
        Competitors = ["@Oatly"],
        Goal = "Sales",
        Budget = 2000,
        Currency = "eur",
        StartsOn = new DateOnly(2027, 3, 1),
        EndsOn = new DateOnly(2027, 4, 30),
        Platforms = ["Instagram", "tiktok"],
        TargetCountries = ["de", "at"],
        TargetLanguages = ["DE"],
        TargetAgeMin = 18,
        TargetAgeMax = 34,
        TargetGender = "Female",
        TargetInterests = ["running"],
        Deliverables = [new("instagram_post", 1), new("instagram_story", 2), new("tiktok_video", null)],
        KpiReach = 100_000,
        ProductCost = 25,
        ClickThroughRate = 0.01,
        ConversionRate = 0.02,
        AverageOrderValue = 40,
        FirstTest = true,
    };

    private static CampaignService Service(WorkspaceFixture f, GrapevineDb db, CurrentWorkspace current) =>
        new(db, current, new AuditLog(db, current, f.Time), f.Time, new DiscoveryService(db, f.Time));

    [Theory, BothProviders]
    public async Task A_campaign_is_created_edited_duplicated_and_archived(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member);
        await using var _ = db;
        var campaigns = Service(f, db, current);

        var created = await campaigns.CreateAsync(Spring, default);
        Assert.Equal(("Spring launch", "sales", 2000m, "EUR"), (created.Name, created.Goal, created.Budget, created.Currency));
        Assert.Equal(["fitness", "food"], created.BrandNiches);
        Assert.Equal(["oatly"], created.Competitors);
        Assert.Equal(["instagram", "tiktok"], created.Platforms);
        Assert.Equal(["DE", "AT"], created.TargetCountries);
        Assert.Equal(["de"], created.TargetLanguages);
        Assert.Equal("female", created.TargetGender);
        Assert.Equal([new("instagram_post", 1), new("instagram_story", 2), new CampaignDeliverableView("tiktok_video", 1)], created.Deliverables);

        await campaigns.AddAccountAsync(created.Id, new AccountRef(Platform.Instagram, "@Anna"), default);
        await campaigns.UpdateCandidateAsync(created.Id, f.AccountId, new CandidateChange { Decision = "must_include", AcceptsGifting = true, TestSpend = 50, TestResult = 3 }, default);

        f.Time.Advance(TimeSpan.FromHours(1));
        var edited = await campaigns.UpdateAsync(created.Id, Spring with { Name = "Spring launch v2", Budget = 2500.5m, Deliverables = [] }, default);
        Assert.Equal(("Spring launch v2", 2500.5m, 0), (edited.Name, edited.Budget, edited.Deliverables.Count));
        Assert.Equal(f.Time.GetUtcNow().UtcDateTime, edited.UpdatedAt);
        var candidate = Assert.Single(edited.Candidates);
        Assert.Equal(("anna", "manual", "mustinclude", true, 50m, 3.0), (candidate.Handle, candidate.Source, candidate.Decision, candidate.AcceptsGifting, candidate.TestSpend, candidate.TestResult));

        var copy = await campaigns.DuplicateAsync(created.Id, default);
        Assert.NotEqual(created.Id, copy.Id);
        Assert.Equal(("Copy of Spring launch v2", 2500.5m, true), (copy.Name, copy.Budget, copy.FirstTest));
        var copied = Assert.Single(copy.Candidates);
        Assert.Equal(("mustinclude", true, (decimal?)null, (double?)null), (copied.Decision, copied.AcceptsGifting, copied.TestSpend, copied.TestResult));

        await campaigns.ArchiveAsync(created.Id, default);
        Assert.Equal(["Copy of Spring launch v2"], (await campaigns.ListAsync(archived: false, default)).Select(c => c.Name));
        var archived = Assert.Single(await campaigns.ListAsync(archived: true, default));
        Assert.Equal((created.Id, 1), (archived.Id, archived.Candidates));
        Assert.True((await campaigns.GetAsync(created.Id, default)).Archived);
        await campaigns.UnarchiveAsync(created.Id, default);
        Assert.Equal(2, (await campaigns.ListAsync(archived: false, default)).Count);

        var actions = await db.AuditEntries.Where(e => e.Action.StartsWith("campaign")).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync();
        // The test clock stands still between some of them, so compare the entries as a set.
        string[] expected =
        [
            CampaignService.AuditActions.Created, CampaignService.AuditActions.CandidatesAdded, CampaignService.AuditActions.CandidateChanged,
            CampaignService.AuditActions.Edited,
            CampaignService.AuditActions.Duplicated, CampaignService.AuditActions.Archived, CampaignService.AuditActions.Unarchived,
        ];
        Assert.Equal(expected.Order(), actions.Order());
        Assert.Equal("@anna: decision mustinclude, gifting yes, test spend 50, test result 3",
            await db.AuditEntries.Where(e => e.Action == CampaignService.AuditActions.CandidateChanged).Select(e => e.Detail).SingleAsync());

        // A long name is cut on a text-element boundary, never inside an emoji.
        var emoji = await campaigns.CreateAsync(Spring with { Name = new string('a', 191) + "😀" + new string('b', 7) }, default);
        Assert.Equal("Copy of " + new string('a', 191), (await campaigns.DuplicateAsync(emoji.Id, default)).Name);

        // Another workspace sees none of it.
        var (dbB, currentB) = f.As(f.WorkspaceB, f.Bob, WorkspaceRole.Owner);
        await using var __ = dbB;
        var ofB = Service(f, dbB, currentB);
        Assert.Empty(await ofB.ListAsync(false, default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ofB.GetAsync(created.Id, default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ofB.ArchiveAsync(created.Id, default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ofB.DuplicateAsync(created.Id, default));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "name", "", "A campaign name is required." },
        { "name", new string('n', 201), "at most 200 characters" },
        { "brand", " ", "A brand name is required." },
        { "goal", "fame", "Unknown goal 'fame'; one of awareness, engagement, sales, content." },
        { "budget", "0", "more than 0" },
        { "currency", "EURO", "not a three-letter currency code" },
        { "endsOn", "2027-02-01", "ends (2027-02-01) before it starts (2027-03-01)" },
        { "platforms", "myspace", "Unknown platform 'myspace'" },
        { "brandNiches", "knitting-robots", "Unknown niche 'knitting-robots'" },
        { "targetCountries", "DEU", "not a two-letter country code" },
        { "targetLanguages", "deu", "not a two-letter language code" },
        { "targetAgeMin", "12", "between 13 and 100" },
        { "targetAgeMax", "17", "youngest age (18) is more than the oldest (17)" },
        { "deliverables[0].deliverable", "instagram_poster", "Unknown deliverable 'instagram_poster'" },
        { "deliverables[0].deliverable", "youtube_video", "YouTube video is not on the campaign's platforms (instagram, tiktok)" },
        { "deliverables[0].count", "21", "between 1 and 20" },
        { "clickThroughRate", "2", "between 0 and 1" },
        { "conversionRate", "-0.1", "between 0 and 1" },
        { "averageOrderValue", "-1", "0 or more" },
        { "productCost", "-5", "0 or more" },
    };

    internal static CampaignInput Break(string field, string value) => field switch
    {
        "name" => Spring with { Name = value },
        "brand" => Spring with { Brand = value },
        "goal" => Spring with { Goal = value },
        "budget" => Spring with { Budget = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "currency" => Spring with { Currency = value },
        "endsOn" => Spring with { EndsOn = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "platforms" => Spring with { Platforms = ["instagram", value] },
        "brandNiches" => Spring with { BrandNiches = [value] },
        "targetCountries" => Spring with { TargetCountries = [value] },
        "targetLanguages" => Spring with { TargetLanguages = [value] },
        "targetAgeMin" => Spring with { TargetAgeMin = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "targetAgeMax" => Spring with { TargetAgeMax = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "deliverables[0].deliverable" => Spring with { Deliverables = [new(value, 1)] },
        "deliverables[0].count" => Spring with { Deliverables = [new("instagram_post", int.Parse(value, System.Globalization.CultureInfo.InvariantCulture))] },
        "clickThroughRate" => Spring with { ClickThroughRate = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "conversionRate" => Spring with { ConversionRate = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "averageOrderValue" => Spring with { AverageOrderValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "productCost" => Spring with { ProductCost = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public void Every_refused_value_names_its_field()
    {
        foreach (var row in BadInputs)
        {
            var (field, value, message) = ((string)row[0], (string)row[1], (string)row[2]);
            var e = Assert.Throws<CampaignInputException>(() => CampaignRules.Apply(Break(field, value), new Campaign { Name = "", Brand = "" }));
            Assert.Equal(field, e.ParamName);
            Assert.Equal([field], e.Errors.Keys);
            Assert.Contains(message, e.Message);
        }
    }

    [Theory, BothProviders]
    public async Task Refused_input_changes_nothing(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using var _ = db;
        var campaigns = Service(f, db, current);
        var e = await Assert.ThrowsAsync<CampaignInputException>(() => campaigns.CreateAsync(Break("budget", "-3"), default));
        Assert.Equal("budget", e.ParamName);
        var created = await campaigns.CreateAsync(Spring, default);
        e = await Assert.ThrowsAsync<CampaignInputException>(() => campaigns.UpdateAsync(created.Id, Break("deliverables[0].count", "0"), default));
        Assert.Equal("deliverables[0].count", e.ParamName);
        await using var fresh = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner).Db;
        Assert.Equal(3, (await fresh.Campaigns.SingleAsync()).Deliverables.Count);

        var (viewerDb, viewer) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Viewer);
        await using var __ = viewerDb;
        var asViewer = Service(f, viewerDb, viewer);
        Assert.Single(await asViewer.ListAsync(false, default));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => asViewer.CreateAsync(Spring, default));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => asViewer.ArchiveAsync(created.Id, default));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => asViewer.AddAccountAsync(created.Id, new AccountRef(Platform.Instagram, "anna"), default));
    }

    [Theory, BothProviders]
    public async Task Two_changes_checked_against_the_same_version_at_the_same_moment_cannot_both_land(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (ids, db, campaigns, campaign) = await AlicesCampaignWithAsync(f, "kai.lifts");
        await using var _ = db;
        var kai = ids["kai.lifts"];

        // The database itself: two contexts read the candidate, both change it; the second write matches no row.
        await using (var one = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member).Db)
        await using (var two = f.As(f.WorkspaceA, f.Bob, WorkspaceRole.Member).Db)
        {
            var first = await one.CampaignCandidates.SingleAsync(c => c.AccountId == kai);
            var second = await two.CampaignCandidates.SingleAsync(c => c.AccountId == kai);
            first.TestSpend = 100m;
            second.TestSpend = 250m;
            await one.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        }

        // Through the service: both check If-Match against the version they read; the colleague's write lands between
        // the other's check and its write, which is refused with the candidate as it is now, and nothing of it is written.
        var read = (await campaigns.GetAsync(campaign.Id, default)).Candidates.Single().Version;
        var (colleagueDb, colleague) = f.As(f.WorkspaceA, f.Bob, WorkspaceRole.Member);
        await using var __ = colleagueDb;
        var racing = new SaveFirst(() => Service(f, colleagueDb, colleague).UpdateCandidateAsync(campaign.Id, kai, new CandidateChange { TestResult = 3400 }, $"\"{read}\"", default));
        var me = new CurrentWorkspace();
        me.Enter(f.WorkspaceA, f.Alice.Id, f.Alice.Email, WorkspaceRole.Member);
        await using (var mine = Racing(f, me, racing))
        {
            var refused = await Assert.ThrowsAsync<CandidateChangedException>(() =>
                Service(f, mine, me).UpdateCandidateAsync(campaign.Id, kai, new CandidateChange { Decision = "excluded" }, $"\"{read}\"", default));
            Assert.Equal((3400.0, "open"), (refused.Current.TestResult, refused.Current.Decision));
        }
        await using (var check = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member).Db)
        {
            var now = await check.CampaignCandidates.SingleAsync(c => c.AccountId == kai);
            Assert.Equal((3400.0, CandidateDecision.Open, 100m), (now.TestResult, now.Decision, now.TestSpend));
        }

        // Without If-Match a change applies whatever the candidate holds, a colleague's change at the same moment too.
        var racingAgain = new SaveFirst(() => Service(f, colleagueDb, colleague).UpdateCandidateAsync(campaign.Id, kai, new CandidateChange { AcceptsGifting = true }, default));
        await using (var mine = Racing(f, me, racingAgain))
        {
            var applied = await Service(f, mine, me).UpdateCandidateAsync(campaign.Id, kai, new CandidateChange { Decision = "excluded" }, default);
            Assert.Equal(("excluded", true, 3400.0), (applied.Decision, applied.AcceptsGifting, applied.TestResult));
        }
    }

    [Theory, BothProviders]
    public async Task Removing_candidates_that_a_colleague_changes_or_removes_at_the_same_moment_still_removes_them(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (ids, db, campaigns, campaign) = await AlicesCampaignWithAsync(f, "kai.lifts", "mara.moves", "lena.kocht");
        await using var _ = db;
        var (colleagueDb, colleague) = f.As(f.WorkspaceA, f.Bob, WorkspaceRole.Member);
        await using var __ = colleagueDb;
        var me = new CurrentWorkspace();
        me.Enter(f.WorkspaceA, f.Alice.Id, f.Alice.Email, WorkspaceRole.Member);

        // One candidate: the colleague changes its decision between my read and my delete.
        var changing = new SaveFirst(() => Service(f, colleagueDb, colleague).UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { Decision = "mustinclude" }, default));
        await using (var mine = Racing(f, me, changing))
            await Service(f, mine, me).RemoveCandidateAsync(campaign.Id, ids["kai.lifts"], default);

        // Several: the colleague changes one and removes another between my read and my delete.
        var racing = new SaveFirst(async () =>
        {
            var theirs = Service(f, colleagueDb, colleague);
            await theirs.UpdateCandidateAsync(campaign.Id, ids["mara.moves"], new CandidateChange { AcceptsGifting = true }, default);
            await theirs.RemoveCandidateAsync(campaign.Id, ids["lena.kocht"], default);
        });
        await using (var mine = Racing(f, me, racing))
        {
            var removed = await Service(f, mine, me).RemoveCandidatesAsync(campaign.Id, [ids["mara.moves"], ids["lena.kocht"]], default);
            Assert.Equal(1, removed.Removed);
            Assert.Equal([ids["lena.kocht"]], removed.NotCandidates);
        }
        await using var check = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member).Db;
        Assert.Empty(await check.CampaignCandidates.Where(c => c.CampaignId == campaign.Id).ToListAsync());
    }

    [Theory, BothProviders]
    public async Task A_change_or_removal_without_a_version_gives_up_after_a_few_tries_when_a_colleague_keeps_writing_first(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (ids, db, campaigns, campaign) = await AlicesCampaignWithAsync(f, "kai.lifts", "mara.moves");
        await using var _ = db;
        var (colleagueDb, colleague) = f.As(f.WorkspaceA, f.Bob, WorkspaceRole.Member);
        await using var __ = colleagueDb;
        var me = new CurrentWorkspace();
        me.Enter(f.WorkspaceA, f.Alice.Id, f.Alice.Email, WorkspaceRole.Member);
        // Before every one of my saves the colleague records a new test result on both candidates.
        var result = 0.0;
        var theirs = Service(f, colleagueDb, colleague);
        SaveFirst KeepsWriting() => new(async () =>
        {
            result++;
            await theirs.UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { TestResult = result }, default);
            await theirs.UpdateCandidateAsync(campaign.Id, ids["mara.moves"], new CandidateChange { TestResult = result }, default);
        }, everySave: true);

        var changing = KeepsWriting();
        await using (var mine = Racing(f, me, changing))
        {
            var gaveUp = await Assert.ThrowsAsync<CandidateKeepsChangingException>(() =>
                Service(f, mine, me).UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { Decision = "excluded" }, default));
            Assert.Equal("@kai.lifts was not changed: a colleague keeps changing it (their change landed first each of the 3 times this was tried). " +
                "Nothing was changed: reload to see their changes, then try again.", gaveUp.Message);
        }
        Assert.Equal(CampaignService.MaxWriteAttempts, changing.Runs);

        var removingOne = KeepsWriting();
        await using (var mine = Racing(f, me, removingOne))
        {
            var gaveUp = await Assert.ThrowsAsync<CandidateKeepsChangingException>(() => Service(f, mine, me).RemoveCandidateAsync(campaign.Id, ids["kai.lifts"], default));
            Assert.StartsWith("@kai.lifts was not removed: a colleague keeps changing it", gaveUp.Message);
        }
        Assert.Equal(CampaignService.MaxWriteAttempts, removingOne.Runs);

        var removingBoth = KeepsWriting();
        await using (var mine = Racing(f, me, removingBoth))
        {
            var gaveUp = await Assert.ThrowsAsync<CandidateKeepsChangingException>(() =>
                Service(f, mine, me).RemoveCandidatesAsync(campaign.Id, [ids["kai.lifts"], ids["mara.moves"]], default));
            Assert.StartsWith("The 2 candidates were not removed: a colleague keeps changing them", gaveUp.Message);
        }

        // Nothing of mine was written: both candidates are there with the colleague's last result, neither excluded, and
        // the audit log has only the colleague's changes.
        await using var check = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member).Db;
        var now = await check.CampaignCandidates.Where(c => c.CampaignId == campaign.Id).OrderBy(c => c.AccountId).ToListAsync();
        Assert.Equal([(CandidateDecision.Open, result), (CandidateDecision.Open, result)], now.Select(c => (c.Decision, c.TestResult!.Value)));
        var audited = await check.AuditEntries.Select(e => e.Action + " " + e.Detail).ToListAsync();
        Assert.DoesNotContain(audited, a => a.StartsWith(CampaignService.AuditActions.CandidateRemoved, StringComparison.Ordinal)
            || a.StartsWith(CampaignService.AuditActions.CandidatesRemoved, StringComparison.Ordinal) || a.Contains("decision excluded", StringComparison.Ordinal));
        Assert.Equal(2 * (int)result, audited.Count(a => a.StartsWith(CampaignService.AuditActions.CandidateChanged, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The discovery catalogue seeded, and Alice's (a Member's) campaign with the named Instagram accounts as candidates,
    /// through her service on <c>Db</c> (the caller disposes it).
    /// </summary>
    private static async Task<(Dictionary<string, long> Ids, GrapevineDb Db, CampaignService Campaigns, CampaignDetails Campaign)> AlicesCampaignWithAsync(
        WorkspaceFixture f, params string[] handles)
    {
        Dictionary<string, long> ids;
        await using (var seed = f.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(seed);
        var (db, current) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member);
        var campaigns = Service(f, db, current);
        var campaign = await campaigns.CreateAsync(Spring, default);
        foreach (var handle in handles)
            await campaigns.AddAccountAsync(campaign.Id, new AccountRef(Platform.Instagram, handle), default);
        return (ids, db, campaigns, campaign);
    }

    /// <summary>A context of <paramref name="me"/> whose first save lets <paramref name="race"/>'s colleague write first.</summary>
    private static GrapevineDb Racing(WorkspaceFixture f, CurrentWorkspace me, SaveFirst race) =>
        new(new DbContextOptionsBuilder<GrapevineDb>(GrapevineDatabase.CreateOptions(f.Database.ConnectionString)).AddInterceptors(race).Options, me);

    [Theory, BothProviders]
    public async Task A_capped_search_keeps_the_creators_that_fit_the_campaigns_keywords(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        await using (var seed = f.Database.CreateContext())
            await DiscoveryTestData.SeedAsync(seed);
        var (db, current) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member);
        await using var _ = db;
        var campaigns = Service(f, db, current);
        var search = new DiscoveryQueryInput { Limit = "1", Weights = "keywords=100" };

        // Only tom.travels writes about backpacking; without the campaign's keyword the search's top 1 is someone else.
        var plain = await campaigns.CreateAsync(Spring with { Name = "Plain", BrandKeywords = [], BrandNiches = [] }, default);
        await campaigns.AddFromSearchAsync(plain.Id, search, default);
        Assert.NotEqual("tom.travels", Assert.Single((await campaigns.GetAsync(plain.Id, default)).Candidates).Handle);

        var travel = await campaigns.CreateAsync(Spring with { Name = "Travel", BrandKeywords = ["Backpacking"], BrandNiches = [] }, default);
        await campaigns.AddFromSearchAsync(travel.Id, search, default);
        Assert.Equal("tom.travels", Assert.Single((await campaigns.GetAsync(travel.Id, default)).Candidates).Handle);
    }

    [Theory, BothProviders]
    public async Task Candidates_come_from_a_search_a_list_or_a_handle_without_duplicates(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        Dictionary<string, long> ids;
        await using (var seed = f.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(seed);
        var (db, current) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member);
        await using var _ = db;
        var campaigns = Service(f, db, current);
        var lists = f.Lists(db, current);
        var campaign = await campaigns.CreateAsync(Spring, default);

        var fromSearch = await campaigns.AddFromSearchAsync(campaign.Id, new DiscoveryQueryInput { Text = "vegan", Country = "DE" }, default);
        Assert.Equal(new CandidatesAdded(2, 2), fromSearch);
        Assert.Equal(new CandidatesAdded(0, 2), await campaigns.AddFromSearchAsync(campaign.Id, new DiscoveryQueryInput { Text = "vegan", Country = "DE" }, default));

        var list = await lists.CreateAsync("Summer", default);
        await lists.AddAsync(list.Id, [ids["mara.moves"], ids["kai.lifts"]], default);
        Assert.Equal(new CandidatesAdded(1, 2), await campaigns.AddFromListAsync(campaign.Id, list.Id, default));
        Assert.Equal(new CandidatesAdded(1, 1), await campaigns.AddAccountAsync(campaign.Id, new AccountRef(Platform.TikTok, "@tom.travels"), default));

        var details = await campaigns.GetAsync(campaign.Id, default);
        Assert.Equal(
            [("kai.lifts", "list: Summer"), ("lena.kocht", "search: vegan; country=DE"), ("mara.moves", "search: vegan; country=DE"), ("tom.travels", "manual")],
            details.Candidates.Select(c => (c.Handle, c.Source)));
        Assert.All(details.Candidates, c => Assert.Equal("open", c.Decision));

        await campaigns.UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { Decision = "excluded" }, default);
        await campaigns.RemoveCandidateAsync(campaign.Id, ids["tom.travels"], default);
        details = await campaigns.GetAsync(campaign.Id, default);
        Assert.Equal(["kai.lifts", "lena.kocht", "mara.moves"], details.Candidates.Select(c => c.Handle));
        Assert.Equal("excluded", details.Candidates[0].Decision);

        var search = await Assert.ThrowsAsync<DiscoveryQueryException>(() => campaigns.AddFromSearchAsync(campaign.Id, new DiscoveryQueryInput { MinFollowers = "lots" }, default));
        Assert.Contains(DiscoveryFields.MinFollowers, search.Errors.Keys);
        Assert.Equal("handle", (await Assert.ThrowsAsync<ArgumentException>(() =>
            campaigns.AddAccountAsync(campaign.Id, new AccountRef(Platform.Instagram, "nobody"), default))).ParamName);
        Assert.Equal("decision", (await Assert.ThrowsAsync<CampaignInputException>(() =>
            campaigns.UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { Decision = "maybe" }, default))).ParamName);
        Assert.Equal("testSpend", (await Assert.ThrowsAsync<CampaignInputException>(() =>
            campaigns.UpdateCandidateAsync(campaign.Id, ids["kai.lifts"], new CandidateChange { TestSpend = -1 }, default))).ParamName);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => campaigns.RemoveCandidateAsync(campaign.Id, ids["tom.travels"], default));

        // A list of another workspace is not there.
        var (dbB, currentB) = f.As(f.WorkspaceB, f.Bob, WorkspaceRole.Owner);
        await using var __ = dbB;
        var listB = await f.Lists(dbB, currentB).CreateAsync("B's", default);
        Assert.Equal("listId", (await Assert.ThrowsAsync<ArgumentException>(() => campaigns.AddFromListAsync(campaign.Id, listB.Id, default))).ParamName);
    }
}
