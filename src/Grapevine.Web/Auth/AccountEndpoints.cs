using System.Security.Claims;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web.Auth;

/// <summary>The form posts of the header (sign out, switch workspace); antiforgery applies because they read a form.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOutAsync).ExcludeFromDescription();
        app.MapPost("/workspaces/switch", SwitchAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, UserManager<GrapevineUser> users, SignInService signIns, CancellationToken ct)
    {
        var user = await users.GetUserAsync(context.User);
        await signIns.SignOutAsync(user, ct);
        context.Response.Cookies.Delete(WorkspaceMiddleware.WorkspaceCookie);
        return Results.LocalRedirect("/account/sign-in?signedOut=1");
    }

    private static async Task<IResult> SwitchAsync(
        HttpContext context, [FromForm(Name = "workspaceId")] Guid workspaceId, WorkspaceService workspaces, CancellationToken ct)
    {
        var userId = Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!(await workspaces.MembershipsAsync(userId, ct)).Any(m => m.WorkspaceId == workspaceId))
            return Results.NotFound();
        WorkspaceMiddleware.Choose(context, workspaceId);
        return Results.LocalRedirect("/");
    }
}
