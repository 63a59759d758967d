using System.ComponentModel;
using Grapevine.Core.BrandSafety;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The workspace's brand-safety keyword lists, which vetting reports check captions against.</summary>
public static class BrandSafetyApi
{
    public static IEndpointRouteBuilder MapBrandSafetyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/brand-safety").WithTags("Brand safety");
        api.MapGet("/", GetAsync).WithName("GetBrandSafetyLists").WithSummary("The workspace's brand-safety categories and keywords")
            .WithDescription("`isDefault` is true while the workspace uses Grapevine's shipped lists; the first edit gives it its own copy.");
        api.MapPost("/categories", AddCategoryAsync).WithName("AddBrandSafetyCategory").WithSummary("Add a category")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/categories/{name}", GetCategoryAsync).WithName("GetBrandSafetyCategory").WithSummary("One category with its keywords")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/categories/{name}", EditCategoryAsync).WithName("EditBrandSafetyCategory").WithSummary("Rename a category, add and remove keywords")
            .WithDescription("All parts are optional and applied together. Keywords the category has already, or does not have, are ignored.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/categories/{name}", DeleteCategoryAsync).WithName("DeleteBrandSafetyCategory").WithSummary("Delete a category")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/reset", ResetAsync).WithName("ResetBrandSafetyLists").WithSummary("Go back to Grapevine's default lists")
            .WithDescription("Deletes the workspace's own categories; the shipped defaults apply again.");
        return app;
    }

    public static async Task<Ok<BrandSafetyLists>> GetAsync(BrandSafetyService service, CancellationToken ct) => TypedResults.Ok(await service.GetListsAsync(ct));

    public static async Task<Ok<BrandSafetyCategory>> GetCategoryAsync(string name, BrandSafetyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetCategoryAsync(name, ct));

    public static async Task<Created<BrandSafetyCategory>> AddCategoryAsync(BrandSafetyCategoryRequest request, BrandSafetyService service, CancellationToken ct)
    {
        var category = await service.AddCategoryAsync(request.Name ?? "", request.Keywords, ct);
        return TypedResults.Created($"/api/v1/brand-safety/categories/{Uri.EscapeDataString(category.Name)}", category);
    }

    public static async Task<Ok<BrandSafetyCategory>> EditCategoryAsync(string name, BrandSafetyEditRequest request, BrandSafetyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.EditCategoryAsync(name, request.Name, request.Add, request.Remove, ct));

    public static async Task<NoContent> DeleteCategoryAsync(string name, BrandSafetyService service, CancellationToken ct)
    {
        await service.DeleteCategoryAsync(name, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<BrandSafetyLists>> ResetAsync(BrandSafetyService service, CancellationToken ct)
    {
        await service.ResetAsync(ct);
        return TypedResults.Ok(await service.GetListsAsync(ct));
    }
}

/// <summary>A new category: a name (letters, digits, spaces, hyphens, underscores; stored lower-case) and its first keywords.</summary>
public sealed record BrandSafetyCategoryRequest(
    string? Name,
    [property: Description("Words, phrases or #hashtags, e.g. [\"prosecco\", \"#aperitivo\"]")] IReadOnlyList<string?>? Keywords);

/// <summary>Changes to a category; each part is optional.</summary>
public sealed record BrandSafetyEditRequest(
    [property: Description("The new name")] string? Name,
    [property: Description("Keywords to add")] IReadOnlyList<string?>? Add,
    [property: Description("Keywords to remove")] IReadOnlyList<string?>? Remove);
