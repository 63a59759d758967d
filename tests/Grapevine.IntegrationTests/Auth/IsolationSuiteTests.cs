using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.RateCards;
using Grapevine.Core.Lists;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Import;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>
/// Tenant isolation over every <c>/api/v1</c> endpoint the app maps, read from its endpoint data
/// source: anonymous callers get 401; a member of workspace A asking for a resource of workspace B
/// gets 404 and changes nothing; Viewers and read-only keys get 403 on every non-GET endpoint; GET
/// answers to A never contain B's data. An endpoint missing from <see cref="Cases"/> fails the suite,
/// so a new feature cannot skip it: add a row saying how to reach its A and B resources.
/// </summary>
public class IsolationSuiteTests(ITestOutputHelper output)
{
    /// <summary>How to call one endpoint: a URL of workspace A (or of the shared catalogue), a valid body, and where B's resource is.</summary>
    private sealed record Case(
        Func<World, string> Own,
        Func<World, HttpContent?>? Body = null,
        Func<World, string>? OfB = null,
        Func<World, (string Url, string Contains)>? ProbeB = null,
        Func<World, string>? SharedWithBData = null,
        bool ViewerMayRead = true,
        HttpStatusCode? OwnerAnswer = null);

    private static HttpContent Json(object value) => JsonContent.Create(value);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["GET /api/v1/accounts"] = new(_ => "/api/v1/accounts"),
        ["GET /api/v1/accounts/{platform}/{handle}"] = new(w => $"/api/v1/accounts/{w.Shared}"),
        ["GET /api/v1/accounts/{platform}/{handle}/vetting"] = new(w => $"/api/v1/accounts/{w.Shared}/vetting"),
        ["GET /api/v1/vetting.csv"] = new(w => $"/api/v1/vetting.csv?accounts={w.Shared},{w.Own}", ViewerMayRead: false),
        ["POST /api/v1/imports"] = new(_ => "/api/v1/imports", _ => ImportForm()),
        ["GET /api/v1/imports/rejected-rows/{id:guid}"] = new(w => w.RejectedRowsA, OfB: w => w.RejectedRowsB, ViewerMayRead: false),
        ["GET /api/v1/workspaces"] = new(_ => "/api/v1/workspaces"),
        ["GET /api/v1/members"] = new(_ => "/api/v1/members"),
        ["GET /api/v1/workspace"] = new(_ => "/api/v1/workspace"),
        ["PATCH /api/v1/workspace"] = new(_ => "/api/v1/workspace", _ => Json(new { name = "A renamed" })),
        // A's owner is its only owner, so the valid request is refused by the workspace's rule, not by isolation.
        ["DELETE /api/v1/workspace/membership"] = new(_ => "/api/v1/workspace/membership", OwnerAnswer: HttpStatusCode.Conflict),
        ["POST /api/v1/invitations"] = new(_ => "/api/v1/invitations", _ => Json(new { email = "new@a-brand.test", role = "viewer" })),
        ["GET /api/v1/invitations"] = new(_ => "/api/v1/invitations", ViewerMayRead: false),
        ["DELETE /api/v1/invitations/{id:guid}"] = new(w => $"/api/v1/invitations/{w.InvitationA}",
            OfB: w => $"/api/v1/invitations/{w.InvitationB}", ProbeB: w => ("/api/v1/invitations", w.InvitationB.ToString())),
        ["PATCH /api/v1/members/{userId:guid}"] = new(w => $"/api/v1/members/{w.ViewerA}", _ => Json(new { role = "viewer" }),
            OfB: w => $"/api/v1/members/{w.MemberB}", ProbeB: w => ("/api/v1/members", w.MemberB.ToString())),
        ["DELETE /api/v1/members/{userId:guid}"] = new(w => $"/api/v1/members/{w.ViewerA}",
            OfB: w => $"/api/v1/members/{w.MemberB}", ProbeB: w => ("/api/v1/members", w.MemberB.ToString())),
        ["GET /api/v1/api-keys"] = new(_ => "/api/v1/api-keys", ViewerMayRead: false),
        ["POST /api/v1/api-keys"] = new(_ => "/api/v1/api-keys", _ => Json(new { name = "another", scope = "read" })),
        ["DELETE /api/v1/api-keys/{id:guid}"] = new(w => $"/api/v1/api-keys/{w.KeyA}",
            OfB: w => $"/api/v1/api-keys/{w.KeyB}", ProbeB: w => ("/api/v1/api-keys", w.KeyB.ToString())),
        ["GET /api/v1/audit"] = new(_ => "/api/v1/audit", ViewerMayRead: false),
        ["GET /api/v1/audit.csv"] = new(_ => "/api/v1/audit.csv", ViewerMayRead: false),
        ["GET /api/v1/lists"] = new(_ => "/api/v1/lists"),
        ["POST /api/v1/lists"] = new(_ => "/api/v1/lists", _ => Json(new { name = "Another list" })),
        ["GET /api/v1/lists/{id:guid}"] = new(w => $"/api/v1/lists/{w.ListA}", OfB: w => $"/api/v1/lists/{w.ListB}"),
        ["PATCH /api/v1/lists/{id:guid}"] = new(w => $"/api/v1/lists/{w.ListA}", _ => Json(new { name = "Renamed" }), OfB: w => $"/api/v1/lists/{w.ListB}"),
        ["DELETE /api/v1/lists/{id:guid}"] = new(w => $"/api/v1/lists/{w.ListA}", OfB: w => $"/api/v1/lists/{w.ListB}"),
        ["POST /api/v1/lists/{id:guid}/items"] = new(w => $"/api/v1/lists/{w.ListA}/items",
            w => Json(new { accounts = new[] { new { platform = w.Other.Platform, handle = w.Other.Handle } } }), OfB: w => $"/api/v1/lists/{w.ListB}/items",
            ProbeB: w => ($"/api/v1/lists/{w.ListB}", w.BMarker)),
        ["DELETE /api/v1/lists/{id:guid}/items/{platform}/{handle}"] = new(w => $"/api/v1/lists/{w.ListA}/items/{w.Own}",
            OfB: w => $"/api/v1/lists/{w.ListB}/items/{w.Shared}", ProbeB: w => ($"/api/v1/lists/{w.ListB}", w.SharedAccount.Handle)),
        ["GET /api/v1/lists/{id:guid}/export"] = new(w => $"/api/v1/lists/{w.ListA}/export", OfB: w => $"/api/v1/lists/{w.ListB}/export", ViewerMayRead: false),
        ["GET /api/v1/accounts/{platform}/{handle}/notes"] = new(w => $"/api/v1/accounts/{w.Own}/notes", SharedWithBData: w => $"/api/v1/accounts/{w.Shared}/notes"),
        ["POST /api/v1/accounts/{platform}/{handle}/notes"] = new(w => $"/api/v1/accounts/{w.Own}/notes", _ => Json(new { text = "another note" })),
        ["GET /api/v1/accounts/{platform}/{handle}/tags"] = new(w => $"/api/v1/accounts/{w.Own}/tags", SharedWithBData: w => $"/api/v1/accounts/{w.Shared}/tags"),
        ["POST /api/v1/accounts/{platform}/{handle}/tags"] = new(w => $"/api/v1/accounts/{w.Own}/tags", _ => Json(new { tag = "another" })),
        ["DELETE /api/v1/accounts/{platform}/{handle}/tags/{tag}"] = new(w => $"/api/v1/accounts/{w.Own}/tags/a-tag",
            OfB: w => $"/api/v1/accounts/{w.Shared}/tags/{w.TagB}", ProbeB: w => ($"/api/v1/accounts/{w.Shared}/tags", w.TagB)),
        ["DELETE /api/v1/notes/{id:guid}"] = new(w => $"/api/v1/notes/{w.NoteA}",
            OfB: w => $"/api/v1/notes/{w.NoteB}", ProbeB: w => ($"/api/v1/accounts/{w.Shared}/notes", w.NoteB.ToString())),
        ["GET /api/v1/brand-safety"] = new(_ => "/api/v1/brand-safety"),
        ["POST /api/v1/brand-safety/categories"] = new(_ => "/api/v1/brand-safety/categories", _ => Json(new { name = "another category", keywords = new[] { "prosecco" } })),
        ["GET /api/v1/brand-safety/categories/{name}"] = new(_ => "/api/v1/brand-safety/categories/alcohol", OfB: w => $"/api/v1/brand-safety/categories/{w.CategoryB}"),
        ["PATCH /api/v1/brand-safety/categories/{name}"] = new(_ => "/api/v1/brand-safety/categories/alcohol", _ => Json(new { name = "drinks", add = new[] { "prosecco" } }),
            OfB: w => $"/api/v1/brand-safety/categories/{w.CategoryB}", ProbeB: w => ("/api/v1/brand-safety", w.CategoryB)),
        ["DELETE /api/v1/brand-safety/categories/{name}"] = new(_ => "/api/v1/brand-safety/categories/gambling",
            OfB: w => $"/api/v1/brand-safety/categories/{w.CategoryB}", ProbeB: w => ("/api/v1/brand-safety", w.CategoryB)),
        ["POST /api/v1/brand-safety/reset"] = new(_ => "/api/v1/brand-safety/reset"),
        ["GET /api/v1/search"] = new(_ => "/api/v1/search", SharedWithBData: w => $"/api/v1/search?q={w.SharedAccount.Handle}&max_price=10000"),
        ["GET /api/v1/search.csv"] = new(_ => "/api/v1/search.csv", SharedWithBData: w => $"/api/v1/search.csv?q={w.SharedAccount.Handle}", ViewerMayRead: false),
        ["GET /api/v1/accounts/{platform}/{handle}/lookalikes"] = new(w => $"/api/v1/accounts/{w.Shared}/lookalikes"),
        ["GET /api/v1/accounts/{platform}/{handle}/rates"] = new(w => $"/api/v1/accounts/{w.Own}/rates", SharedWithBData: w => $"/api/v1/accounts/{w.Shared}/rates"),
        ["PUT /api/v1/accounts/{platform}/{handle}/rates/{deliverable}"] = new(w => $"/api/v1/accounts/{w.Own}/rates/{w.OwnRate}", _ => Json(new { priceUsd = 150 })),
        ["DELETE /api/v1/accounts/{platform}/{handle}/rates/{deliverable}"] = new(w => $"/api/v1/accounts/{w.Own}/rates/{w.OwnRate}",
            OfB: w => $"/api/v1/accounts/{w.Shared}/rates/{w.SharedRate}", ProbeB: w => ($"/api/v1/accounts/{w.Shared}/rates", w.RateNoteB)),
        ["GET /api/v1/campaigns"] = new(_ => "/api/v1/campaigns", SharedWithBData: _ => "/api/v1/campaigns?archived=true"),
        ["POST /api/v1/campaigns"] = new(_ => "/api/v1/campaigns", _ => Json(new { name = "Another campaign", brand = "Alpha", goal = "sales", budget = 1000 })),
        ["GET /api/v1/campaigns/{id:guid}"] = new(w => $"/api/v1/campaigns/{w.CampaignA}", OfB: w => $"/api/v1/campaigns/{w.CampaignB}"),
        ["PUT /api/v1/campaigns/{id:guid}"] = new(w => $"/api/v1/campaigns/{w.CampaignA}",
            _ => Json(new { name = "A campaign", brand = "Alpha", goal = "awareness", budget = 1500, platforms = new[] { "instagram" } }),
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}"),
        ["POST /api/v1/campaigns/{id:guid}/archive"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/archive",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/archive", ProbeB: w => ("/api/v1/campaigns", w.CampaignMarkerB)),
        ["POST /api/v1/campaigns/{id:guid}/unarchive"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/unarchive",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/unarchive", ProbeB: w => ("/api/v1/campaigns", w.CampaignMarkerB)),
        ["POST /api/v1/campaigns/{id:guid}/duplicate"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/duplicate",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/duplicate", ProbeB: w => ("/api/v1/campaigns", w.CampaignMarkerB)),
        ["GET /api/v1/campaigns/{id:guid}/candidates"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates"),
        ["GET /api/v1/campaigns/{id:guid}/candidates.csv"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates.csv",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates.csv", ViewerMayRead: false),
        ["POST /api/v1/campaigns/{id:guid}/candidates"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates",
            w => Json(new { platform = w.Other.Platform, handle = w.Other.Handle }), OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates",
            ProbeB: w => ($"/api/v1/campaigns/{w.CampaignB}/candidates", w.SharedAccount.Handle)),
        ["PATCH /api/v1/campaigns/{id:guid}/candidates/{accountId:long}"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates/{w.OwnAccount.Id}",
            _ => Json(new { decision = "mustinclude", acceptsGifting = true }), OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates/{w.SharedAccount.Id}",
            ProbeB: w => ($"/api/v1/campaigns/{w.CampaignB}/candidates", w.SharedAccount.Handle)),
        ["DELETE /api/v1/campaigns/{id:guid}/candidates/{accountId:long}"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates/{w.OwnAccount.Id}",
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates/{w.SharedAccount.Id}",
            ProbeB: w => ($"/api/v1/campaigns/{w.CampaignB}/candidates", w.SharedAccount.Handle)),
        ["POST /api/v1/campaigns/{id:guid}/candidates/remove"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/candidates/remove",
            // B's candidate: not one of A's (the other cases still need A's), and what a leak would remove from B.
            w => Json(new { accountIds = new[] { w.SharedAccount.Id } }), OfB: w => $"/api/v1/campaigns/{w.CampaignB}/candidates/remove",
            ProbeB: w => ($"/api/v1/campaigns/{w.CampaignB}/candidates", w.SharedAccount.Handle)),
        ["POST /api/v1/campaigns/{id:guid}/plan"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/plan", _ => Json(new { budget = 500, budgetCurve = false }),
            OfB: w => $"/api/v1/campaigns/{w.CampaignB}/plan", ProbeB: w => ($"/api/v1/campaigns/{w.CampaignB}/plan", w.CampaignB.ToString())),
        ["GET /api/v1/campaigns/{id:guid}/plan"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/plan", OfB: w => $"/api/v1/campaigns/{w.CampaignB}/plan"),
        ["GET /api/v1/campaigns/{id:guid}/plan.csv"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/plan.csv", OfB: w => $"/api/v1/campaigns/{w.CampaignB}/plan.csv",
            ViewerMayRead: false),
        ["GET /api/v1/campaigns/{id:guid}/first-test"] = new(w => $"/api/v1/campaigns/{w.CampaignA}/first-test", OfB: w => $"/api/v1/campaigns/{w.CampaignB}/first-test"),
        ["POST /api/v1/plans"] = new(_ => "/api/v1/plans", _ => Json(new { budget = 500, goal = "sales", budgetCurve = false })),
    };

    [Theory, BothProviders]
    public async Task Every_api_endpoint_keeps_workspaces_apart(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        var world = await World.BuildAsync(host);

        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order().ToList();
        var uncovered = endpoints.Except(Cases.Keys).ToList();
        Assert.True(uncovered.Count == 0, "Endpoints without an isolation case (add a row to IsolationSuiteTests.Cases): " + string.Join(", ", uncovered));
        var stale = Cases.Keys.Except(endpoints).ToList();
        Assert.True(stale.Count == 0, "Isolation cases without an endpoint: " + string.Join(", ", stale));
        output.WriteLine($"{endpoints.Count} endpoints: {string.Join(", ", endpoints)}");

        foreach (var key in endpoints)
        {
            var (method, c) = (new HttpMethod(key[..key.IndexOf(' ')]), Cases[key]);
            var write = method != HttpMethod.Get;
            var own = c.Own(world);

            // Nobody, a made-up key, and a signed-in person without a workspace are all nobody here.
            foreach (var (name, client) in world.Outsiders)
                await ExpectAsync(client, method, own, c.Body?.Invoke(world), HttpStatusCode.Unauthorized, $"{key} as {name}");

            // Viewers and read-only keys never write, and read what their role allows.
            foreach (var (name, client) in world.ReadOnly)
            {
                var expected = write || !c.ViewerMayRead ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
                var body = await ExpectAsync(client, method, own, c.Body?.Invoke(world), expected, $"{key} as {name}");
                world.AssertNoDataOfB(body, $"{key} as {name}");
            }

            if (!write)
            {
                world.AssertNoDataOfB(await ExpectAsync(world.OwnerA, method, own, null, HttpStatusCode.OK, $"{key} as owner of A"), key);
                if (c.SharedWithBData is { } shared)
                    world.AssertNoDataOfB(await ExpectAsync(world.OwnerA, method, shared(world), null, HttpStatusCode.OK, $"{key} on an account B annotated"), key);
            }

            if (c.OfB is { } ofB)
            {
                var (probe, contains) = c.ProbeB?.Invoke(world) ?? (ofB(world), "");
                Assert.Contains(contains, await ExpectAsync(world.OwnerB, HttpMethod.Get, probe, null, HttpStatusCode.OK, $"{key}: B's resource exists"));
                await ExpectAsync(world.OwnerA, method, ofB(world), c.Body?.Invoke(world), HttpStatusCode.NotFound, $"{key} on B's resource as owner of A");
                var byKey = await Send(world.KeyClientA, method, ofB(world), c.Body?.Invoke(world));
                Assert.True(byKey.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{key} on B's resource with A's key: {(int)byKey.StatusCode}");
            }
        }

        await world.AssertBUnchangedAsync();

        // The rows are valid requests: A's owner succeeds with each one (deletions last, deepest first).
        foreach (var key in endpoints.Where(k => !k.StartsWith("GET ", StringComparison.Ordinal))
            .OrderBy(k => k.StartsWith("DELETE ", StringComparison.Ordinal)).ThenByDescending(k => k.Length))
        {
            var c = Cases[key];
            var response = await Send(world.OwnerA, new HttpMethod(key[..key.IndexOf(' ')]), c.Own(world), c.Body?.Invoke(world));
            Assert.True(c.OwnerAnswer is { } answer ? response.StatusCode == answer : response.IsSuccessStatusCode,
                $"{key} as owner of A: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static MultipartFormDataContent ImportForm()
    {
        var form = new MultipartFormDataContent { { new StringContent("accounts"), "kind" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFixtures.Accounts));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "accounts.csv");
        return form;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, HttpContent? body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body });

    private static async Task<string> ExpectAsync(HttpClient client, HttpMethod method, string url, HttpContent? body, HttpStatusCode expected, string what)
    {
        var response = await Send(client, method, url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>Two workspaces with a bit of everything, and a client for each kind of caller.</summary>
    private sealed class World
    {
        public required CatalogueTestData.Seeded SharedAccount { get; init; }
        public required CatalogueTestData.Seeded OwnAccount { get; init; }
        public required CatalogueTestData.Seeded Other { get; init; }
        public string Shared => $"{SharedAccount.Platform}/{SharedAccount.Handle}";
        public string Own => $"{OwnAccount.Platform}/{OwnAccount.Handle}";
        public Guid ListA { get; private set; }
        public Guid ListB { get; private set; }
        public Guid NoteA { get; private set; }
        public Guid NoteB { get; private set; }
        public Guid KeyA { get; private set; }
        public Guid KeyB { get; private set; }
        public Guid ViewerA { get; private set; }
        public Guid InvitationA { get; private set; }
        public Guid InvitationB { get; private set; }
        public Guid MemberB { get; private set; }
        public string RejectedRowsA { get; private set; } = "";
        public string RejectedRowsB { get; private set; } = "";
        public string TagB => "b-secret-tag";
        public string RateNoteB => "B secret rate";
        public string OwnRate => RateDeliverables.Default(Parse(OwnAccount.Platform));
        public string SharedRate => RateDeliverables.Default(Parse(SharedAccount.Platform));
        public string BMarker => "B secret list";
        public string CategoryB => "b-secret-category";
        public string CampaignMarkerB => "B secret campaign";
        public Guid CampaignA { get; private set; }
        public Guid CampaignB { get; private set; }
        public string KeywordB => "bsecretkeyword";
        public HttpClient OwnerA { get; private set; } = null!;
        public HttpClient KeyClientA { get; private set; } = null!;
        public HttpClient OwnerB { get; private set; } = null!;
        public List<(string, HttpClient)> Outsiders { get; } = [];
        public List<(string, HttpClient)> ReadOnly { get; } = [];
        private AuthTestHost _host = null!;
        private string[] _markersOfB = [];

        public static async Task<World> BuildAsync(AuthTestHost host)
        {
            List<CatalogueTestData.Seeded> seeded;
            await using (var db = host.Database.CreateContext())
                seeded = await CatalogueTestData.SeedAsync(db, count: 3);
            await using (var db = host.Database.CreateContext())
            {
                // Discovery searches search profiles: one per account, priced, so B's rate card would show if it leaked.
                db.SearchProfiles.AddRange(seeded.Select(a => new SearchProfile
                {
                    AccountId = a.Id,
                    Platform = Parse(a.Platform),
                    Handle = a.Handle,
                    Followers = a.Followers,
                    Tier = a.Tier,
                    PriceEstimate = 100,
                    Words = a.Handle,
                    UpdatedAt = CatalogueTestData.AsOf,
                    Niches = [new SearchProfileNiche { AccountId = a.Id, Niche = "fitness", Score = 50 }],
                }));
                await db.SaveChangesAsync();
            }
            var world = new World { SharedAccount = seeded[0], OwnAccount = seeded[1], Other = seeded[2], _host = host };
            await world.SeedAsync();
            return world;
        }

        private async Task SeedAsync()
        {
            var f = _host.Factory;
            var alice = await f.CreateUserAsync("alice@a-brand.test");
            var vera = await f.CreateUserAsync("vera@a-brand.test");
            var bruno = await f.CreateUserAsync("bruno@b-agency.test");
            var bea = await f.CreateUserAsync("bea@b-agency.test");
            await f.CreateUserAsync("nomad@nowhere.test");
            var a = await f.CreateWorkspaceAsync(alice, "Alpha Brand");
            var b = await f.CreateWorkspaceAsync(bruno, "Beta Secret Agency");
            await f.AddMemberAsync(a, vera, WorkspaceRole.Viewer);
            await f.AddMemberAsync(b, bea, WorkspaceRole.Member);
            (ViewerA, MemberB) = (vera.Id, bea.Id);

            (ListA, NoteA) = await Annotate(a, alice, "A list", OwnAccount, "A note", "a-tag");
            (ListB, NoteB) = await Annotate(b, bruno, BMarker, SharedAccount, "B secret note", TagB);
            var keyA = await f.CreateApiKeyAsync(a, alice, ApiKeyScope.ReadWrite, "A key");
            var readKeyA = await f.CreateApiKeyAsync(a, alice, ApiKeyScope.Read, "A read key");
            await f.CreateApiKeyAsync(b, bruno, ApiKeyScope.ReadWrite, "B secret key");
            InvitationB = (await f.AsMemberAsync(b, bruno, WorkspaceRole.Owner, s => s.GetRequiredService<WorkspaceService>().InviteAsync("invitee@b-agency.test", WorkspaceRole.Viewer, default))).Invitation.Id;
            InvitationA = (await f.AsMemberAsync(a, alice, WorkspaceRole.Owner, s => s.GetRequiredService<WorkspaceService>().InviteAsync("invitee@a-brand.test", WorkspaceRole.Viewer, default))).Invitation.Id;
            await f.AsMemberAsync(b, bruno, WorkspaceRole.Owner, s => s.GetRequiredService<BrandSafetyService>().AddCategoryAsync(CategoryB, [KeywordB], default));
            await f.AsMemberAsync(a, alice, WorkspaceRole.Owner, s => s.GetRequiredService<RateCardService>().SetAsync(OwnAccount.Id, OwnRate, 100, "A rate", default));
            await f.AsMemberAsync(b, bruno, WorkspaceRole.Owner, s => s.GetRequiredService<RateCardService>().SetAsync(SharedAccount.Id, SharedRate, 4321.5m, RateNoteB, default));
            CampaignA = await Campaign(a, alice, "A campaign", OwnAccount);
            CampaignB = await Campaign(b, bruno, CampaignMarkerB, SharedAccount);
            // A second candidate keeps A's campaign plannable after the suite removes the first; each campaign has a saved plan.
            await f.AsMemberAsync(a, alice, WorkspaceRole.Owner, async s =>
                (await s.GetRequiredService<CampaignService>().AddAccountAsync(CampaignA, new AccountRef(Parse(Other.Platform), Other.Handle), default)).ToString());
            await SavedPlan(a, alice, CampaignA);
            await SavedPlan(b, bruno, CampaignB);
            await using (var db = _host.Database.CreateContext())
            {
                var keys = await db.ApiKeys.IgnoreQueryFilters().ToListAsync();
                KeyA = keys.Single(k => k.Name == "A key").Id;
                KeyB = keys.Single(k => k.Name == "B secret key").Id;
                _markersOfB = ["b-agency.test", "Beta Secret Agency", BMarker, CategoryB, KeywordB, "B secret note", TagB, RateNoteB, "4321.5", CampaignMarkerB, CampaignB.ToString(), "B secret key", KeyB.ToString(), ListB.ToString(), NoteB.ToString(), InvitationB.ToString(), keys.Single(k => k.Id == KeyB).Prefix];
            }

            OwnerA = await f.SignInAsync("alice@a-brand.test");
            OwnerB = await f.SignInAsync("bruno@b-agency.test");
            KeyClientA = f.CreateKeyClient(keyA);
            Outsiders.Add(("anonymous", f.CreateBrowserClient()));
            Outsiders.Add(("an unknown key", f.CreateKeyClient("gv_unknown-key-000000000000000000000000000")));
            Outsiders.Add(("a user in no workspace", await f.SignInAsync("nomad@nowhere.test")));
            ReadOnly.Add(("a Viewer", await f.SignInAsync("vera@a-brand.test")));
            ReadOnly.Add(("a read-only key", f.CreateKeyClient(readKeyA)));
            RejectedRowsA = await RejectedRowsAsync(OwnerA, "a-rejected");
            RejectedRowsB = await RejectedRowsAsync(OwnerB, "b-rejected");
        }

        // Where an import's rejected rows are kept for whoever imported it.
        private static async Task<string> RejectedRowsAsync(HttpClient importer, string handle)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"platform,handle,followers\ninstagram,{handle},-1\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var form = new MultipartFormDataContent { { new StringContent("accounts"), "kind" }, { file, "file", "rejected.csv" } };
            var report = await (await importer.PostAsync("/api/v1/imports", form)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            return report.GetProperty("rejectedRowsUrl").GetString()!;
        }

        // The suite's accounts have no search profiles, so a plan chooses nobody and planning would not save it: keep it
        // the way the page keeps a plan, for the reads of the latest plan and its export to have one.
        private Task<CampaignPlanDocument> SavedPlan(Guid workspace, GrapevineUser owner, Guid campaign) =>
            _host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
            {
                var request = new PlanRequest { BudgetCurve = false };
                var plan = await s.GetRequiredService<CampaignPlanService>().PlanCampaignAsync(campaign, request, save: false, default);
                var row = await s.GetRequiredService<GrapevineDb>().Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign);
                return await s.GetRequiredService<CampaignPlanSaving>().SaveAsync(row, request, plan, default);
            });

        private static Platform Parse(string platform) => CatalogueNames.TryParsePlatform(platform, out var parsed) ? parsed : throw new ArgumentException(platform);

        private Task<(Guid List, Guid Note)> Annotate(Guid workspace, GrapevineUser owner, string listName, CatalogueTestData.Seeded account, string note, string tag) =>
            _host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
            {
                var lists = s.GetRequiredService<ListService>();
                var notes = s.GetRequiredService<NoteService>();
                var list = await lists.CreateAsync(listName, default);
                await lists.AddAsync(list.Id, [account.Id], default);
                await notes.AddTagAsync(account.Id, tag, default);
                return (list.Id, (await notes.AddNoteAsync(account.Id, note, default)).Id);
            });

        private Task<Guid> Campaign(Guid workspace, GrapevineUser owner, string name, CatalogueTestData.Seeded account) =>
            _host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
            {
                var campaigns = s.GetRequiredService<CampaignService>();
                var campaign = await campaigns.CreateAsync(new CampaignInput { Name = name, Brand = name, Goal = "sales", Budget = 2000 }, default);
                await campaigns.AddAccountAsync(campaign.Id, new AccountRef(Parse(account.Platform), account.Handle), default);
                return campaign.Id;
            });

        public void AssertNoDataOfB(string body, string what)
        {
            var leak = _markersOfB.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"{what}: the answer shows B's '{leak}': {body}");
        }

        public async Task AssertBUnchangedAsync()
        {
            await using var db = _host.Database.CreateContext();
            var list = await db.CreatorLists.IgnoreQueryFilters().Include(l => l.Items).SingleAsync(l => l.Id == ListB);
            Assert.Equal((BMarker, SharedAccount.Id), (list.Name, Assert.Single(list.Items).AccountId));
            Assert.True(await db.AccountNotes.IgnoreQueryFilters().AnyAsync(n => n.Id == NoteB));
            Assert.True(await db.AccountTags.IgnoreQueryFilters().AnyAsync(t => t.Tag == TagB));
            Assert.Null((await db.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == KeyB)).RevokedAt);
            Assert.Equal(WorkspaceRole.Member, (await db.Members.IgnoreQueryFilters().SingleAsync(m => m.UserId == MemberB)).Role);
            Assert.Null((await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == InvitationB)).RevokedAt);
            Assert.Equal("Beta Secret Agency", (await db.Workspaces.SingleAsync(w => w.Id == list.WorkspaceId)).Name);
            Assert.Equal(1, await db.CreatorLists.IgnoreQueryFilters().CountAsync(l => l.WorkspaceId == list.WorkspaceId));
            var categoryB = await db.BrandSafetyCategories.IgnoreQueryFilters().Include(c => c.Keywords).SingleAsync(c => c.WorkspaceId == list.WorkspaceId && c.Name == CategoryB);
            Assert.Equal(KeywordB, Assert.Single(categoryB.Keywords).Keyword);
            var rateB = await db.RateCards.IgnoreQueryFilters().SingleAsync(r => r.WorkspaceId == list.WorkspaceId);
            Assert.Equal((SharedAccount.Id, SharedRate, 4321.5m, RateNoteB), (rateB.AccountId, rateB.Deliverable, rateB.PriceUsd, rateB.Note));
            var campaignB = await db.Campaigns.IgnoreQueryFilters().Include(c => c.Candidates).SingleAsync(c => c.WorkspaceId == list.WorkspaceId);
            Assert.Equal((CampaignB, CampaignMarkerB, (DateTime?)null, 2000m), (campaignB.Id, campaignB.Name, campaignB.ArchivedAt, campaignB.Budget));
            var candidateB = Assert.Single(campaignB.Candidates);
            Assert.Equal((SharedAccount.Id, CandidateDecision.Open, false), (candidateB.AccountId, candidateB.Decision, candidateB.AcceptsGifting));
            Assert.Equal(BrandSafetyLexicon.Default.Categories.Count + 1, await db.BrandSafetyCategories.IgnoreQueryFilters().CountAsync(c => c.WorkspaceId == list.WorkspaceId));
        }
    }
}
