using System.Globalization;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Vetting;
using Grapevine.Core.Workspaces;

namespace Grapevine.Web.Api;

/// <summary>
/// One upload imported through the web app: <c>POST /api/v1/imports</c> answers with it as JSON and the import page
/// (<c>/import</c>, with or without JavaScript) as HTML. Checks who may import and the request, runs the importer, keeps
/// the rejected rows for download, audits, and brings vetting and discovery up to date.
/// </summary>
public sealed class WebCatalogueImport(
    GrapevineDb db, TimeProvider time, EngagementDistributionCache distributions, DiscoveryIndexState discovery,
    CatalogueImportAccess access, AuditLog audit, CurrentWorkspace current, RejectedRowsDownloads downloads)
{
    /// <summary>The audit action of an import through the web app or the API, written in the importer's workspace.</summary>
    public const string AuditAction = "catalogue_import";

    public async Task<WebImportOutcome> RunAsync(IFormFile? file, string? kind, CancellationToken ct)
    {
        if (await access.RefusalAsync(ct) is { } refusal)
            return new WebImportOutcome.Refused(refusal);
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
            return new WebImportOutcome.Invalid("The import request is not valid", errors);

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
        await AuditAsync(file.FileName, report, ct);
        if (report.FileError is not null)
            return new WebImportOutcome.Invalid("The file was rejected; nothing was imported",
                new Dictionary<string, string[]> { ["file"] = [report.FileError] });
        // Vetting's engagement percentiles must see the new metrics now, not after the cache's five minutes.
        distributions.Invalidate();
        // Search profiles rewritten by the import go into the discovery index now (a large change rebuilds it in the background).
        await discovery.RefreshAsync(null, ct);
        return new WebImportOutcome.Imported(report);
    }

    /// <summary>The catalogue is shared by every workspace, so who changed it is recorded where they work.</summary>
    private async Task AuditAsync(string fileName, ImportReport report, CancellationToken ct)
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
