using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>API keys of the current workspace (Admins and Owners).</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/api-keys").WithTags("API keys");
        api.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Name, prefix, scope, who created it (`createdBy`, their e-mail), creation and last use (to the minute); never the secret. " +
                "A member's keys are revoked when they leave or are removed.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("The response holds the secret, once: it is stored only as a hash. Send it as `Authorization: Bearer <secret>`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key is refused from its next request on.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListAsync(ApiKeyService keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(ct)).Select(k => ApiKeyResponse.From(k.Key, k.CreatedBy)).ToList());

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateAsync(ApiKeyRequest request, ApiKeyService keys, CurrentWorkspace current, CancellationToken ct)
    {
        if (!ApiNames.TryParseScope(request.Scope ?? "read", out var scope))
            return TypedResults.ValidationProblem(ApiNames.Error("scope", $"'{request.Scope}' is not a scope: {ApiNames.Scopes}"));
        var (key, secret) = await keys.CreateAsync(request.Name ?? "", scope, ct);
        return TypedResults.Created((string?)null, new CreatedApiKeyResponse(ApiKeyResponse.From(key, current.ActorName), secret));
    }

    public static async Task<NoContent> RevokeAsync(Guid id, ApiKeyService keys, CancellationToken ct)
    {
        await keys.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>A name to recognise the key by, and its scope: read (default) or read-write.</summary>
public sealed record ApiKeyRequest(string? Name, string? Scope);

/// <summary>An API key; <c>createdBy</c> is its creator's e-mail (null if their account is gone).</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, string Scope, string? CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey k, string? createdBy) => new(k.Id, k.Name, k.Prefix, ApiNames.Scope(k.Scope), createdBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);
