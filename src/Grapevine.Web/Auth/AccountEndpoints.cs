using System.Security.Claims;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Grapevine.Web.Auth;

/// <summary>The form posts of the page header: sign out, switch workspace. Both need the form's antiforgery token.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOutAsync).RequireAntiforgery().ExcludeFromDescription();
        app.MapPost("/workspaces/switch", SwitchAsync).RequireAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UserManager<GrapevineUser> users, SignInService signIns, CancellationToken ct)
    {
        var user = await users.GetUserAsync(context.User);
        await signIns.SignOutAsync(user, ct);
        context.Response.Cookies.Delete(WorkspaceMiddleware.WorkspaceCookie);
        return Results.LocalRedirect("/account/sign-in?signedOut=1");
    }

    private static async Task<IResult> SwitchAsync(HttpContext context, WorkspaceService workspaces, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var userId = Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!Guid.TryParse(form["workspaceId"], out var workspaceId)
            || (await workspaces.MembershipsAsync(userId, ct)).FirstOrDefault(m => m.WorkspaceId == workspaceId) is not { } membership)
            return Results.LocalRedirect("/workspace?done=switch-refused");
        WorkspaceMiddleware.Choose(context, workspaceId);
        return Results.LocalRedirect(SwitchReturnUrl.For(form["returnUrl"], membership.Role));
    }

    /// <summary>
    /// Validates the antiforgery token before the handler runs (minimal APIs check it only when
    /// they bind a form parameter, and then fail with an exception rather than a 400).
    /// </summary>
    private static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(invocation)
                : Results.BadRequest());
}
