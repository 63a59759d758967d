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

    private const string MembershipsKey = "Grapevine.Memberships";

    /// <summary>
    /// The signed-in user's workspaces, read once per request here so that the page header needs no
    /// query of its own (a layout querying while its page does would share one DbContext at once).
    /// </summary>
    public static IReadOnlyList<Membership> MembershipsOf(HttpContext context) =>
        context.Items[MembershipsKey] as IReadOnlyList<Membership> ?? [];

    public async Task InvokeAsync(HttpContext context, CurrentWorkspace current, GrapevineDb db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var memberships = await db.Members.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.UserId == userId)
                .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new Membership(w.Id, w.Name, w.Slug, m.Role))
                .ToListAsync(context.RequestAborted);
            if (user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
            {
                var workspace = Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.WorkspaceClaim)!);
                var scope = Enum.Parse<ApiKeyScope>(user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim)!);
                // A key acts for the member who made it: never above their current role, never above
                // Member (administration stays with people), and not at all once they have left.
                var creator = memberships.FirstOrDefault(m => m.WorkspaceId == workspace);
                if (creator is not null)
                {
                    var cap = scope == ApiKeyScope.ReadWrite ? WorkspaceRole.Member : WorkspaceRole.Viewer;
                    var role = creator.Role < cap ? creator.Role : cap;
                    current.Enter(workspace, userId, user.Identity.Name, role, scope, Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!));
                }
            }
            else
            {
                Guid.TryParse(context.Request.Cookies[WorkspaceCookie], out var chosen);
                var membership = memberships.FirstOrDefault(m => m.WorkspaceId == chosen) ?? memberships.OrderBy(m => m.WorkspaceId).FirstOrDefault();
                if (membership is not null)
                    current.Enter(membership.WorkspaceId, userId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name, membership.Role);
                context.Items[MembershipsKey] = memberships.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
            }
        }
        await next(context);
    }

    /// <summary>Remembers the workspace a signed-in user chose; it holds only an id, checked against membership on every request.</summary>
    public static void Choose(HttpContext context, Guid workspaceId) =>
        context.Response.Cookies.Append(WorkspaceCookie, workspaceId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
}
