using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Auth;

/// <summary>
/// Turns the API's authorization failures into problem details: no current workspace is 401 (the
/// caller is not anyone here), a role or key that may not write is 403. Pages keep the default
/// (redirect to sign-in).
/// </summary>
public sealed class ApiAccessResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (authorizeResult.Forbidden && reasons.Contains(GrapevineAccess.NoWorkspace))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteAsync(context, "Not a member of a workspace", "Sign in as, or use an API key of, a current member of a workspace.");
            return;
        }
        if (authorizeResult.Forbidden && reasons.Contains(GrapevineAccess.ReadOnly))
        {
            var current = context.RequestServices.GetRequiredService<CurrentWorkspace>();
            var who = current.KeyScope == ApiKeyScope.Read ? "A read-only API key" : $"Your role ({current.Role})";
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, "Forbidden", $"{who} cannot change data; it needs {RolePermissions.Minimum(Permission.WriteWorkspaceData)} or above.");
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private Task WriteAsync(HttpContext context, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
