using System.ComponentModel;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Api;

/// <summary>The catalogue's accounts: a filtered, sorted, cursor-paged list and one account's details.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        api.MapGet("/", ListAccounts)
            .WithName("ListAccounts")
            .WithSummary("List accounts")
            .WithDescription("Filters the catalogue, sorts it and returns one page. Pass nextCursor or previousCursor back as `cursor` to move between pages; keep the same filters and sort.");
        api.MapGet("/{platform}/{handle}", GetAccount)
            .WithName("GetAccount")
            .WithSummary("Get one account")
            .WithDescription("Profile, every metric with its definition, sample size (N) and window, the follower snapshot series and recent posts with their engagement rate.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<AccountPage>, ValidationProblem>> ListAccounts(
        [AsParameters] AccountListParameters parameters, HttpRequest request, GrapevineDb db, CancellationToken ct)
    {
        // A misspelt filter (min_followers for minFollowers) would otherwise be dropped and list everyone without a word.
        var unknown = request.Query.Keys.Where(k => !AccountQuery.ParameterNames.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(unknown.ToDictionary(k => k, k => new[] { AccountQuery.UnknownParameter(k) }), title: "Some query parameters are not valid");
        if (!AccountQuery.TryCreate(parameters.ToRequest(), out var query, out var errors))
            return TypedResults.ValidationProblem(errors, title: "Some query parameters are not valid");
        return TypedResults.Ok(await new AccountSearch(db).SearchAsync(query, ct));
    }

    public static async Task<Results<Ok<AccountDetails>, ProblemHttpResult, ValidationProblem>> GetAccount(
        [Description(ApiNames.Platforms)] string platform,
        [Description("The handle, with or without a leading @")] string handle,
        GrapevineDb db,
        CancellationToken ct)
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        var details = await new AccountLookup(db).FindAsync(parsed, handle, ct);
        if (details is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(handle)}'.");
        }
        return TypedResults.Ok(details);
    }
}

/// <summary>The query string of <c>GET /api/v1/accounts</c>.</summary>
public sealed class AccountListParameters
{
    [FromQuery(Name = "platform"), Description("instagram, tiktok, youtube, x, facebook, twitch or pinterest")]
    public string? Platform { get; init; }

    [FromQuery(Name = "tier"), Description("emerging, nano, micro, macro or mega")]
    public string? Tier { get; init; }

    [FromQuery(Name = "country"), Description("Two-letter country code, e.g. US")]
    public string? Country { get; init; }

    [FromQuery(Name = "language"), Description("Language code, e.g. en")]
    public string? Language { get; init; }

    [FromQuery(Name = "category"), Description("Content category, e.g. fitness")]
    public string? Category { get; init; }

    [FromQuery(Name = "tag"), Description("Only accounts this workspace tagged so, e.g. summer-2026 (tags are matched as stored: lower case, words joined by '-')")]
    public string? Tag { get; init; }

    [FromQuery(Name = "minFollowers"), Description("At least this many followers")]
    public long? MinFollowers { get; init; }

    [FromQuery(Name = "maxFollowers"), Description("At most this many followers")]
    public long? MaxFollowers { get; init; }

    [FromQuery(Name = "sort"), Description("followers, er, handle or growth; a leading '-' sorts descending. Default -followers")]
    public string? Sort { get; init; }

    [FromQuery(Name = "limit"), Description("Page size, 1 to 200. Default 50")]
    public int? Limit { get; init; }

    [FromQuery(Name = "cursor"), Description("nextCursor or previousCursor from a previous page")]
    public string? Cursor { get; init; }

    public AccountSearchRequest ToRequest() =>
        new(Platform, Tier, Country, Language, Category, MinFollowers, MaxFollowers, Sort, Limit, Cursor, Tag);
}
