using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>E-mailed and shown links take their host from Grapevine:PublicUrl, never from the request's Host header.</summary>
public partial class PublicLinkTests
{
    [Theory, BothProviders]
    public async Task Reset_and_invitation_links_ignore_a_forged_host(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, f => f.Settings["Grapevine:PublicUrl"] = "https://grapevine.example.com/");
        await host.Factory.CreateWorkspaceAsync(await host.Factory.CreateUserAsync("olga@example.com"), "Alpha");
        await host.Factory.CreateUserAsync("mia@example.com");

        // Every request of these clients says "Host: evil.example".
        using var attacker = EvilClient(host);
        await HtmlAsync(await Forms.SubmitAsync(attacker, "/account/forgot-password", "forgot-password", new() { ["Address"] = "mia@example.com" }));
        var (to, reset) = Assert.Single(host.Inbox.Sent);
        Assert.Equal("mia@example.com", to);
        Assert.StartsWith("https://grapevine.example.com/account/reset-password?email=mia%40example.com&token=", reset);

        using var owner = EvilClient(host);
        await Forms.SubmitAsync(owner, "/account/sign-in", "sign-in", new() { ["Email"] = "olga@example.com", ["Password"] = TestAccounts.Password });
        var created = await (await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "sam@example.com", role = "member" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("https://grapevine.example.com/invitations/accept?token=", created.GetProperty("link").GetString());

        var page = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "tia@example.com", ["InviteRole"] = "Viewer" }));
        Assert.StartsWith("https://grapevine.example.com/invitations/accept?token=", InvitationLink().Match(page).Groups[1].Value);
        Assert.DoesNotContain("evil.example", page);
    }

    [Theory, BothProviders]
    public async Task Without_a_public_url_links_use_the_apps_own_address_not_the_request_host(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await host.Factory.CreateUserAsync("mia@example.com");

        using var attacker = EvilClient(host);
        await HtmlAsync(await Forms.SubmitAsync(attacker, "/account/forgot-password", "forgot-password", new() { ["Address"] = "mia@example.com" }));
        var reset = Assert.Single(host.Inbox.Sent).Link;
        Assert.StartsWith("http://localhost:5080/account/reset-password?", reset);
        Assert.DoesNotContain("evil.example", reset);
    }

    [Fact]
    public void A_public_url_must_be_an_absolute_web_address()
    {
        Assert.Null(PublicLinks.Problem(null));
        Assert.Null(PublicLinks.Problem("https://grapevine.example.com/team"));
        Assert.NotNull(PublicLinks.Problem("grapevine.example.com"));
        Assert.NotNull(PublicLinks.Problem("ftp://grapevine.example.com"));
        Assert.Equal("https://grapevine.example.com/team", PublicLinks.Resolve(" https://grapevine.example.com/team/ ", "http://localhost:5080"));
        Assert.Equal("http://localhost:8080", PublicLinks.Resolve(null, "http://0.0.0.0:8080;https://0.0.0.0:8443"));
        Assert.Equal("http://localhost:5080", PublicLinks.Resolve("", null));
    }

    private static HttpClient EvilClient(AuthTestHost host) =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });

    [GeneratedRegex("id=\"invitation-link\">([^<]+)<")]
    private static partial Regex InvitationLink();
}
