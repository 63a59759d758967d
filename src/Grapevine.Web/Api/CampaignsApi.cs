using System.ComponentModel;
using System.Text;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Api;

/// <summary>The current workspace's campaigns and their candidates.</summary>
public static class CampaignsApi
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) => services.AddScoped<CampaignService>();

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns");
        api.MapGet("/", ListAsync).WithName("ListCampaigns").WithSummary("List the workspace's campaigns")
            .WithDescription("Active campaigns, most recently changed first, with their candidate counts; `archived=true` lists the archived ones.");
        api.MapPost("/", CreateAsync).WithName("CreateCampaign").WithSummary("Set up a campaign")
            .WithDescription("name, brand, goal (awareness, engagement, sales or content) and budget are required. Deliverables are named as in rate cards " +
                "(instagram_post, instagram_story, tiktok_video …) with a count of 1 to 20; rates are fractions (0.02 is 2%).")
            .ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetAsync).WithName("GetCampaign").WithSummary("Get a campaign with its candidates").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCampaign").WithSummary("Replace a campaign's set-up")
            .WithDescription("Every field is replaced: send the whole campaign, as for creating one. Candidates are left as they are.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/archive", ArchiveAsync).WithName("ArchiveCampaign").WithSummary("Archive a campaign")
            .WithDescription("Archived campaigns stay readable and leave the default list.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/unarchive", UnarchiveAsync).WithName("UnarchiveCampaign").WithSummary("Bring an archived campaign back")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/duplicate", DuplicateAsync).WithName("DuplicateCampaign").WithSummary("Copy a campaign")
            .WithDescription("A new active campaign named \"Copy of …\" with the same set-up and candidates (decisions and gifting kept; no plans, no test results).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/candidates", CandidatesAsync).WithName("ListCampaignCandidates").WithSummary("List a campaign's candidates")
            .WithDescription("Filters, as on the campaign page: `q` (text in the handle, display name or source), `decision` (open, mustinclude or excluded) " +
                "and `tier` (a tier name, or unknown when the follower count is unknown). An unknown decision answers 400 naming `decision`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/candidates.csv", ExportCandidatesAsync).WithName("ExportCampaignCandidates").WithSummary("Export a campaign's candidates as CSV")
            .WithDescription("One row per candidate, with the same filters as listing them (`q`, `decision`, `tier`): platform, handle, tier, followers, source, " +
                "decision, gifting, the first test's spend (in the campaign's currency) and result (in the goal's unit), when added. Unknown values are empty cells; " +
                "text that a spreadsheet would run as a formula starts with an apostrophe. Audited; needs Member or above.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/candidates", AddCandidatesAsync).WithName("AddCampaignCandidates").WithSummary("Add candidates from a search, a list or by handle")
            .WithDescription("Send one of: `search` (the search API's fields: q, platform, tier, country, min_followers … as camelCase properties " +
                "text, platform, tier, country, minFollowers …; at most 200 accounts), `listId` (a saved list of this workspace), or `platform` and `handle`. " +
                "Accounts already on the campaign are left as they are; `added` counts the new ones, `found` all the accounts named.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{id:guid}/candidates/{accountId:long}", UpdateCandidateAsync).WithName("UpdateCampaignCandidate")
            .WithSummary("Set a candidate's decision, gifting or first-test results")
            .WithDescription("decision is open, mustinclude or excluded; testSpend and testResult record a first test (result in the goal's unit). Omitted fields stay; " +
                "testSpend or testResult sent as null clears the recorded value. Send the `version` you read (every candidate has one) as `If-Match: \"<version>\"` " +
                "to change the candidate only if nobody changed it since: otherwise 412 problem details naming `If-Match`, with the candidate as it is now in `current`, " +
                "and nothing changes. Without If-Match the change applies whatever the candidate holds (as before versions existed), tried again when a colleague's " +
                $"change lands at the same moment; if theirs lands first all {CampaignService.MaxWriteAttempts} times, 409 problem details and nothing changes. The answer carries the new version, also as ETag.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{id:guid}/candidates/{accountId:long}", RemoveCandidateAsync).WithName("RemoveCampaignCandidate")
            .WithSummary("Remove a candidate from a campaign")
            .WithDescription($"A colleague's change landing at the same moment is waited out (tried again); if theirs lands first all {CampaignService.MaxWriteAttempts} times, 409 problem details and nothing is removed.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/candidates/remove", RemoveCandidatesAsync).WithName("RemoveCampaignCandidates")
            .WithSummary("Remove several candidates from a campaign")
            .WithDescription("Send `accountIds` (1 to 1,000). Their decisions, gifting and test results go with them; the accounts stay in the catalogue. " +
                "`removed` counts those removed; `notCandidates` names the ids that were not candidates (already removed, say). " +
                $"If a colleague's change to one of them lands first {CampaignService.MaxWriteAttempts} times running, 409 problem details and nothing is removed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<List<CampaignSummary>>> ListAsync([Description("true lists archived campaigns")] bool? archived, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(await campaigns.ListAsync(archived ?? false, ct));

    public static async Task<Created<CampaignDetails>> CreateAsync(CampaignInput request, CampaignService campaigns, CancellationToken ct)
    {
        var campaign = await campaigns.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/campaigns/{campaign.Id}", campaign);
    }

    public static async Task<Ok<CampaignDetails>> GetAsync(Guid id, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(await campaigns.GetAsync(id, ct));

    public static async Task<Ok<CampaignDetails>> UpdateAsync(Guid id, CampaignInput request, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(await campaigns.UpdateAsync(id, request, ct));

    public static async Task<NoContent> ArchiveAsync(Guid id, CampaignService campaigns, CancellationToken ct)
    {
        await campaigns.ArchiveAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnarchiveAsync(Guid id, CampaignService campaigns, CancellationToken ct)
    {
        await campaigns.UnarchiveAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<CampaignDetails>> DuplicateAsync(Guid id, CampaignService campaigns, CancellationToken ct)
    {
        var copy = await campaigns.DuplicateAsync(id, ct);
        return TypedResults.Created($"/api/v1/campaigns/{copy.Id}", copy);
    }

    public static async Task<Results<Ok<List<CandidateView>>, ValidationProblem>> CandidatesAsync(
        Guid id, [Description("Text in the handle, display name or source")] string? q,
        [Description("open, mustinclude or excluded")] string? decision,
        [Description("A tier name, or unknown")] string? tier, CampaignService campaigns, CancellationToken ct)
    {
        var filter = new CandidateFilter(q, decision, tier);
        if (UnknownDecision(filter) is { } problem)
            return problem;
        return TypedResults.Ok((await campaigns.GetAsync(id, ct)).Candidates.Where(filter.Matches).ToList());
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCandidatesAsync(
        Guid id, [Description("Text in the handle, display name or source")] string? q,
        [Description("open, mustinclude or excluded")] string? decision,
        [Description("A tier name, or unknown")] string? tier, CampaignService campaigns, CancellationToken ct)
    {
        var filter = new CandidateFilter(q, decision, tier);
        if (UnknownDecision(filter) is { } problem)
            return problem;
        var csv = new StringWriter();
        await campaigns.ExportCandidatesCsvAsync(id, filter, csv, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "candidates.csv");
    }

    private static ValidationProblem? UnknownDecision(CandidateFilter filter) =>
        filter.DecisionError is { } error ? TypedResults.ValidationProblem(ApiNames.Error("decision", error), title: "Some query parameters are not valid") : null;

    public static async Task<Results<Ok<CandidatesAdded>, ValidationProblem>> AddCandidatesAsync(
        Guid id, CandidatesRequest request, CampaignService campaigns, CancellationToken ct)
    {
        var byHandle = request.Platform is not null || request.Handle is not null;
        var sources = (request.Search is not null ? 1 : 0) + (request.ListId is not null ? 1 : 0) + (byHandle ? 1 : 0);
        if (sources != 1)
            return TypedResults.ValidationProblem(ApiNames.Error("search", "Send exactly one of search, listId, or platform and handle."));
        if (request.Search is { } search)
        {
            // Named as fields of the body (search.limit), as /api/v1/plans names them.
            if (!DiscoveryQueryParser.TryParse(search, out _, out var errors))
                return TypedResults.ValidationProblem(errors.ToDictionary(e => "search." + e.Key, e => e.Value), title: "Some fields are not valid");
            return TypedResults.Ok(await campaigns.AddFromSearchAsync(id, search, ct));
        }
        if (request.ListId is { } listId)
            return TypedResults.Ok(await campaigns.AddFromListAsync(id, listId, ct));
        if (!CatalogueNames.TryParsePlatform(request.Platform, out var platform))
            return TypedResults.ValidationProblem(ApiNames.Error("platform", $"unknown platform '{request.Platform}'; one of {string.Join(", ", CatalogueNames.Platforms)}"));
        return TypedResults.Ok(await campaigns.AddAccountAsync(id, new AccountRef(platform, request.Handle ?? ""), ct));
    }

    public static async Task<Ok<CandidateView>> UpdateCandidateAsync(
        Guid id, long accountId, CandidateChange request,
        [FromHeader(Name = "If-Match"), Description("The candidate's version as read, e.g. \"3f2a9c0b1d4e5f60\": change it only if it is still that version")] string? ifMatch,
        CampaignService campaigns, HttpResponse response, CancellationToken ct)
    {
        var changed = await campaigns.UpdateCandidateAsync(id, accountId, request, ifMatch, ct);
        response.Headers.ETag = $"\"{changed.Version}\"";
        return TypedResults.Ok(changed);
    }

    public static async Task<NoContent> RemoveCandidateAsync(Guid id, long accountId, CampaignService campaigns, CancellationToken ct)
    {
        await campaigns.RemoveCandidateAsync(id, accountId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CandidatesRemoved>> RemoveCandidatesAsync(Guid id, RemoveCandidatesRequest request, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(await campaigns.RemoveCandidatesAsync(id, request.AccountIds ?? [], ct));
}

/// <summary>The candidates to remove, by account id.</summary>
public sealed record RemoveCandidatesRequest(IReadOnlyList<long>? AccountIds = null);

/// <summary>Where candidates come from: a search (the search API's fields), a saved list, or one account by platform and handle.</summary>
// Every field is optional (a positional parameter without a default reads as required in the OpenAPI document).
public sealed record CandidatesRequest(DiscoveryQueryInput? Search = null, Guid? ListId = null, string? Platform = null, string? Handle = null);
