using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>Builds the discovery index when the web app starts; searches use SQL until it is ready (or if it fails).</summary>
public sealed class DiscoveryIndexHostedService(DiscoveryIndexState state, ILogger<DiscoveryIndexHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await state.BuildAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Discovery index: the build at start failed; searches are answered by the database");
        }
    }
}
