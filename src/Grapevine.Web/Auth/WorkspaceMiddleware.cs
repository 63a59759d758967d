using System.Security.Claims;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Web.Auth;

/// <summary>
/// Enters the request's workspace: the API key's, or for a signed-in user the one chosen in the
/// workspace cookie (else their first). Membership and role are read from the database on every
/// request, so a removed member or a changed role takes effect on the next request.
/// </summary>
public sealed class WorkspaceMiddleware(RequestDelegate next)
{
    public const string WorkspaceCookie = "grapevine.workspace";

    public async Task InvokeAsync(HttpContext context, CurrentWorkspace current, GrapevineDb db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            if (user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.Scheme)
            {
                var workspace = Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.WorkspaceClaim)!);
                var scope = Enum.Parse<ApiKeyScope>(user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim)!);
                // A key acts with a member's rights at most; administration stays with people.
                var role = scope == ApiKeyScope.ReadWrite ? WorkspaceRole.Member : WorkspaceRole.Viewer;
                current.Enter(workspace, userId, user.Identity.Name, role, scope, Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!));
            }
            else
            {
                var memberships = await db.Members.IgnoreQueryFilters().AsNoTracking()
                    .Where(m => m.UserId == userId)
                    .Select(m => new { m.WorkspaceId, m.Role })
                    .ToListAsync(context.RequestAborted);
                Guid.TryParse(context.Request.Cookies[WorkspaceCookie], out var chosen);
                var membership = memberships.FirstOrDefault(m => m.WorkspaceId == chosen) ?? memberships.OrderBy(m => m.WorkspaceId).FirstOrDefault();
                if (membership is not null)
                    current.Enter(membership.WorkspaceId, userId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name, membership.Role);
            }
        }
        await next(context);
    }
}
