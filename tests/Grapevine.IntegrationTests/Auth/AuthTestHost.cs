using System.Net;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>The web host on a fresh database with a movable clock and a captured inbox.</summary>
internal sealed class AuthTestHost : IAsyncDisposable
{
    private AuthTestHost(TestDatabase database, GrapevineWebFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    public TestDatabase Database { get; }
    public GrapevineWebFactory Factory { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public CapturingEmailSender Inbox { get; } = new();

    public static async Task<AuthTestHost> StartAsync(DatabaseProvider provider, Action<GrapevineWebFactory>? configure = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        AuthTestHost? host = null;
        var factory = new GrapevineWebFactory(database.ConnectionString)
        {
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(host!.Time);
                s.AddSingleton<IEmailSender<GrapevineUser>>(host.Inbox);
                services?.Invoke(s);
            },
        };
        configure?.Invoke(factory);
        host = new AuthTestHost(database, factory);
        return host;
    }

    /// <summary>Audit entries of every workspace, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
    }

    public async Task<GrapevineUser> UserAsync(string email)
    {
        await using var db = Database.CreateContext();
        return await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    public async Task<List<Member>> MembershipsAsync(Guid userId)
    {
        await using var db = Database.CreateContext();
        return await db.Members.IgnoreQueryFilters().Where(m => m.UserId == userId).ToListAsync();
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        return WebUtility.HtmlDecode(body);
    }

    public static string Location(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri && location.Host == "localhost" ? location.PathAndQuery : location.OriginalString;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
