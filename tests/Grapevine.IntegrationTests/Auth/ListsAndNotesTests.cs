using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>Lists, notes and tags through the API and through the catalogue, list and account pages.</summary>
public class ListsAndNotesTests
{
    [Theory, BothProviders]
    public async Task Lists_notes_and_tags_through_the_api(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        using var api = await host.Factory.CreateApiClientAsync();
        var (a, b) = (seeded[0], seeded[1]);

        var created = await api.PostAsJsonAsync("/api/v1/lists", new { name = "Spring launch" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/lists/{id}", created.Headers.Location!.OriginalString);

        var add = await api.PostAsJsonAsync($"/api/v1/lists/{id}/items",
            new { accounts = new[] { new { platform = a.Platform, handle = a.Handle }, new { platform = b.Platform, handle = "@" + b.Handle.ToUpperInvariant() } } });
        Assert.Equal(2, (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var again = await api.PostAsJsonAsync($"/api/v1/lists/{id}/items", new { accounts = new[] { new { platform = a.Platform, handle = a.Handle } } });
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/lists/{id}/items", new { accounts = new[] { new { platform = a.Platform, handle = "nobody" } } }), "accounts", "accounts[0]: the catalogue has no");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/lists/{id}/items", new { accounts = new[] { new { platform = "myspace", handle = "x" } } }), "accounts[0].platform", "unknown platform");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/lists", new { name = "" }), "name", "1 to 200 characters");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/lists", new { }), "name", "1 to 200 characters");
        // A record's field of the wrong JSON type names what the field wants, not "an object"; no body says so in plain words.
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/lists", new { name = 5 }), "name", "expected text (a JSON string");
        var empty = await api.PostAsync("/api/v1/lists", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyText = await empty.Content.ReadAsStringAsync();
        Assert.Contains("The request has no body", emptyText);
        Assert.DoesNotContain("Implicit body", emptyText);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PatchAsJsonAsync($"/api/v1/lists/{id}", new { name = "Spring launch, final" })).StatusCode);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/lists/{id}");
        Assert.Equal("Spring launch, final", details.GetProperty("name").GetString());
        Assert.Equal(new[] { a.Handle, b.Handle }.Order(), details.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("handle").GetString()).Order());
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/api/v1/lists"))[0].GetProperty("accounts").GetInt32());

        var export = await api.GetAsync($"/api/v1/lists/{id}/export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("spring-launch-final.csv", export.Content.Headers.ContentDisposition!.FileName);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("platform,handle,display_name,followers,tier,country,er_followers_pct,added_at,language,category,email,external_url", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
        Assert.Single(await host.AuditAsync(), e => e.Action == AuditLog.Actions.Export && e.Detail == "2 accounts as CSV");

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/lists/{id}/items/{b.Platform}/{b.Handle}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/lists/{id}/items/{b.Platform}/{b.Handle}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/lists/{id}/items/{b.Platform}/nobody")).StatusCode);

        var notes = $"/api/v1/accounts/{a.Platform}/{a.Handle}/notes";
        var note = await api.PostAsJsonAsync(notes, new { text = "Quoted $250 per reel" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var noteId = (await note.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("Quoted $250 per reel", (await api.GetFromJsonAsync<JsonElement>(notes))[0].GetProperty("text").GetString());
        await AssertFieldErrorAsync(await api.PostAsJsonAsync(notes, new { text = " " }), "text", "1 to 4,000 characters");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/accounts/{a.Platform}/nobody/notes")).StatusCode);
        await AssertFieldErrorAsync(await api.GetAsync("/api/v1/accounts/myspace/x/notes"), "platform", "unknown platform");

        var tags = $"/api/v1/accounts/{a.Platform}/{a.Handle}/tags";
        var tagged = await api.PostAsJsonAsync(tags, new { tag = "#Vegan Food" });
        Assert.Equal(["vegan-food"], (await tagged.Content.ReadFromJsonAsync<string[]>())!);
        await api.PostAsJsonAsync(tags, new { tag = "vegan-food" });
        Assert.Equal(["vegan-food"], (await api.GetFromJsonAsync<string[]>(tags))!);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{tags}/vegan-food")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"{tags}/vegan-food")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/notes/{noteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/notes/{noteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/lists/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/lists/{id}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_list_export_carries_what_outreach_needs_language_category_email_and_link(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
        {
            db.Accounts.AddRange(
                new Core.Catalogue.Account
                {
                    Creator = new Core.Catalogue.Creator { DisplayName = "Anna" },
                    Platform = Core.Catalogue.Platform.Instagram,
                    Handle = "anna.bakes",
                    Language = "en",
                    Category = "food",
                    Email = "anna@example.com",
                    ExternalUrl = "linktr.ee/anna",
                    UpdatedAt = host.Time.GetUtcNow().UtcDateTime,
                },
                new Core.Catalogue.Account
                {
                    // Imported text that a spreadsheet would run as a formula is written as text.
                    Creator = new Core.Catalogue.Creator { DisplayName = "Bob" },
                    Platform = Core.Catalogue.Platform.TikTok,
                    Handle = "-bob",
                    Category = "=HYPERLINK(\"x\")",
                    UpdatedAt = host.Time.GetUtcNow().UtcDateTime,
                });
            await db.SaveChangesAsync();
        }
        using var api = await host.Factory.CreateApiClientAsync();
        var created = await api.PostAsJsonAsync("/api/v1/lists", new { name = "Outreach" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/lists/{id}/items",
            new { accounts = new[] { new { platform = "instagram", handle = "anna.bakes" }, new { platform = "tiktok", handle = "-bob" } } });

        var lines = (await api.GetStringAsync($"/api/v1/lists/{id}/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("platform,handle,display_name,followers,tier,country,er_followers_pct,added_at,language,category,email,external_url", lines[0]);
        var anna = Assert.Single(lines, l => l.StartsWith("instagram,anna.bakes,", StringComparison.Ordinal));
        Assert.EndsWith(",en,food,anna@example.com,linktr.ee/anna", anna);
        var bob = Assert.Single(lines, l => l.StartsWith("tiktok,", StringComparison.Ordinal));
        Assert.StartsWith("tiktok,'-bob,", bob);
        Assert.EndsWith(",,\"'=HYPERLINK(\"\"x\"\")\",,", bob);
    }

    [Theory, BothProviders]
    public async Task Catalogue_list_and_account_pages_manage_lists_notes_and_tags(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        using var owner = await host.Factory.CreateSignedInClientAsync();
        var (a, b) = (seeded[0], seeded[1]);

        // Tick two accounts in the catalogue and add them to a new list.
        // Post/redirect/get with the filters kept, so a reload adds nothing again.
        var addedAt = Location(await Forms.SubmitAsync(owner, "/?limit=200", "add-to-list",
            new() { ["NewListName"] = "Spring launch", ["account"] = $"{a.Platform}/{a.Handle}" }, postUrl: null));
        Assert.StartsWith("/?limit=200&added=1&of=1&list=", addedAt);
        var added = await HtmlAsync(await owner.GetAsync(addedAt));
        Assert.Contains("Added 1 of 1 ticked account to “Spring launch”", added);
        // The counts come from the address, but only a list of the workspace is named: a crafted link shows nothing.
        Assert.DoesNotContain("Added 1 of 1", await HtmlAsync(await owner.GetAsync($"/?added=1&of=1&list={Guid.NewGuid()}")));
        var token = Forms.Token(added);
        await using (var db = host.Database.CreateContext())
        {
            var listId = (await db.CreatorLists.IgnoreQueryFilters().SingleAsync()).Id;
            var form = new List<KeyValuePair<string, string>>
            {
                new("ListId", listId.ToString()), new("account", $"{a.Platform}/{a.Handle}"), new("account", $"{b.Platform}/{b.Handle}"),
                new("_handler", "add-to-list"), new(Forms.TokenField, token),
            };
            var both = await HtmlAsync(await owner.GetAsync(Location(await owner.PostAsync("/?limit=200", new FormUrlEncodedContent(form)))));
            Assert.Contains("Added 1 of 2 ticked accounts to “Spring launch” (the others were on it already)", both);

            var page = await HtmlAsync(await owner.GetAsync($"/lists/{listId}"));
            Assert.Contains($"@{a.Handle}", page);
            Assert.Contains($"@{b.Handle}", page);
            Assert.Contains($"/api/v1/lists/{listId}/export", page);

            // Removing an account asks once more; the form is only there on the confirmation.
            Assert.Contains($"href=\"/lists/{listId}?remove={b.Id}\"", page);
            Assert.Contains($"Remove @{b.Handle} from “Spring launch”?", await HtmlAsync(await owner.GetAsync($"/lists/{listId}?remove={b.Id}")));
            Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(owner, $"/lists/{listId}", "remove-account", new() { ["RemoveAccountId"] = b.Id.ToString() }, token)).StatusCode);
            Assert.Equal(2, await db.CreatorListItems.IgnoreQueryFilters().CountAsync());
            // Post/redirect/get: each change answers with a redirect to the page saying what was done, so reloading the
            // page it lands on, or going back to it, posts nothing again.
            async Task<string> DoneAsync(HttpResponseMessage posted, string expectedLocation)
            {
                Assert.Equal(expectedLocation, Location(posted));
                return await HtmlAsync(await owner.GetAsync(expectedLocation));
            }
            var removed = await DoneAsync(await Forms.SubmitAsync(owner, $"/lists/{listId}?remove={b.Id}", "remove-account", new() { ["RemoveAccountId"] = b.Id.ToString() }),
                $"/lists/{listId}?done=removed&account={b.Id}");
            Assert.Contains($"@{b.Handle} is removed from the list", removed);
            Assert.DoesNotContain("class=\"card panel confirm\"", removed);
            Assert.Contains("The list is renamed", await DoneAsync(
                await Forms.SubmitAsync(owner, $"/lists/{listId}", "rename-list", new() { ["NewName"] = "Spring shortlist" }), $"/lists/{listId}?done=renamed"));
            // The notice is chosen by a flag; a crafted link cannot claim an account on the list was removed, nor bring its own words.
            Assert.DoesNotContain("is removed from the list", await HtmlAsync(await owner.GetAsync($"/lists/{listId}?done=removed&account={a.Id}")));
            var craftedNotice = await HtmlAsync(await owner.GetAsync($"/lists/{listId}?done=sign%20in%20again%20at%20evil.example"));
            Assert.DoesNotContain("sign in again", craftedNotice);
            Assert.DoesNotContain("role=\"status\"", craftedNotice);
            // A refused rename stays on the page with its error and redirects nowhere.
            Assert.Contains("role=\"alert\"", await HtmlAsync(await Forms.SubmitAsync(owner, $"/lists/{listId}", "rename-list", new() { ["NewName"] = "  " })));
            Assert.Contains("Delete “Spring shortlist”?", await HtmlAsync(await owner.GetAsync($"/lists/{listId}?delete=1")));
            Assert.Equal(1, await db.CreatorListItems.IgnoreQueryFilters().CountAsync());

            // Notes, tags and lists on the account page.
            var account = $"/accounts/{a.Platform}/{a.Handle}";
            var noted = await DoneAsync(
                await Forms.SubmitAsync(owner, account, "add-note", new() { ["NoteText"] = "Replies within a day <b>fast</b>" }), $"{account}?done=note-added");
            Assert.Contains("Note added.", noted);
            Assert.Contains("Note added.", await HtmlAsync(await owner.GetAsync($"{account}?done=note-added")));
            Assert.Equal(1, await db.AccountNotes.IgnoreQueryFilters().CountAsync());
            Assert.Contains("Replies within a day <b>fast</b>", noted);
            Assert.DoesNotContain("<b>fast</b>", await (await owner.GetAsync(account)).Content.ReadAsStringAsync());
            Assert.Contains("Spring shortlist", noted);
            Assert.Contains(">vegan-food", await DoneAsync(await Forms.SubmitAsync(owner, account, "add-tag", new() { ["NewTag"] = "Vegan food" }), $"{account}?done=tag-added"));
            Assert.Contains("Remove the tag “vegan-food” from @" + a.Handle + "?", await HtmlAsync(await owner.GetAsync($"{account}?removeTag=vegan-food")));
            var untagged = await DoneAsync(await Forms.SubmitAsync(owner, $"{account}?removeTag=vegan-food", "remove-tag", new() { ["RemoveTagName"] = "vegan-food" }),
                $"{account}?done=tag-removed&tag=vegan-food");
            Assert.DoesNotContain(">vegan-food", untagged);
            Assert.Contains("Tag vegan-food removed.", untagged);
            // A crafted link names no tag that is still on the account, and puts none of its own words in the notice.
            await Forms.SubmitAsync(owner, account, "add-tag", new() { ["NewTag"] = "kept" });
            var stillTagged = await HtmlAsync(await owner.GetAsync($"{account}?done=tag-removed&tag=kept"));
            Assert.Contains("Tag removed.", stillTagged);
            Assert.DoesNotContain("Tag kept removed.", stillTagged);
            var forged = await HtmlAsync(await owner.GetAsync($"{account}?done=tag-removed&tag=" + Uri.EscapeDataString("Call +1 555 0100 now")));
            Assert.Contains("Tag removed.", forged);
            Assert.DoesNotContain("0100 now", forged);
            var noteId = (await db.AccountNotes.IgnoreQueryFilters().SingleAsync()).Id;
            Assert.Contains($"href=\"{account}?deleteNote={noteId}#confirm\"", noted);
            Assert.Contains("Delete the note of 23 Nov 2026?", await HtmlAsync(await owner.GetAsync($"{account}?deleteNote={noteId}")));
            Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(owner, account, "delete-note", new() { ["DeleteNoteId"] = noteId.ToString() }, token)).StatusCode);
            Assert.Contains("Note deleted", await DoneAsync(
                await Forms.SubmitAsync(owner, $"{account}?deleteNote={noteId}", "delete-note", new() { ["DeleteNoteId"] = noteId.ToString() }), $"{account}?done=note-deleted"));
            var other = $"/accounts/{b.Platform}/{b.Handle}";
            Assert.Contains("Added to “Spring shortlist”", await DoneAsync(
                await Forms.SubmitAsync(owner, other, "account-add-to-list", new() { ["AddListId"] = listId.ToString() }), $"{other}?done=added-to-list&list={listId}"));
            // A refused change stays on the page with its error and redirects nowhere.
            Assert.Contains("role=\"alert\"", await HtmlAsync(await Forms.SubmitAsync(owner, account, "add-note", new() { ["NoteText"] = "  " })));

            Assert.Equal("/lists?deleted=1", Location(await Forms.SubmitAsync(owner, $"/lists/{listId}?delete=1", "delete-list", [])));
            Assert.Contains("The list is deleted.", await HtmlAsync(await owner.GetAsync("/lists?deleted=1")));
            // A crafted link cannot put its own words into the notice.
            var crafted = await HtmlAsync(await owner.GetAsync("/lists?deleted=sign%20in%20again%20at%20evil.example"));
            Assert.Contains("The list is deleted.", crafted);
            Assert.DoesNotContain("“sign in again", crafted);
            Assert.Equal(0, await db.CreatorLists.IgnoreQueryFilters().CountAsync());
            Assert.Contains("List not found", await HtmlAsync(await owner.GetAsync($"/lists/{listId}"), HttpStatusCode.NotFound));
        }
    }

    [Theory, BothProviders]
    public async Task Viewers_see_lists_notes_and_tags_without_forms_to_change_them(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        var listId = await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
        {
            var list = await s.GetRequiredService<Grapevine.Core.Lists.ListService>().CreateAsync("Shared list", default);
            await s.GetRequiredService<Grapevine.Core.Lists.ListService>().AddAsync(list.Id, [seeded[0].Id], default);
            await s.GetRequiredService<Grapevine.Core.Notes.NoteService>().AddNoteAsync(seeded[0].Id, "Owner's note", default);
            return list.Id;
        });
        using var client = await host.Factory.SignInAsync("vic@example.com");

        var catalogue = await HtmlAsync(await client.GetAsync("/"));
        Assert.DoesNotContain("add-to-list", catalogue);
        Assert.DoesNotContain("Import data", catalogue);
        var import = await HtmlAsync(await client.GetAsync("/import"));
        Assert.Contains("can read the catalogue but not import into it", import);
        Assert.DoesNotContain("type=\"file\"", import);
        var list = await HtmlAsync(await client.GetAsync($"/lists/{listId}"));
        Assert.Contains($"@{seeded[0].Handle}", list);
        Assert.DoesNotContain("RemoveAccountId", list);
        Assert.DoesNotContain("?remove=", list);
        Assert.DoesNotContain("Remove @", await HtmlAsync(await client.GetAsync($"/lists/{listId}?remove={seeded[0].Id}")));
        Assert.DoesNotContain("Export CSV", list);
        var account = await HtmlAsync(await client.GetAsync($"/accounts/{seeded[0].Platform}/{seeded[0].Handle}"));
        Assert.Contains("Owner's note", account);
        Assert.DoesNotContain("NoteText", account);
        Assert.DoesNotContain("DeleteNoteId", account);
        Assert.DoesNotContain("deleteNote=", account);
        // Forms that are not offered are refused too, in words (ViewerPagesTests).
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(client, $"/lists/{listId}", "rename-list", new() { ["NewName"] = "mine" }, Forms.Token(list))).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Only_the_author_or_an_admin_deletes_a_note_and_deletions_are_audited(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        var a = seeded[0];
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var member = await host.Factory.CreateUserAsync("max@example.com");
        await host.Factory.AddMemberAsync(workspace, member, WorkspaceRole.Member);
        using var ownerApi = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, owner));
        using var memberApi = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, member));
        var notes = $"/api/v1/accounts/{a.Platform}/{a.Handle}/notes";
        async Task<Guid> NoteAsync(HttpClient api, string text) =>
            (await (await api.PostAsJsonAsync(notes, new { text })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ownersNote = await NoteAsync(ownerApi, "Quoted 250");
        var membersNote = await NoteAsync(memberApi, "Slow to reply");
        var membersOther = await NoteAsync(memberApi, "Second thought");

        // A Member cannot delete someone else's note, and the account page offers them no Delete for it.
        var refused = await memberApi.DeleteAsync($"/api/v1/notes/{ownersNote}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only the note's author", await refused.Content.ReadAsStringAsync());
        using var memberBrowser = await host.Factory.SignInAsync("max@example.com");
        var account = $"/accounts/{a.Platform}/{a.Handle}";
        var page = await HtmlAsync(await memberBrowser.GetAsync(account));
        Assert.Contains($"deleteNote={membersNote}", page);
        Assert.DoesNotContain($"deleteNote={ownersNote}", page);
        Assert.DoesNotContain("DeleteNoteId", await HtmlAsync(await memberBrowser.GetAsync($"{account}?deleteNote={ownersNote}")));

        // The author deletes their own; an Owner deletes anyone's (on the page, too).
        Assert.Equal(HttpStatusCode.NoContent, (await memberApi.DeleteAsync($"/api/v1/notes/{membersNote}")).StatusCode);
        using var ownerBrowser = await host.Factory.SignInAsync("olga@example.com");
        Assert.Contains($"deleteNote={membersOther}", await HtmlAsync(await ownerBrowser.GetAsync(account)));
        Assert.Equal($"{account}?done=note-deleted", Location(await Forms.SubmitAsync(ownerBrowser, $"{account}?deleteNote={membersOther}", "delete-note",
            new() { ["DeleteNoteId"] = membersOther.ToString() })));

        await using var db = host.Database.CreateContext();
        Assert.Equal([ownersNote], await db.AccountNotes.IgnoreQueryFilters().Select(n => n.Id).ToListAsync());
        var deletions = (await host.AuditAsync()).Where(e => e.Action == Grapevine.Core.Notes.NoteService.AuditActions.NoteDeleted).ToList();
        Assert.Equal(2, deletions.Count);
        // Both happened at the same instant of the test clock, so their order is not asserted.
        var byAuthor = deletions.Single(e => e.ActorUserId == member.Id);
        Assert.Equal(($"{a.Platform} @{a.Handle}", "note by max@example.com of 2026-11-23: Slow to reply"), (byAuthor.Target, byAuthor.Detail));
        Assert.Equal("note by max@example.com of 2026-11-23: Second thought", deletions.Single(e => e.ActorUserId == owner.Id).Detail);
        Assert.Contains("note deleted", await HtmlAsync(await ownerBrowser.GetAsync("/audit")));
    }

    [Theory, BothProviders]
    public async Task A_new_list_from_the_catalogue_is_made_only_with_its_accounts_and_names_are_unique(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        var a = seeded[0];
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var refused = await HtmlAsync(await Forms.SubmitPairsAsync(owner, "/?limit=200", "add-to-list",
            [new("NewListName", "Micro picks"), new("account", $"{a.Platform}/{a.Handle}"), new("account", $"{a.Platform}/ghost.account")]));
        Assert.Contains($"The catalogue has no {a.Platform} account 'ghost.account'. It may have been renamed or removed since the page loaded: nothing was added and no list was created.", refused);
        Assert.DoesNotContain("accounts[1]", refused);
        await using var db = host.Database.CreateContext();
        Assert.Equal(0, await db.CreatorLists.IgnoreQueryFilters().CountAsync());

        Assert.Contains("Added 1 of 1 ticked account to “Micro picks”", await HtmlAsync(await owner.GetAsync(Location(await Forms.SubmitAsync(owner, "/?limit=200", "add-to-list",
            new() { ["NewListName"] = "Micro picks", ["account"] = $"{a.Platform}/{a.Handle}" }, postUrl: null)))));
        Assert.Contains("already has a list named “micro PICKS”", await HtmlAsync(await Forms.SubmitAsync(owner, "/?limit=200", "add-to-list",
            new() { ["NewListName"] = "micro PICKS", ["account"] = $"{a.Platform}/{a.Handle}" }, postUrl: null)));
        Assert.Equal(1, await db.CreatorLists.IgnoreQueryFilters().CountAsync());

        // The API refuses a duplicate name with 400 naming the field, on create and on rename (renaming to itself is fine).
        using var api = await host.Factory.CreateApiClientAsync("api@example.com");
        var tokyo = await api.PostAsJsonAsync("/api/v1/lists", new { name = "東京" });
        Assert.Equal(HttpStatusCode.Created, tokyo.StatusCode);
        var tokyoId = (await tokyo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/lists", new { name = " 東京 " }), "name", "already has a list named “東京”");
        var summer = (await (await api.PostAsJsonAsync("/api/v1/lists", new { name = "Été" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssertFieldErrorAsync(await api.PatchAsJsonAsync($"/api/v1/lists/{summer}", new { name = "東京" }), "name", "already has a list named");
        Assert.Equal(HttpStatusCode.NoContent, (await api.PatchAsJsonAsync($"/api/v1/lists/{tokyoId}", new { name = "東京" })).StatusCode);

        // Export file names stay ASCII: accents dropped, a name without Latin letters falls back on the list's id.
        var export = await api.GetAsync($"/api/v1/lists/{tokyoId}/export");
        Assert.Equal($"list-{tokyoId:N}"[..13] + ".csv", export.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("東京.csv", export.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("ete.csv", (await api.GetAsync($"/api/v1/lists/{summer}/export")).Content.Headers.ContentDisposition!.FileName);
    }

    [Theory, BothProviders]
    public async Task Accounts_are_found_again_by_the_workspaces_own_tags(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var seeded = await SeedCatalogueAsync(host);
        var (a, b, c) = (seeded[0], seeded[1], seeded[2]);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");
        using var other = await host.Factory.CreateSignedInClientAsync("bruno@example.com");
        await owner.PostAsJsonAsync($"/api/v1/accounts/{a.Platform}/{a.Handle}/tags", new { tag = "Summer 2026" });
        await owner.PostAsJsonAsync($"/api/v1/accounts/{b.Platform}/{b.Handle}/tags", new { tag = "summer-2026" });
        await other.PostAsJsonAsync($"/api/v1/accounts/{c.Platform}/{c.Handle}/tags", new { tag = "summer-2026" });

        // Written as a person would type it; only this workspace's tags count.
        var found = await owner.GetFromJsonAsync<JsonElement>("/api/v1/accounts?tag=%23Summer%202026&sort=handle");
        Assert.Equal(new[] { a.Handle, b.Handle }.Order(), found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("handle").GetString()!).Order());
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/accounts?tag=summer-2026");
        Assert.Equal(c.Handle, Assert.Single(theirs.GetProperty("items").EnumerateArray()).GetProperty("handle").GetString());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/v1/accounts?tag=winter")).GetProperty("items").EnumerateArray());
        await AssertFieldErrorAsync(await owner.GetAsync("/api/v1/accounts?tag=" + new string('x', 51)), "tag", "1 to 50 letters");

        // The account page links each tag to the catalogue filtered by it, which keeps the filter while paging.
        var account = await HtmlAsync(await owner.GetAsync($"/accounts/{a.Platform}/{a.Handle}"));
        Assert.Contains("<a href=\"/?tag=summer-2026\"", account);
        var page = await HtmlAsync(await owner.GetAsync("/?tag=summer-2026"));
        Assert.Contains($"@{a.Handle}", page);
        Assert.Contains($"@{b.Handle}", page);
        Assert.DoesNotContain($"@{c.Handle}", page);
        Assert.Contains("value=\"summer-2026\"", page);
        Assert.Contains("<option value=\"summer-2026\"></option>", page);
    }

    private static async Task<List<CatalogueTestData.Seeded>> SeedCatalogueAsync(AuthTestHost host)
    {
        await using var db = host.Database.CreateContext();
        return await CatalogueTestData.SeedAsync(db, count: 6);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
    }
}
