using System.Globalization;
using System.Text;
using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Web.Api;

/// <summary>Campaign plans: choose creators and deliverables for a budget and a goal, with forecasts and how close to the best the plan is.</summary>
public static class CampaignPlansApi
{
    public static IServiceCollection AddCampaignPlans(this IServiceCollection services) =>
        services.AddScoped<CreatorForecaster>().AddScoped<CampaignPlanService>().AddScoped<CampaignPlanSaving>();

    public static IEndpointRouteBuilder MapCampaignPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Plans");
        api.MapPost("/campaigns/{id:guid}/plan", PlanAsync).WithName("PlanCampaign").WithSummary("Plan a campaign")
            .WithDescription("Chooses among the campaign's candidates the creators and deliverables that maximise the goal's expected value under the " +
                "budget (the campaign's unless `budget` is given) and the rules in the body. Returns who, which option, the price and its source, the " +
                "forecasts with 80% intervals, totals, budget by tier and platform, the solver used and its gap to the best bound, and what half to twice " +
                "the budget would buy. Impossible rules answer a plan with status infeasible naming the conflicting rules. `save` (default true) keeps " +
                "the plan as the campaign's latest, but only a plan that chooses someone: one that is infeasible or chooses nobody is answered with " +
                "`notSaved` saying why (the conflicts, or which rule left everyone out) and the latest plan stays. Planning needs Member or above; " +
                "viewers read the latest plan with GET.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/campaigns/{id:guid}/plan", LatestAsync).WithName("GetCampaignPlan").WithSummary("The campaign's latest saved plan")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/campaigns/{id:guid}/plan.csv", ExportAsync).WithName("ExportCampaignPlan").WithSummary("Export the latest plan as CSV")
            .WithDescription("One row per chosen creator with the option, the price and its source, and each forecast with its 80% interval. Audited; needs Member or above.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/campaigns/{id:guid}/first-test", KeepAsync).WithName("FirstTestVerdicts").WithSummary("Who to keep after a first test")
            .WithDescription("For each candidate with recorded test spend and result: keep (the cheapest quarter by cost per result), drop, or not " +
                "enough data, with the reason. See docs/first-test.md for the rule.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/plans", PlanSearchAsync).WithName("PlanSearch").WithSummary("Plan over a search, without a campaign")
            .WithDescription("The top 200 results (or `search.limit`) of `search` (the parameters of /api/v1/search) are the candidates; each creator publishes their " +
                "platform's standard post. Nothing is saved.")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<CampaignPlanDocument>> PlanAsync(Guid id, PlanBody? body, CampaignPlanService plans, CancellationToken ct)
    {
        body ??= new PlanBody();
        return TypedResults.Ok(await plans.PlanCampaignAsync(id, body.ToRequest(), body.Save ?? true, ct));
    }

    public static async Task<Ok<CampaignPlanDocument>> LatestAsync(Guid id, CampaignPlanService plans, CancellationToken ct) =>
        TypedResults.Ok(await plans.LatestAsync(id, ct) ?? throw NoPlan());

    public static async Task<FileContentHttpResult> ExportAsync(
        Guid id, CampaignPlanService plans, CurrentWorkspace current, AuditLog audit, Grapevine.Core.Data.GrapevineDb db, CancellationToken ct)
    {
        if (!current.Can(Permission.ExportData))
            throw new PermissionDeniedException(Permission.ExportData);
        var plan = await plans.LatestAsync(id, ct) ?? throw NoPlan();
        var csv = new StringWriter();
        await PlanCsv.WriteAsync(plan, csv, ct);
        var name = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(ct);
        audit.Add(AuditLog.Actions.Export, CampaignService.Target(name), $"plan of {plan.Creators.Count} creators as CSV");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "plan.csv");
    }

    public static async Task<Ok<List<KeepView>>> KeepAsync(Guid id, CampaignPlanService plans, CancellationToken ct) =>
        TypedResults.Ok(await plans.KeepAsync(id, ct));

    private static KeyNotFoundException NoPlan() => new("This campaign has not been planned yet: POST /api/v1/campaigns/{id}/plan makes one.");

    public static async Task<Results<Ok<CampaignPlanDocument>, ValidationProblem>> PlanSearchAsync(
        SearchPlanBody body, CampaignPlanService plans, CurrentWorkspace current, CancellationToken ct)
    {
        // Like every other change-shaped call, planning is for Members and above.
        if (!current.Can(Permission.WriteWorkspaceData))
            throw new PermissionDeniedException(Permission.WriteWorkspaceData);
        var errors = new Dictionary<string, string[]>();
        if (body.Budget is not { } budget)
            errors["budget"] = ["The budget is required."];
        if (!Enum.TryParse<CampaignGoal>(body.Goal, ignoreCase: true, out var goal) || !Enum.IsDefined(goal) || int.TryParse(body.Goal, out _))
            errors["goal"] = ["The goal must be awareness, engagement, sales or content."];
        DiscoveryQuery? query = null;
        var search = body.Search ?? new DiscoveryQueryInput();
        // A plan chooses among many: the search's top 200 unless its limit says otherwise.
        search = search with { Limit = search.Limit ?? CampaignPlanService.MaxSearchCandidates.ToString(CultureInfo.InvariantCulture) };
        if (!DiscoveryQueryParser.TryParse(search, out var parsed, out var queryErrors))
        {
            foreach (var (field, messages) in queryErrors)
                errors["search." + field] = messages;
        }
        else
        {
            query = parsed;
        }
        // Every bad field at once: the plan's own rules too, not only the goal and the search.
        foreach (var (field, messages) in PlanRequestValidation.Errors(body.ToRequest() with { Budget = body.Budget }))
            errors.TryAdd(field, messages);
        if (body.ProductCost is < 0)
            errors["productCost"] = ["The amount is 0 or more."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Some fields are not valid");
        var spec = new SearchPlanSpec(body.Budget!.Value, goal, query!, body.ProductCost);
        return TypedResults.Ok(await plans.PlanSearchAsync(spec, body.ToRequest() with { Budget = body.Budget }, ct));
    }
}

/// <summary>The rules of one planning run; every field optional.</summary>
public record PlanBody
{
    public decimal? Budget { get; init; }
    public int? MinCreators { get; init; }
    public int? MaxCreators { get; init; }
    public decimal? MaxPerCreator { get; init; }

    /// <summary>Creators per tier, e.g. { "micro": { "min": 4 }, "nano": { "max": 10 } }.</summary>
    public Dictionary<string, CountRange>? Tiers { get; init; }

    /// <summary>Creators per platform, e.g. { "tiktok": { "min": 2 } }.</summary>
    public Dictionary<string, CountRange>? Platforms { get; init; }

    public bool? Save { get; init; }
    public bool? BudgetCurve { get; init; }

    public PlanRequest ToRequest() => new()
    {
        Budget = Budget,
        MinCreators = MinCreators ?? 0,
        MaxCreators = MaxCreators,
        MaxPerCreator = MaxPerCreator,
        Tiers = Tiers ?? [],
        Platforms = Platforms ?? [],
        BudgetCurve = BudgetCurve ?? true,
    };
}

/// <summary>A plan over a search: budget, goal, the search's parameters, and the rules.</summary>
public sealed record SearchPlanBody : PlanBody
{
    public string? Goal { get; init; }
    public DiscoveryQueryInput? Search { get; init; }

    /// <summary>What gifting one nano creator costs; when set, nano creators may be gifted instead of paid.</summary>
    public decimal? ProductCost { get; init; }
}
