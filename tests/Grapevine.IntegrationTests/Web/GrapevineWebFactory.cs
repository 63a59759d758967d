using Grapevine.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Web;

/// <summary>The real web host on a test database, with the demo catalogue and demo workspace turned off.</summary>
// Any public type of the web assembly names its entry point; Program would be ambiguous with the CLI's.
public sealed class GrapevineWebFactory(string connectionString) : WebApplicationFactory<GrapevineOptions>
{
    /// <summary>Extra configuration, e.g. lower rate limits.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Service replacements (a fake clock, a log capture).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Grapevine", connectionString);
        builder.UseSetting("Grapevine:DemoCreatorsOnEmptyDatabase", "0");
        builder.UseSetting("Grapevine:DemoWorkspaceOnFreshStart", "false");
        // Tests sign in many times from one address; the rate-limit test lowers these again.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (TestServices is not null)
            builder.ConfigureTestServices(TestServices);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
