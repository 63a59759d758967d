using Grapevine.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grapevine.IntegrationTests.Web;

/// <summary>The real web host on a test database, with the demo catalogue turned off.</summary>
// Any public type of the web assembly names its entry point; Program would be ambiguous with the CLI's.
public sealed class GrapevineWebFactory(string connectionString) : WebApplicationFactory<GrapevineOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Grapevine", connectionString);
        builder.UseSetting("Grapevine:DemoCreatorsOnEmptyDatabase", "0");
    }
}
