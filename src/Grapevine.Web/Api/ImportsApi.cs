using System.Globalization;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Vetting;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Api;

/// <summary><c>POST /api/v1/imports</c>: the HTTP twin of <c>grapevine import</c>.</summary>
public static class ImportsApi
{
    /// <summary>Uploads up to 2 GB; the form spills files to disk, so nothing this size is held in memory.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The audit action of an import through the web app or the API, written in the importer's workspace.</summary>
    public const string AuditAction = "catalogue_import";

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
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);
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
        IFormFile? file, [FromForm] string? kind, GrapevineDb db, TimeProvider time, EngagementDistributionCache distributions,
        DiscoveryIndexState discovery, CatalogueImportAccess access, AuditLog audit, CurrentWorkspace current, RejectedRowsDownloads downloads,
        CancellationToken ct)
    {
        if (await access.RefusalAsync(ct) is { } refusal)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to import into the catalogue", detail: refusal);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(kind))
            errors["kind"] = [$"kind is required: one of {ImportColumns.KindNames}"];
        else if (!ImportColumns.TryParseKind(kind, out _))
            errors["kind"] = [$"unknown kind '{kind}': expected one of {ImportColumns.KindNames}"];
        if (file is null)
            errors["file"] = ["file is required: upload the CSV or JSON Lines file as the multipart field 'file'"];
        else if (file.Length == 0)
            errors["file"] = ["the file is empty"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The import request is not valid");

        ImportColumns.TryParseKind(kind, out var importKind);
        await using var upload = file!.OpenReadStream();
        // Every rejected row goes to a file on disk (the report lists only the first 1,000), downloadable for a day.
        var (downloadId, rejectedPath) = downloads.Reserve();
        var report = await new CatalogueImporter(db, time).ImportAsync(upload, file.FileName, importKind, new ImportOptions(rejectedPath), null, ct);
        if (report.RejectedFile is not null && current.Id is { } workspaceId)
        {
            var expiresAt = downloads.Keep(downloadId, rejectedPath, workspaceId, current.UserId);
            report = report with { RejectedRowsUrl = $"/api/v1/imports/rejected-rows/{downloadId}", RejectedRowsExpireAt = expiresAt };
        }
        else
        {
            RejectedRowsDownloads.Discard(rejectedPath);
        }
        // The path is on the server: of no use to the caller, and not theirs to know.
        report = report with { RejectedFile = null };
        await AuditAsync(db, audit, file.FileName, report, ct);
        if (report.FileError is not null)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [report.FileError] },
                title: "The file was rejected; nothing was imported");
        // Vetting's engagement percentiles must see the new metrics now, not after the cache's five minutes.
        distributions.Invalidate();
        // Search profiles rewritten by the import go into the discovery index now (a large change rebuilds it in the background).
        await discovery.RefreshAsync(null, ct);
        return TypedResults.Ok(report);
    }

    public static Results<FileStreamHttpResult, ProblemHttpResult> RejectedRowsAsync(Guid id, CurrentWorkspace current, RejectedRowsDownloads downloads)
    {
        if (!current.Can(Permission.WriteWorkspaceData))
            throw new PermissionDeniedException(Permission.WriteWorkspaceData);
        if (downloads.Open(id, current.Id!.Value, current.UserId) is not { } file)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rejected rows",
                detail: "The rejected rows of an import are kept for 24 hours (and until the server restarts), for the person who imported the " +
                    "file. Import it again to get them, or use the CLI (grapevine import FILE --kind KIND), which writes them to FILE.rejected.csv.");
        return TypedResults.File(file, "text/csv; charset=utf-8", "rejected-rows.csv");
    }

    /// <summary>The catalogue is shared by every workspace, so who changed it is recorded where they work.</summary>
    private static async Task AuditAsync(GrapevineDb db, AuditLog audit, string fileName, ImportReport report, CancellationToken ct)
    {
        // The importer's own writes are committed; only the audit entry is saved here.
        db.ChangeTracker.Clear();
        var name = fileName.Length > 200 ? fileName[..200] + "…" : fileName;
        var detail = report.FileError is { } error
            ? $"{report.Kind}: the file was rejected, nothing imported ({(error.Length > 300 ? error[..300] + "…" : error)})"
            : string.Create(CultureInfo.InvariantCulture, $"{report.Kind}: {report.Inserted:N0} inserted, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected");
        audit.Add(AuditAction, $"file '{name}'", detail);
        await db.SaveChangesAsync(ct);
    }
}
