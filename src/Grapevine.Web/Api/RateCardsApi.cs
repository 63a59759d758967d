using System.ComponentModel;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.RateCards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The current workspace's recorded rates for an account, next to the price estimate.</summary>
public static class RateCardsApi
{
    public static IServiceCollection AddRateCards(this IServiceCollection services) => services.AddScoped<RateCardService>();

    public static IEndpointRouteBuilder MapRateCardsApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/accounts/{platform}/{handle}/rates").WithTags("Rate cards");
        account.MapGet("/", ListAsync).WithName("ListRates").WithSummary("The account's price estimate and the workspace's recorded rates")
            .WithDescription("An estimate per deliverable of the account's platform, as a point and a range, from its followers and engagement rate " +
                "(methodLink explains the method). The rate this workspace records for the default deliverable wins over the estimate in its searches.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapPut("/{deliverable}", SetAsync).WithName("SetRate").WithSummary("Record the account's rate for a deliverable")
            .WithDescription("Creates or replaces the rate. Deliverables are the platform's name and a kind, e.g. instagram_post, instagram_story, tiktok_video, youtube_video.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        account.MapDelete("/{deliverable}", DeleteAsync).WithName("DeleteRate").WithSummary("Delete the account's rate for a deliverable")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<AccountRates>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, GrapevineDb db, RateCardService rates, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async (id, parsed) =>
            TypedResults.Ok(new AccountRates(parsed.Name(), CatalogueNames.NormalizeHandle(handle), RateDeliverables.Default(parsed), PriceEstimateView.MethodLink,
                await rates.EstimatesAsync(id, ct), await rates.ListAsync(id, ct))), ct);

    public static async Task<Results<Ok<RateView>, ValidationProblem, ProblemHttpResult>> SetAsync(
        [Description(ApiNames.Platforms)] string platform, string handle,
        [Description("e.g. instagram_post")] string deliverable, RateRequest request, GrapevineDb db, RateCardService rates, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async (id, _) =>
        {
            if (request.PriceUsd is not { } price)
                throw new ArgumentException("The price in US dollars is required.", "priceUsd");
            return TypedResults.Ok(await rates.SetAsync(id, deliverable, price, request.Note, ct));
        }, ct);

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        [Description(ApiNames.Platforms)] string platform, string handle, string deliverable, GrapevineDb db, RateCardService rates, CancellationToken ct) =>
        await WithAccountAsync(platform, handle, db, async (id, _) =>
        {
            await rates.DeleteAsync(id, deliverable, ct);
            return TypedResults.NoContent();
        }, ct);

    internal static async Task<Results<T, ValidationProblem, ProblemHttpResult>> WithAccountAsync<T>(
        string platform, string handle, GrapevineDb db, Func<long, Platform, Task<T>> action, CancellationToken ct)
        where T : IResult
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        if (await new AccountLookup(db).FindIdAsync(parsed, handle, ct) is not { } id)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(handle)}'.");
        return await action(id, parsed);
    }
}

/// <summary>The price to record: US dollars (more than 0, cents at most) and an optional note such as "quoted by e-mail, March".</summary>
public sealed record RateRequest(decimal? PriceUsd, string? Note);

/// <summary>
/// An account's estimated prices, one per deliverable of its platform (none when its followers are unknown), and this
/// workspace's recorded rates. <see cref="DefaultDeliverable"/> is the one searches filter and rank on.
/// </summary>
public sealed record AccountRates(string Platform, string Handle, string DefaultDeliverable, string MethodLink, IReadOnlyList<PriceEstimateView> Estimates, IReadOnlyList<RateView> Rates);
