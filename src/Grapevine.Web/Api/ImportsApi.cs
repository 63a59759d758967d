using System.Globalization;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Vetting;
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
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromForm] string? kind, GrapevineDb db, TimeProvider time, EngagementDistributionCache distributions,
        DiscoveryIndexState discovery, CatalogueImportAccess access, AuditLog audit, CancellationToken ct)
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
        var report = await new CatalogueImporter(db, time).ImportAsync(upload, file.FileName, importKind, new ImportOptions(), null, ct);
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
