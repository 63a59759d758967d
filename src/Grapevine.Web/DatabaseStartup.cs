using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grapevine.Web;

internal static class DatabaseStartup
{
    /// <summary>
    /// Brings the database to the current schema and, when the catalogue is empty, fills it with
    /// the demo catalogue so that a first `dotnet run` shows something to explore.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrapevineDb>();
        await GrapevineDatabase.MigrateAsync(db, ct);

        var options = scope.ServiceProvider.GetRequiredService<IOptions<GrapevineOptions>>().Value;
        if (options.DemoCreatorsOnEmptyDatabase <= 0 || await db.Accounts.AnyAsync(ct))
            return;

        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var demo = new DemoOptions(options.DemoCreatorsOnEmptyDatabase, options.DemoSeed, AsOf: time.GetUtcNow().UtcDateTime.Date);
        app.Logger.LogInformation(
            "The catalogue is empty: creating a demo catalogue of {Creators} accounts (seed {Seed}). Set Grapevine__DemoCreatorsOnEmptyDatabase=0 to start empty.",
            demo.Creators, demo.Seed);
        try
        {
            var result = await new DemoSeeder(db, time).SeedAsync(demo, new LoggingProgress(app.Logger), ct);
            app.Logger.LogInformation(
                "Demo catalogue ready: {Accounts} accounts, {Posts} posts, {Snapshots} snapshots in {Seconds:0.0} s",
                result.Accounts, result.Posts, result.Snapshots, result.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The app is still useful without demo data: imports fill the catalogue.
            app.Logger.LogError(e, "Could not create the demo catalogue; starting with an empty catalogue");
        }
    }

    private sealed class LoggingProgress(ILogger logger) : IProgress<DemoProgress>
    {
        private string? _stage;
        private int _quarter = -1;

        public void Report(DemoProgress value)
        {
            var quarter = (int)(Math.Clamp(value.Fraction, 0, 1) * 4);
            if (value.Stage == _stage && quarter == _quarter)
                return;
            _stage = value.Stage;
            _quarter = quarter;
            logger.LogInformation("Demo catalogue: {Stage} {Percent:0}%", value.Stage, value.Fraction * 100);
        }
    }
}
