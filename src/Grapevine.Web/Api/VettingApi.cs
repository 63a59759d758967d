using System.ComponentModel;
using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Vetting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grapevine.Web.Api;

/// <summary>The vetting report of a catalogue account.</summary>
public static class VettingApi
{
    public static IServiceCollection AddVetting(this IServiceCollection services)
    {
        services.AddSingleton<EngagementDistributionCache>();
        services.AddScoped<VettingService>();
        // TryAdd: tests register a classifier of their own first.
        services.TryAddSingleton<IFollowerClassifier>(_ => AuthenticityModel.LoadDefault());
        return services;
    }

    public static IEndpointRouteBuilder MapVettingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/accounts/{platform}/{handle}").WithTags("Vetting")
            .MapGet("/vetting", GetVettingAsync)
            .WithName("GetVetting")
            .WithSummary("Vet an account")
            .WithDescription("An overall verdict (green, amber, red or not_enough_data) with its reasons, and every signal with its value, " +
                "the range expected for the account's tier and platform, a verdict, one sentence of why, the formula, N and window: " +
                "audience quality (real-follower share with a 95% Wilson interval), follower-growth spikes (organic or unexplained), " +
                "engagement against the tier, comment quality, sponsored saturation, posting activity and brand safety (against the workspace's brand-safety lists). Unknown values are null.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<VettingReport>, ValidationProblem, ProblemHttpResult>> GetVettingAsync(
        [Description(ApiNames.Platforms)] string platform,
        [Description("The handle, with or without a leading @")] string handle,
        VettingService vetting,
        BrandSafetyService brandSafety,
        CancellationToken ct)
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        var report = await vetting.VetAsync(parsed, handle, await brandSafety.GetLexiconAsync(ct), ct);
        if (report is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(handle)}'.");
        }
        return TypedResults.Ok(report);
    }
}
