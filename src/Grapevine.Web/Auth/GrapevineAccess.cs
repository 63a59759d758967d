using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Authorization;

namespace Grapevine.Web.Auth;

/// <summary>
/// The default and fallback authorization policy of every endpoint, so a new page or API endpoint
/// is protected without anyone remembering to say so: pages need a signed-in user; <c>/api</c>
/// needs a current workspace, and anything but GET needs a role (or key scope) that may write.
/// Finer permissions (manage members, keys, audit) are checked by the Core services.
/// </summary>
public sealed class GrapevineAccess : AuthorizationHandler<GrapevineAccess>, IAuthorizationRequirement
{
    public const string NoWorkspace = "no-workspace";
    public const string ReadOnly = "read-only";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GrapevineAccess requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http)
            return Task.CompletedTask;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var current = http.RequestServices.GetRequiredService<CurrentWorkspace>();
        if (current.Id is null)
            context.Fail(new AuthorizationFailureReason(this, NoWorkspace));
        else if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !current.Can(Permission.WriteWorkspaceData))
            context.Fail(new AuthorizationFailureReason(this, ReadOnly));
        else
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
