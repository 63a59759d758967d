using System.ComponentModel;
using System.Text;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Api;

/// <summary>Discovery: search the catalogue with text, filters and brand-fit ranking; find creators like one account.</summary>
public static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Discovery");
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Search creators")
            .WithDescription("Text (words, #hashtags and @mentions within tag_window days; every term must match), filters, brand keywords that rank without filtering, and a sort (fit by default). " +
                "Returns the total, the top `limit` accounts with their price (the workspace's rate card or the estimate with its range) and each part of " +
                "their fit score (weight, value, contribution and why), facet counts of all matches, notices about words that were ignored, the engine that answered and its time. " +
                "`format=csv` returns the accounts as CSV (audited; needs Member or above). Bad parameters answer 400 naming each field.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/search.csv", ExportAsync)
            .WithName("ExportSearch")
            .WithSummary("Export a search as CSV")
            .WithDescription("The same parameters as /api/v1/search; one row per ranked account. The export is written to the audit log. Needs Member or above.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGroup("/api/v1/accounts/{platform}/{handle}").WithTags("Discovery")
            .MapGet("/lookalikes", LookalikesAsync)
            .WithName("Lookalikes")
            .WithSummary("Creators like this one")
            .WithDescription("Accounts on the same platform ranked by niche-vector similarity, shared #hashtags and @mentions, and size, each with the reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<DiscoveryAnswer>, FileContentHttpResult, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters parameters, HttpRequest request, DiscoveryService discovery, GrapevineDb db, TimeProvider time,
        CurrentWorkspace current, AuditLog audit, CancellationToken ct)
    {
        // A misspelt filter (minFollowers for min_followers) would otherwise be dropped and widen the search without a word.
        var unknown = request.Query.Keys.Where(k => k != "format" && !DiscoveryFields.All.Contains(k)).ToList();
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(unknown.ToDictionary(k => k, k => new[] { DiscoveryFields.Unknown(k) }), title: "Some query parameters are not valid");
        var format = parameters.Format?.Trim().ToLowerInvariant();
        if (format is not (null or "" or "json" or "csv"))
            return TypedResults.ValidationProblem(ApiNames.Error("format", $"'{parameters.Format}' is not json or csv"), title: "Some query parameters are not valid");
        // A DiscoveryQueryException becomes a 400 naming each field in GrapevineExceptionHandler.
        var query = DiscoveryQueryParser.Parse(parameters.ToInput());
        if (format == "csv" && !current.Can(Permission.ExportData))
            throw new PermissionDeniedException(Permission.ExportData);
        var answer = await DiscoveryAnswers.SearchAsync(discovery, db, query, time, ct);
        if (format != "csv")
            return TypedResults.Ok(answer);
        return await CsvAsync(answer, parameters.ToInput(), db, audit, ct);
    }

    public static async Task<Results<Ok<DiscoveryAnswer>, FileContentHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] SearchParameters parameters, HttpRequest request, DiscoveryService discovery, GrapevineDb db, TimeProvider time,
        CurrentWorkspace current, AuditLog audit, CancellationToken ct) =>
        await SearchAsync(parameters with { Format = "csv" }, request, discovery, db, time, current, audit, ct);

    public static async Task<Results<Ok<LookalikeAnswer>, ValidationProblem, ProblemHttpResult>> LookalikesAsync(
        [Description(ApiNames.Platforms)] string platform,
        [Description("The handle, with or without a leading @")] string handle,
        [FromQuery(Name = "limit"), Description("How many, 1 to 200. Default 20")] string? limit,
        DiscoveryService discovery, GrapevineDb db, CancellationToken ct)
    {
        var query = DiscoveryQueryParser.Parse(new DiscoveryQueryInput { Limit = limit });
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        var name = CatalogueNames.NormalizeHandle(handle);
        if (await new AccountLookup(db).FindIdAsync(parsed, handle, ct) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{name}'.");
        return await LookalikeAnswer.FindAsync(discovery, db, parsed, handle, query.Limit, ct) is { } answer
            ? TypedResults.Ok(answer)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not profiled yet",
                detail: $"Discovery has not profiled {parsed.Name()} account '{name}' yet; profiles are built after imports.");
    }

    private static async Task<FileContentHttpResult> CsvAsync(DiscoveryAnswer answer, DiscoveryQueryInput input, GrapevineDb db, AuditLog audit, CancellationToken ct)
    {
        var csv = new StringWriter();
        await DiscoveryCsv.WriteAsync(answer, csv, ct);
        var asked = input.ToQueryString();
        audit.Add(AuditLog.Actions.Export, "search", $"{answer.Hits.Count} of {answer.Total} accounts as CSV" + (asked.Length > 0 ? $" ({Uri.UnescapeDataString(asked)})" : ""));
        await db.SaveChangesAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "search.csv");
    }
}

/// <summary>The query string of <c>GET /api/v1/search</c>: the names of <see cref="DiscoveryFields"/>, and <c>format</c>.</summary>
public sealed record SearchParameters
{
    [FromQuery(Name = DiscoveryFields.Text), Description("Words, #hashtags and @mentions, e.g. vegan fitness #glutenfree @oatly. \"Quoted phrases\" stand for their words.")]
    public string? Q { get; init; }

    [FromQuery(Name = DiscoveryFields.Platform), Description("Comma list: instagram, tiktok, youtube, x, facebook, twitch, pinterest")]
    public string? Platform { get; init; }

    [FromQuery(Name = DiscoveryFields.Tier), Description("Comma list: emerging, nano, micro, macro, mega")]
    public string? Tier { get; init; }

    [FromQuery(Name = DiscoveryFields.Country), Description("Comma list of two-letter country codes, e.g. US,GB")]
    public string? Country { get; init; }

    [FromQuery(Name = DiscoveryFields.Language), Description("Comma list of language codes, e.g. en,es")]
    public string? Language { get; init; }

    [FromQuery(Name = DiscoveryFields.Niche), Description("Comma list of niches, e.g. fitness,health-wellness. They also rank by niche match.")]
    public string? Niche { get; init; }

    [FromQuery(Name = DiscoveryFields.MinFollowers), Description("At least this many followers, e.g. 10000 or 10k")]
    public string? MinFollowers { get; init; }

    [FromQuery(Name = DiscoveryFields.MaxFollowers), Description("At most this many followers, e.g. 100k")]
    public string? MaxFollowers { get; init; }

    [FromQuery(Name = DiscoveryFields.MinEr), Description("Engagement rate by followers at least, in percent, e.g. 2.5")]
    public string? MinEr { get; init; }

    [FromQuery(Name = DiscoveryFields.MaxEr), Description("Engagement rate by followers at most, in percent")]
    public string? MaxEr { get; init; }

    [FromQuery(Name = DiscoveryFields.MinAuthenticity), Description("Share of real followers at least, in percent (0–100); unknown audience quality is excluded")]
    public string? MinAuthenticity { get; init; }

    [FromQuery(Name = DiscoveryFields.MaxPrice), Description("Price of the default deliverable at most, in US dollars (the workspace's rate card, else the estimate)")]
    public string? MaxPrice { get; init; }

    [FromQuery(Name = DiscoveryFields.PostedWithin), Description("Posted within this many days")]
    public string? PostedWithin { get; init; }

    [FromQuery(Name = DiscoveryFields.HasEmail), Description("true: only accounts with a contact e-mail")]
    public string? HasEmail { get; init; }

    [FromQuery(Name = DiscoveryFields.MaxSponsored), Description("Sponsored share of recent posts at most, in percent; unknown passes")]
    public string? MaxSponsored { get; init; }

    [FromQuery(Name = DiscoveryFields.Verified), Description("true or false; leave out for either")]
    public string? Verified { get; init; }

    [FromQuery(Name = DiscoveryFields.Sort), Description("fit (default), er, followers, price (lowest first) or growth")]
    public string? Sort { get; init; }

    [FromQuery(Name = DiscoveryFields.Limit), Description("How many accounts, 1 to 200. Default 20")]
    public string? Limit { get; init; }

    [FromQuery(Name = DiscoveryFields.Offset), Description("How many ranked accounts to skip first, 0 to 10,000. Default 0; the next page is offset + limit")]
    public string? Offset { get; init; }

    [FromQuery(Name = DiscoveryFields.TagWindow), Description("Days within which #hashtags and @mentions must have been used. Default 90")]
    public string? TagWindow { get; init; }

    [FromQuery(Name = DiscoveryFields.Keywords), Description("Brand keywords, comma separated, e.g. vegan,protein,oat milk. They do not filter: the share found in an account's words is a part of fit")]
    public string? Keywords { get; init; }

    [FromQuery(Name = DiscoveryFields.Weights), Description("Fit weights to change, e.g. niche=0.4,keywords=0.3 (niche, keywords, audience, engagement, quality, cost, recency, safety)")]
    public string? Weights { get; init; }

    [FromQuery(Name = "format"), Description("json (default) or csv")]
    public string? Format { get; init; }

    public DiscoveryQueryInput ToInput() => new()
    {
        Text = Q,
        Platform = Platform,
        Tier = Tier,
        Country = Country,
        Language = Language,
        Niche = Niche,
        MinFollowers = MinFollowers,
        MaxFollowers = MaxFollowers,
        MinEr = MinEr,
        MaxEr = MaxEr,
        MinAuthenticity = MinAuthenticity,
        MaxPrice = MaxPrice,
        PostedWithin = PostedWithin,
        HasEmail = HasEmail,
        MaxSponsored = MaxSponsored,
        Verified = Verified,
        Sort = Sort,
        Limit = Limit,
        Offset = Offset,
        TagWindow = TagWindow,
        Keywords = Keywords,
        Weights = Weights,
    };
}
