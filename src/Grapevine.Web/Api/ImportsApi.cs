using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Api;

/// <summary><c>POST /api/v1/imports</c>: the HTTP twin of <c>grapevine import</c>.</summary>
public static class ImportsApi
{
    /// <summary>The audit action of an import through the web app or the API, written in the importer's workspace.</summary>
    public const string AuditAction = WebCatalogueImport.AuditAction;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Imports");
        api.MapPost("/", ImportAsync)
            .WithName("ImportCatalogueFile")
            .WithSummary("Import creator data from a CSV or JSON Lines file")
            .WithDescription(
                "Multipart form with `file` (CSV or JSON Lines, columns as in docs/import.md) and `kind` " +
                $"({ImportColumns.KindNames}). Valid rows land in one transaction; rejected rows are listed with line, field and message.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .DisableAntiforgery()
            // Uploads up to Grapevine:MaxUploadBytes (2 GB); the form spills files to disk, so nothing this size is held in memory.
            .WithImportUploadLimit(app);
        api.MapGet("/rejected-rows/{id:guid}", RejectedRowsAsync)
            .WithName("DownloadRejectedRows")
            .WithSummary("Download every rejected row of an import as CSV")
            .WithDescription(
                "The import's `rejectedRowsUrl`: the file's own columns, then `line`, `field` and `error`; fix the values and import " +
                "it as it is. Only for the person (or their keys) who imported, in the same workspace, for 24 hours.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromForm] string? kind, WebCatalogueImport import, CancellationToken ct) =>
        await import.RunAsync(file, kind, ct) switch
        {
            WebImportOutcome.Refused refused => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to import into the catalogue", detail: refused.Detail),
            WebImportOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: invalid.Title),
            WebImportOutcome.Imported imported => TypedResults.Ok(imported.Report),
            var other => throw new InvalidOperationException($"Unknown import outcome {other}"),
        };

    public static Results<FileStreamHttpResult, ProblemHttpResult> RejectedRowsAsync(Guid id, CurrentWorkspace current, RejectedRowsDownloads downloads)
    {
        if (!current.Can(Permission.WriteWorkspaceData))
            throw new PermissionDeniedException(Permission.WriteWorkspaceData);
        if (downloads.Open(id, current.Id!.Value, current.UserId) is not { } file)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rejected rows",
                detail: "The rejected rows of an import are kept for 24 hours (a server without Grapevine:DataDirectory forgets them when it restarts), for the person who imported the " +
                    "file. Import it again to get them, or use the CLI (grapevine import FILE --kind KIND), which writes them to FILE.rejected.csv.");
        return TypedResults.File(file, "text/csv; charset=utf-8", "rejected-rows.csv");
    }
}
