using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// Builds the discovery index when the web app starts (searches use SQL until it is ready, or if it fails), then every
/// <see cref="DiscoveryIndexOptions.CatchUpSeconds"/> takes in the profiles other processes wrote (a CLI import does not
/// pass through this app), or tries the build again if it failed.
/// </summary>
public sealed class DiscoveryIndexHostedService(
    DiscoveryIndexState state, IOptions<DiscoveryIndexOptions> options, ILogger<DiscoveryIndexHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await state.BuildAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Discovery index: the build at start failed; searches are answered by the database");
        }
        if (options.Value.CatchUpSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CatchUpSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (state.Current is null)
                        await state.BuildAsync(stoppingToken);
                    else
                        await state.RefreshAsync(null, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Discovery index: catching up with the database failed; trying again in {Seconds} s", options.Value.CatchUpSeconds);
                }
                state.CatchUpFinished();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
