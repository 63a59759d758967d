using Grapevine.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Web;

/// <summary>The real web host on a test database, with the demo catalogue and demo workspace turned off.</summary>
// Any public type of the web assembly names its entry point; Program would be ambiguous with the CLI's.
public sealed class GrapevineWebFactory(string connectionString) : WebApplicationFactory<GrapevineOptions>
{
    private Uri? _kestrel;

    /// <summary>Where the app listens after <see cref="StartOnKestrel"/>.</summary>
    public Uri? KestrelAddress => _kestrel;

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
    public HttpClient CreateBrowserClient() => _kestrel is { } address
        // The factory's own client over TCP follows redirects whatever its options say.
        // A request that expects 100-continue waits for the server's answer before it sends its body, however slow the machine.
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = address }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Starts the app on Kestrel at a free loopback port, for what only a real server does (it enforces request body limits
    /// and closes connections); the browser clients made afterwards talk to it over TCP.
    /// </summary>
    public void StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        _kestrel = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
