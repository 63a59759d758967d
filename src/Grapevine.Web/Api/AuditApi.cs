using System.ComponentModel;
using System.Globalization;
using System.Text;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The current workspace's audit log (Admins and Owners).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Audit log");
        api.MapGet("/audit", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Read the audit log")
            .WithDescription("Sign-ins, failed sign-ins, member and role changes, key creation and revocation, exports, campaign and catalogue changes; " +
                "newest first. Filter by `action`, `actor` (a user id) and `from`/`to` (UTC days, both included). Pass `before` back to read older entries.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/audit.csv", ExportAsync)
            .WithName("ExportAuditEntries")
            .WithSummary("Export the audit log as CSV")
            .WithDescription($"The entries the same filters match, newest first, at most {AuditLog.MaxExported:N0}; times in UTC. The export is itself audited.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> ListAsync(
        AuditLog audit,
        [Description("Page size, 1 to 500. Default 100")] int? limit,
        [Description("The `before` of the previous page")] string? before,
        [Description("Only this action, e.g. sign_in, export, campaign_planned")] string? action,
        [Description("Only this person's entries: their user id")] string? actor,
        [Description("From this UTC day, yyyy-MM-dd")] string? from,
        [Description("To this UTC day, yyyy-MM-dd, included")] string? to,
        CancellationToken ct)
    {
        var errors = ReadFilter(action, actor, from, to, out var filter);
        DateTime? cursor = null;
        if (before is not null)
        {
            if (!DateTime.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                errors["before"] = [$"'{before}' is not a timestamp; pass back the previous page's before"];
            cursor = parsed;
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Some fields are not valid");
        var page = await audit.ListAsync(filter, limit ?? 100, cursor, ct);
        return TypedResults.Ok(new AuditPageResponse(
            page.Entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.Action, e.ActorUserId, e.ActorName, e.Target, e.Detail, e.IpAddress)).ToList(),
            page.Before?.ToString("O", CultureInfo.InvariantCulture)));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        AuditLog audit, GrapevineDb db, string? action, string? actor, string? from, string? to, CancellationToken ct)
    {
        var errors = ReadFilter(action, actor, from, to, out var filter);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Some fields are not valid");
        var csv = new StringWriter();
        await audit.ExportAsync(filter, csv, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "audit-log.csv");
    }

    /// <summary>The filter of the query string, every refused field named.</summary>
    public static Dictionary<string, string[]> ReadFilter(string? action, string? actor, string? from, string? to, out AuditFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? actorId = null;
        if (!string.IsNullOrWhiteSpace(actor))
        {
            if (Guid.TryParse(actor, out var id))
                actorId = id;
            else
                errors["actor"] = [$"'{actor}' is not a user id; the entries' actorUserId says whose they are"];
        }
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay > toDay)
            errors["to"] = [$"to ({toDay:yyyy-MM-dd}) is before from ({fromDay:yyyy-MM-dd})"];
        filter = new AuditFilter(string.IsNullOrWhiteSpace(action) ? null : action.Trim(), actorId, fromDay, toDay);
        return errors;
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[field] = [$"'{text}' is not a day; write it as yyyy-MM-dd, e.g. 2026-11-23"];
        return null;
    }
}

public sealed record AuditEntryResponse(Guid Id, DateTime At, string Action, Guid? ActorUserId, string? Actor, string? Target, string? Detail, string? IpAddress);

public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, string? Before);
