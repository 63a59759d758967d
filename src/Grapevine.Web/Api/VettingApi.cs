using System.ComponentModel;
using System.Text;
using Grapevine.Core.Audit;
using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Vetting;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grapevine.Web.Api;

/// <summary>The vetting report of a catalogue account.</summary>
public static class VettingApi
{
    /// <summary>Accounts one export may vet: each report reads the account's rows and classifies its follower sample.</summary>
    public const int MaxExportAccounts = 50;

    public static IServiceCollection AddVetting(this IServiceCollection services)
    {
        services.AddSingleton<EngagementDistributionCache>();
        services.AddScoped<VettingService>();
        // TryAdd: tests register a classifier of their own first.
        services.TryAddSingleton<IFollowerClassifier>(_ => AuthenticityModel.LoadDefault());
        return services;
    }

    public static IEndpointRouteBuilder MapVettingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/accounts/{platform}/{handle}").WithTags("Vetting")
            .MapGet("/vetting", GetVettingAsync)
            .WithName("GetVetting")
            .WithSummary("Vet an account")
            .WithDescription("An overall verdict (green, amber, red or not_enough_data) with its reasons, and every signal with its value, " +
                "the range expected for the account's tier and platform, a verdict, one sentence of why, the formula, N and window: " +
                "audience quality (real-follower share with a 95% Wilson interval), follower-growth spikes (organic or unexplained), " +
                "engagement against the tier, comment quality, sponsored saturation, posting activity and brand safety (against the workspace's brand-safety lists). Unknown values are null.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/vetting.csv", ExportAsync).WithTags("Vetting")
            .WithName("ExportVetting")
            .WithSummary("Vet several accounts and export the reports as CSV")
            .WithDescription($"`accounts` is a comma list of platform/handle, e.g. `instagram/anna.bakes,tiktok/@bob` (at most {MaxExportAccounts}). " +
                "One row per account: the verdict and its reasons, and for each signal its value (unit in the column name; empty when unknown), " +
                "verdict, N and window. A bad or unknown account answers 400 naming `accounts[i]`. Audited; needs Member or above.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        [Description("Comma list of platform/handle, e.g. instagram/anna.bakes,tiktok/@bob")] string? accounts,
        VettingService vetting, BrandSafetyService brandSafety, CurrentWorkspace current, AuditLog audit, GrapevineDb db, CancellationToken ct)
    {
        const string title = "Some query parameters are not valid";
        if (!current.Can(Permission.ExportData))
            throw new PermissionDeniedException(Permission.ExportData);
        var items = (accounts ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
            return TypedResults.ValidationProblem(ApiNames.Error("accounts", "give at least one account as platform/handle, e.g. instagram/anna.bakes"), title: title);
        if (items.Length > MaxExportAccounts)
            return TypedResults.ValidationProblem(ApiNames.Error("accounts", $"{items.Length} accounts; at most {MaxExportAccounts} at once"), title: title);
        var lexicon = await brandSafety.GetLexiconAsync(ct);
        var reports = new List<VettingReport>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            var slash = item.IndexOf('/');
            var handle = slash < 0 ? "" : CatalogueNames.NormalizeHandle(item[(slash + 1)..]);
            string? error = null;
            if (slash < 0 || handle.Length == 0)
                error = $"'{item}' is not platform/handle, e.g. instagram/anna.bakes";
            else if (!CatalogueNames.TryParsePlatform(item.AsSpan(0, slash), out var platform))
                error = $"unknown platform '{item[..slash]}'; one of {string.Join(", ", CatalogueNames.Platforms)}";
            else if (await vetting.VetAsync(platform, handle, lexicon, ct) is { } report)
                reports.Add(report);
            else
                error = $"the catalogue has no {platform.Name()} account '{handle}'";
            if (error is not null)
                errors[$"accounts[{i}]"] = [error];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: title);
        var csv = new StringWriter();
        await VettingCsv.WriteAsync(reports, csv, ct);
        audit.Add(AuditLog.Actions.Export, "vetting", $"vetting reports of {Plural.Of(reports.Count, "account")} as CSV ({string.Join(", ", reports.Select(r => $"{r.Platform}/{r.Handle}"))})");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "vetting.csv");
    }

    public static async Task<Results<Ok<VettingReport>, ValidationProblem, ProblemHttpResult>> GetVettingAsync(
        [Description(ApiNames.Platforms)] string platform,
        [Description("The handle, with or without a leading @")] string handle,
        VettingService vetting,
        BrandSafetyService brandSafety,
        CancellationToken ct)
    {
        if (!CatalogueNames.TryParsePlatform(platform, out var parsed))
            return ApiNames.UnknownPlatform(platform);
        if (CatalogueNames.NormalizeHandle(handle).Length == 0)
            return TypedResults.ValidationProblem(ApiNames.Error("handle", "give a handle, e.g. anna.bakes; it is empty"), title: "Some route values are not valid");
        var report = await vetting.VetAsync(parsed, handle, await brandSafety.GetLexiconAsync(ct), ct);
        if (report is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Account not found",
                detail: $"The catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(handle)}'.");
        }
        return TypedResults.Ok(report);
    }
}
