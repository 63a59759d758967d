using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.Core.Discovery.Engine;

public static class DiscoveryEngineServices
{
    /// <summary>The index (one per process, built at start) and the <see cref="DiscoveryService"/> that searches it.</summary>
    public static IServiceCollection AddDiscoveryEngine(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryIndexOptions>().BindConfiguration(DiscoveryIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DiscoveryIndexState>();
        services.AddHostedService<DiscoveryIndexHostedService>();
        services.AddScoped<DiscoveryService>();
        return services;
    }
}
