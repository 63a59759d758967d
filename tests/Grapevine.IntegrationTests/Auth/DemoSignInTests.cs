using System.Text.RegularExpressions;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

public partial class DemoSignInTests
{
    [Theory, BothProviders]
    public async Task A_fresh_start_prints_a_link_that_signs_in_once(DatabaseProvider provider)
    {
        var console = new StringWriter();
        await using var host = await StartAsync(provider,
            f => f.Settings["Grapevine:DemoWorkspaceOnFreshStart"] = "true",
            s => s.AddSingleton(new DemoLinkOutput(console)));
        await using (var db = host.Database.CreateContext())
            await CatalogueTestData.SeedAsync(db, count: 12);
        using var client = host.Factory.CreateBrowserClient();

        var link = new Uri(DemoLink().Match(console.ToString()).Value);
        Assert.Equal("http://localhost:5080/demo-sign-in", link.GetLeftPart(UriPartial.Path));
        Assert.Equal("/", Location(await client.GetAsync(link.PathAndQuery)));
        var home = await HtmlAsync(await client.GetAsync("/"));
        Assert.Contains("Demo Brand", home);
        Assert.Contains("Signed in as demo@grapevine.local (Owner)", home);
        Assert.Contains("Shortlist: micro creators", await HtmlAsync(await client.GetAsync("/lists")));

        using var second = host.Factory.CreateBrowserClient();
        Assert.Equal("/account/sign-in?demo=invalid", Location(await second.GetAsync(link.PathAndQuery)));
        Assert.Contains("does not work any more", await HtmlAsync(await second.GetAsync("/account/sign-in?demo=invalid")));

        await using (var db = host.Database.CreateContext())
        {
            var stored = await db.UserTokens.SingleOrDefaultAsync();
            Assert.Null(stored);
            Assert.Equal(WorkspaceRole.Owner, (await db.Members.IgnoreQueryFilters().SingleAsync()).Role);
        }
        var signIn = Assert.Single(await host.AuditAsync(), e => e.Action == AuditLog.Actions.SignIn);
        Assert.Equal("demo link", signIn.Detail);
        Assert.DoesNotContain(link.Query.TrimStart('?')[6..], string.Join(" ", (await host.AuditAsync()).Select(e => e.Detail + e.Target)));
    }

    [Theory, BothProviders]
    public async Task The_link_expires_after_a_day_and_a_later_start_prints_none(DatabaseProvider provider)
    {
        var console = new StringWriter();
        await using var host = await StartAsync(provider,
            f => f.Settings["Grapevine:DemoWorkspaceOnFreshStart"] = "true",
            s => s.AddSingleton(new DemoLinkOutput(console)));
        await using (var db = host.Database.CreateContext())
            await CatalogueTestData.SeedAsync(db, count: 3);
        using var client = host.Factory.CreateBrowserClient();
        var link = new Uri(DemoLink().Match(console.ToString()).Value).PathAndQuery;
        await using (var db = host.Database.CreateContext())
            Assert.DoesNotContain(link[(link.IndexOf('=') + 1)..], (await db.UserTokens.SingleAsync()).Value);

        host.Time.Advance(DemoSignIn.LinkLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal("/account/sign-in?demo=invalid", Location(await client.GetAsync(link)));

        // Someone has an account now: a restart creates no second demo and prints no link.
        var later = new StringWriter();
        await using var restart = new GrapevineWebFactory(host.Database.ConnectionString)
        {
            TestServices = s => s.AddSingleton(new DemoLinkOutput(later)),
        };
        restart.Settings["Grapevine:DemoWorkspaceOnFreshStart"] = "true";
        using var _ = restart.CreateClient();
        Assert.DoesNotContain("demo-sign-in", later.ToString());
        await using var check = host.Database.CreateContext();
        Assert.Equal(1, await check.Workspaces.CountAsync());
    }

    [GeneratedRegex(@"http://\S+/demo-sign-in\?token=\S+")]
    private static partial Regex DemoLink();
}
