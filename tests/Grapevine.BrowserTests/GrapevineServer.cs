using System.Net;
using Grapevine.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.BrowserTests;

/// <summary>The real app on Kestrel at a free loopback port, over a temporary SQLite catalogue.</summary>
public sealed class GrapevineServer : IAsyncDisposable
{
    private readonly string _file;
    private readonly Factory _factory;

    private GrapevineServer(string file, Factory factory, Uri address)
    {
        _file = file;
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GrapevineServer> StartAsync(Func<GrapevineDb, Task> seed, IReadOnlyDictionary<string, string>? settings = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"grapevine-browser-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file};Pooling=False";
        await using (var db = new GrapevineDb(GrapevineDatabase.CreateOptions(connectionString)))
        {
            await GrapevineDatabase.MigrateAsync(db);
            await seed(db);
        }
        var factory = new Factory(connectionString, settings ?? new Dictionary<string, string>());
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrapevineServer(file, factory, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }

    private sealed class Factory(string connectionString, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Grapevine", connectionString);
            builder.UseSetting("Grapevine:DemoCreatorsOnEmptyDatabase", "0");
            builder.UseSetting("Grapevine:DemoWorkspaceOnFreshStart", "false");
            builder.UseSetting("RateLimits:SignInPerMinute", "1000");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        }
    }
}
