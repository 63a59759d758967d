using System.Net;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

public class SignInTests
{
    [Theory, BothProviders]
    public async Task Sign_up_takes_a_non_ascii_address_and_words_a_bad_one_as_an_email_problem(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = host.Factory.CreateBrowserClient();
        using var other = host.Factory.CreateBrowserClient();
        // A non-ASCII address is an address like any other; a spaced one is refused in e-mail words, not about a "Username".
        Assert.Equal("/", Location(await Forms.SubmitAsync(client, "/account/sign-up", "sign-up",
            new() { ["Email"] = "élise@exemple.fr", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password, ["WorkspaceName"] = "Élise" })));
        Assert.Equal("élise@exemple.fr", (await host.UserAsync("élise@exemple.fr")).Email);
        var spaced = await HtmlAsync(await Forms.SubmitAsync(other, "/account/sign-up", "sign-up",
            new() { ["Email"] = "a b@x.test", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password, ["WorkspaceName"] = "AB" }));
        Assert.Contains("Enter an email address like name@example.com, without spaces.", spaced);
        Assert.DoesNotContain("Username", spaced);
    }

    [Theory, BothProviders]
    public async Task Sign_up_makes_an_owned_workspace_signs_in_and_sign_out_ends_the_session(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = host.Factory.CreateBrowserClient();

        Assert.Equal("/account/sign-in?returnUrl=%2Flists", Location(await client.GetAsync("/lists")));

        var weak = await Forms.SubmitAsync(client, "/account/sign-up", "sign-up",
            new() { ["Email"] = "ana@example.com", ["Password"] = "short", ["ConfirmPassword"] = "short", ["WorkspaceName"] = "Acme" });
        Assert.Contains("Passwords must be at least 10 characters", await HtmlAsync(weak));

        var signedUp = await Forms.SubmitAsync(client, "/account/sign-up", "sign-up",
            new() { ["Email"] = "ana@example.com", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password, ["WorkspaceName"] = "Acme Brand" });
        Assert.Equal("/", Location(signedUp));
        var home = await HtmlAsync(await client.GetAsync("/"));
        Assert.Contains("Acme Brand", home);
        Assert.Contains("Signed in as ana@example.com (Owner)", home);

        var ana = await host.UserAsync("ana@example.com");
        var membership = Assert.Single(await host.MembershipsAsync(ana.Id));
        Assert.Equal(WorkspaceRole.Owner, membership.Role);
        Assert.NotEqual(TestAccounts.Password, ana.PasswordHash);

        using var other = host.Factory.CreateBrowserClient();
        var taken = await Forms.SubmitAsync(other, "/account/sign-up", "sign-up",
            new() { ["Email"] = "ana@example.com", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password, ["WorkspaceName"] = "Copy" });
        var takenHtml = await HtmlAsync(taken);
        Assert.Contains("An account with ana@example.com already exists.", takenHtml);
        Assert.DoesNotContain("is already taken", takenHtml);
        Assert.Contains("href=\"/account/forgot-password\"", takenHtml);

        // The password rule of 4 different characters is said before it is enforced; spaces alone are refused as such.
        var blank = await HtmlAsync(await Forms.SubmitAsync(other, "/account/sign-up", "sign-up",
            new() { ["Email"] = "bo@example.com", ["Password"] = "          ", ["ConfirmPassword"] = "          ", ["WorkspaceName"] = "Bo" }));
        Assert.Contains("at least 4 of them different", blank);
        Assert.Contains("A password cannot be only spaces", blank);
        Assert.DoesNotContain("at least 10 characters. Passwords", blank);


        // A second workspace; signing out is then audited in both.
        Assert.Equal("/", Location(await Forms.SubmitAsync(client, "/workspaces/new", "new-workspace", new() { ["Name"] = "Acme Outlet" })));
        Assert.Contains("<option value=", await client.GetStringAsync("/"));
        Assert.Equal(2, (await host.MembershipsAsync(ana.Id)).Count);

        var token = Forms.Token(home);
        Assert.Equal("/account/sign-in?signedOut=1", Location(await Forms.PostAsync(client, "/account/sign-out", null, [], token)));
        Assert.StartsWith("/account/sign-in", Location(await client.GetAsync("/")));

        // Signing in goes back where the person was, but never to another site.
        var back = await Forms.SubmitAsync(client, "/account/sign-in?returnUrl=%2Flists", "sign-in", new() { ["Email"] = "ana@example.com", ["Password"] = TestAccounts.Password });
        Assert.Equal("/lists", Location(back));
        using var elsewhere = host.Factory.CreateBrowserClient();
        var offsite = await Forms.SubmitAsync(elsewhere, "/account/sign-in?returnUrl=%2F%2Fevil.example%2Fphish", "sign-in", new() { ["Email"] = "ana@example.com", ["Password"] = TestAccounts.Password });
        Assert.Equal("/", Location(offsite));

        // The fake clock stands still, so entries share a time: compare them as a set.
        var actions = (await host.AuditAsync()).Select(e => e.Action).Order().ToList();
        var signIns = Enumerable.Repeat(AuditLog.Actions.SignIn, 1 + 2 * 2);
        Assert.Equal([.. signIns, AuditLog.Actions.SignOut, AuditLog.Actions.SignOut, AuditLog.Actions.WorkspaceCreated, AuditLog.Actions.WorkspaceCreated], actions);
    }

    [Theory, BothProviders]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var bea = await host.Factory.CreateUserAsync("bea@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(bea, "Bea Brand");
        using var client = host.Factory.CreateBrowserClient();

        Task<HttpResponseMessage> Attempt(string email, string password) =>
            Forms.SubmitAsync(client, "/account/sign-in", "sign-in", new() { ["Email"] = email, ["Password"] = password });

        Assert.Contains("do not match an account", await HtmlAsync(await Attempt("nobody@example.com", "whatever-it-is")));
        for (var i = 0; i < 4; i++)
            Assert.Contains("do not match an account", await HtmlAsync(await Attempt("bea@example.com", "wrong password " + i)));
        var fifth = await HtmlAsync(await Attempt("bea@example.com", "wrong password 4"));
        Assert.Contains("locked for 15 minutes", fifth);
        // Locked: even the right password is refused until the lockout ends.
        Assert.Contains("locked for 15 minutes", await HtmlAsync(await Attempt("bea@example.com", TestAccounts.Password)));

        var locked = await host.UserAsync("bea@example.com");
        // Identity reads the system clock for lockouts.
        var minutes = (locked.LockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes;
        Assert.InRange(minutes, 14, 15.1);

        // Each wrong password is a failure (the fifth too); the lock is written once, when it starts; an attempt during it says so.
        Assert.Contains("locked for 15 minutes", await HtmlAsync(await Attempt("bea@example.com", "wrong password 5")));
        var entries = (await host.AuditAsync()).Where(e => e.WorkspaceId == workspace).ToList();
        var audit = entries.Select(e => e.Action).ToList();
        Assert.Equal(5, entries.Count(e => e.Action == AuditLog.Actions.SignInFailed && e.Detail == "wrong password"));
        Assert.Equal(2, entries.Count(e => e.Action == AuditLog.Actions.SignInFailed && e.Detail == "refused: the account is locked"));
        Assert.Equal(1, audit.Count(a => a == AuditLog.Actions.LockedOut));
        Assert.DoesNotContain(AuditLog.Actions.SignIn, audit);
        Assert.All(await host.AuditAsync(), e => Assert.Equal("bea@example.com", e.ActorName));
    }

    [Theory, BothProviders]
    public async Task A_reset_link_works_once_and_not_after_an_hour(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var cai = await host.Factory.CreateUserAsync("cai@example.com");
        await host.Factory.CreateWorkspaceAsync(cai, "Cai Brand");
        using var client = host.Factory.CreateBrowserClient();

        async Task<string> RequestLinkAsync(string email)
        {
            var sent = await HtmlAsync(await Forms.SubmitAsync(client, "/account/forgot-password", "forgot-password", new() { ["Address"] = email }));
            Assert.Contains("If an account uses that address", sent);
            return host.Inbox.Sent[^1].Link;
        }

        await RequestLinkAsync("cai@example.com");
        Assert.Single(host.Inbox.Sent);
        await HtmlAsync(await Forms.SubmitAsync(client, "/account/forgot-password", "forgot-password", new() { ["Address"] = "nobody@example.com" }));
        Assert.Single(host.Inbox.Sent);

        var link = new Uri(host.Inbox.Sent[0].Link).PathAndQuery;
        Assert.Equal("cai@example.com", host.Inbox.Sent[0].To);
        var changed = await Forms.SubmitAsync(client, link, "reset-password", new() { ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a brand new passphrase" });
        Assert.Equal("/account/sign-in?reset=1", Location(changed));
        await host.Factory.SignInAsync("cai@example.com", "a brand new passphrase");

        // The same link again: the security stamp it carries changed with the reset.
        var reused = await HtmlAsync(await client.GetAsync(link));
        Assert.Contains("This reset link is not valid any more", reused);
        var token = Forms.Token(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());
        // Posting the form anyway is refused: the page has no such form for a dead link.
        var forced = await Forms.PostAsync(client, link, "reset-password", new() { ["Password"] = "someone else's choice", ["ConfirmPassword"] = "someone else's choice" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        await host.Factory.SignInAsync("cai@example.com", "a brand new passphrase");

        var late = new Uri(await RequestLinkAsync("cai@example.com")).PathAndQuery;
        host.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Contains("Choose a new password", await HtmlAsync(await client.GetAsync(late)));
        Assert.DoesNotContain("not valid any more", await HtmlAsync(await client.GetAsync(late)));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("This reset link is not valid any more", await HtmlAsync(await client.GetAsync(late)));

        Assert.Single(await host.AuditAsync(), e => e.Action == AuditLog.Actions.PasswordReset);
    }

    [Theory, BothProviders]
    public async Task An_invitation_link_joins_once_and_not_after_it_expires(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Orchard Agency");
        var dan = await host.Factory.CreateUserAsync("dan@example.com");
        var dansOwn = await host.Factory.CreateWorkspaceAsync(dan, "Dan's own");

        async Task<string> InviteAsync(string email, WorkspaceRole role) =>
            "/invitations/accept?token=" + await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async s =>
                (await s.GetRequiredService<WorkspaceService>().InviteAsync(email, role, default)).Token);

        // An existing user signs in and joins.
        var forDan = await InviteAsync("dan@example.com", WorkspaceRole.Member);
        using var anonymous = host.Factory.CreateBrowserClient();
        var offer = await HtmlAsync(await anonymous.GetAsync(forDan));
        Assert.Contains("Orchard Agency</strong> as Member", offer);
        Assert.Contains("/account/sign-in?returnUrl=%2Finvitations%2Faccept%3Ftoken%3D", offer);
        using var danClient = await host.Factory.SignInAsync("dan@example.com");
        Assert.Equal("/", Location(await Forms.SubmitAsync(danClient, forDan, "join", [])));
        // Dan was in a workspace of his own when he joined: the join is written across workspaces on purpose.
        Assert.Equal(WorkspaceRole.Member, (await host.MembershipsAsync(dan.Id)).Single(m => m.WorkspaceId == workspace).Role);
        Assert.Equal(WorkspaceRole.Owner, (await host.MembershipsAsync(dan.Id)).Single(m => m.WorkspaceId == dansOwn).Role);
        Assert.Contains("Signed in as dan@example.com (Member)", await HtmlAsync(await danClient.GetAsync("/")));

        // The link works once.
        Assert.Contains("has already been used", await HtmlAsync(await anonymous.GetAsync(forDan)));

        // A newcomer signs up from the link and joins without a workspace of their own.
        var forEva = await InviteAsync("eva@example.com", WorkspaceRole.Viewer);
        using var evaClient = host.Factory.CreateBrowserClient();
        var token = forEva[(forEva.IndexOf('=') + 1)..];
        Assert.Contains("value=\"eva@example.com\"", await HtmlAsync(await evaClient.GetAsync("/account/sign-up?invitation=" + token)));
        var signedUp = await Forms.SubmitAsync(evaClient, "/account/sign-up?invitation=" + token, "sign-up",
            new() { ["Email"] = "eva@example.com", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password });
        Assert.Equal("/", Location(signedUp));
        var eva = await host.UserAsync("eva@example.com");
        var evaMembership = Assert.Single(await host.MembershipsAsync(eva.Id));
        Assert.Equal((workspace, WorkspaceRole.Viewer), (evaMembership.WorkspaceId, evaMembership.Role));

        // Seven days later a link is dead.
        var late = await InviteAsync("fay@example.com", WorkspaceRole.Member);
        host.Time.Advance(WorkspaceService.InvitationLifetime + TimeSpan.FromMinutes(1));
        Assert.Contains("has expired", await HtmlAsync(await anonymous.GetAsync(late)));

        var joined = (await host.AuditAsync()).Where(e => e.Action == AuditLog.Actions.MemberJoined).Select(e => e.Target).Order();
        Assert.Equal(["dan@example.com", "eva@example.com"], joined);
    }

    [Theory, BothProviders]
    public async Task Forms_without_the_antiforgery_token_are_refused(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await host.Factory.CreateUserAsync("gus@example.com");
        using var client = host.Factory.CreateBrowserClient();

        var signIn = await Forms.PostAsync(client, "/account/sign-in", "sign-in", new() { ["Email"] = "gus@example.com", ["Password"] = TestAccounts.Password }, token: null);
        Assert.Contains("The form could not be accepted", await HtmlAsync(signIn, HttpStatusCode.BadRequest));
        var signUp = await Forms.PostAsync(client, "/account/sign-up", "sign-up",
            new() { ["Email"] = "hal@example.com", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password, ["WorkspaceName"] = "X" }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, signUp.StatusCode);
        Assert.DoesNotContain(await host.AuditAsync(), e => e.Action == AuditLog.Actions.SignIn);

        using var signedIn = await host.Factory.SignInAsync("gus@example.com");
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(signedIn, "/account/sign-out", null, [], token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(signedIn, "/account/sign-out", null, [], token: "forged")).StatusCode);
        // A token from another session does not do either.
        var foreign = Forms.Token(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(signedIn, "/account/sign-out", null, [], foreign)).StatusCode);
        await using var db = host.Database.CreateContext();
        Assert.DoesNotContain(db.Users, u => u.Email == "hal@example.com");
    }
}
