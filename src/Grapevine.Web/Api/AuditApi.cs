using System.ComponentModel;
using System.Globalization;
using Grapevine.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The current workspace's audit log (Admins and Owners).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit").WithTags("Audit log")
            .MapGet("/", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Read the audit log")
            .WithDescription("Sign-ins, failed sign-ins, member and role changes, key creation and revocation, exports; newest first. Pass `before` back to read older entries.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> ListAsync(
        AuditLog audit,
        [Description("Page size, 1 to 500. Default 100")] int? limit,
        [Description("The `before` of the previous page")] string? before,
        CancellationToken ct)
    {
        DateTime? cursor = null;
        if (before is not null)
        {
            if (!DateTime.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                return TypedResults.ValidationProblem(ApiNames.Error("before", $"'{before}' is not a timestamp; pass back the previous page's before"));
            cursor = parsed;
        }
        var page = await audit.ListAsync(limit ?? 100, cursor, ct);
        return TypedResults.Ok(new AuditPageResponse(
            page.Entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.Action, e.ActorUserId, e.ActorName, e.Target, e.Detail, e.IpAddress)).ToList(),
            page.Before?.ToString("O", CultureInfo.InvariantCulture)));
    }
}

public sealed record AuditEntryResponse(Guid Id, DateTime At, string Action, Guid? ActorUserId, string? Actor, string? Target, string? Detail, string? IpAddress);

public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, string? Before);
