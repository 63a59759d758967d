using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Grapevine.Web.Api;

/// <summary>Saved creator lists of the current workspace.</summary>
public static partial class ListsApi
{
    public static IEndpointRouteBuilder MapListsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/lists").WithTags("Lists");
        api.MapGet("/", ListAsync).WithName("ListLists").WithSummary("List the workspace's lists");
        api.MapPost("/", CreateAsync).WithName("CreateList").WithSummary("Create a list").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetAsync).WithName("GetList").WithSummary("Get a list with its accounts").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{id:guid}", RenameAsync).WithName("RenameList").WithSummary("Rename a list")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteList").WithSummary("Delete a list").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/items", AddAsync).WithName("AddListItems").WithSummary("Add accounts to a list")
            .WithDescription("Accounts already on the list are left as they are; `added` counts the new ones. An unknown account refuses the whole request.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}/items/{platform}/{handle}", RemoveAsync).WithName("RemoveListItem").WithSummary("Remove an account from a list")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/export", ExportAsync).WithName("ExportList").WithSummary("Export a list as CSV")
            .WithDescription("One row per account with its ER by followers; the export is written to the audit log. Needs Member or above.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<List<ListSummary>>> ListAsync(ListService lists, CancellationToken ct) => TypedResults.Ok(await lists.ListAsync(ct));

    public static async Task<Created<ListSummary>> CreateAsync(ListRequest request, ListService lists, CancellationToken ct)
    {
        var list = await lists.CreateAsync(request.Name ?? "", ct);
        return TypedResults.Created($"/api/v1/lists/{list.Id}", new ListSummary(list.Id, list.Name, 0, list.CreatedAt));
    }

    public static async Task<Ok<ListDetails>> GetAsync(Guid id, ListService lists, CancellationToken ct) => TypedResults.Ok(await lists.GetAsync(id, ct));

    public static async Task<NoContent> RenameAsync(Guid id, ListRequest request, ListService lists, CancellationToken ct)
    {
        await lists.RenameAsync(id, request.Name ?? "", ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteAsync(Guid id, ListService lists, CancellationToken ct)
    {
        await lists.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ListItemsAdded>, ValidationProblem>> AddAsync(Guid id, ListItemsRequest request, ListService lists, CancellationToken ct)
    {
        var accounts = new List<AccountRef>();
        foreach (var (account, i) in (request.Accounts ?? []).Select((a, i) => (a, i)))
        {
            if (!CatalogueNames.TryParsePlatform(account.Platform, out var platform))
                return TypedResults.ValidationProblem(ApiNames.Error($"accounts[{i}].platform", $"unknown platform '{account.Platform}'; one of {string.Join(", ", CatalogueNames.Platforms)}"));
            accounts.Add(new AccountRef(platform, account.Handle ?? ""));
        }
        return TypedResults.Ok(new ListItemsAdded(await lists.AddAccountsAsync(id, accounts, ct)));
    }

    public static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(Guid id, string platform, string handle, ListService lists, CancellationToken ct)
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        await lists.RemoveAccountAsync(id, new AccountRef(parsed, handle), ct);
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> ExportAsync(Guid id, ListService lists, HttpContext http, CancellationToken ct)
    {
        var details = await lists.GetAsync(id, ct);
        var csv = new StringWriter();
        await lists.ExportCsvAsync(id, csv, ct);
        // filename= for older clients (ASCII), filename*= with the list's own name (東京.csv) for the rest.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = FileName(details.Name, details.Id),
            FileNameStar = NotInFileNames().Replace(details.Name, "-") + ".csv",
        }.ToString();
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8");
    }

    /// <summary>
    /// An ASCII file name for the plain <c>filename=</c> (the header's <c>filename*</c> carries the name as it is):
    /// accents dropped ("Été" → "ete"); a name with no Latin letter at all (東京) becomes <c>list-</c> and the start of
    /// its id, so two such lists do not download over each other.
    /// </summary>
    public static string FileName(string listName, Guid id)
    {
        var letters = new StringBuilder();
        foreach (var c in listName.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                letters.Append(c);
        var stem = NotFileSafe().Replace(letters.ToString().ToLowerInvariant(), "-").Trim('-');
        return (stem.Length > 0 ? stem : "list-" + id.ToString("N")[..8]) + ".csv";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotFileSafe();

    [GeneratedRegex(@"[\p{C}/\\:*?""<>|]+")]
    private static partial Regex NotInFileNames();
}

/// <summary>The list's name, 1 to 200 characters.</summary>
public sealed record ListRequest(string? Name);

/// <summary>Accounts to add, by platform and handle.</summary>
public sealed record ListItemsRequest([property: Description("e.g. [{\"platform\":\"instagram\",\"handle\":\"mara.moves\"}]")] IReadOnlyList<AccountRequest>? Accounts);

public sealed record AccountRequest(string? Platform, string? Handle);

public sealed record ListItemsAdded(int Added);
