using System.Net;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Antiforgery;

namespace Grapevine.Web;

internal static class StatusCodePages
{
    /// <summary>Key of the message a page leaves in HttpContext.Items for the not-found page to show.</summary>
    public const string NotFoundMessageKey = "Grapevine.NotFoundMessage";

    /// <summary>Key of the heading that goes with <see cref="NotFoundMessageKey"/> (default "Account not found").</summary>
    public const string NotFoundTitleKey = "Grapevine.NotFoundTitle";

    /// <summary>
    /// Error responses without a body become problem details under /api and the not-found page
    /// elsewhere. The inner handlers write their body first, so the outer page handler leaves it alone.
    /// A failed form post (a missing antiforgery token) gets a plain page: re-running a page for a
    /// POST would make it look for its form again.
    /// </summary>
    public static WebApplication UseGrapevineStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(c => IsApi(c.Request.Path), api => api.UseStatusCodePages());
        // Blazor answers a refused form post with an empty text/html 400, which the status-code
        // middleware leaves alone because a content type is set; this gives it a page.
        app.Use(async (context, next) =>
        {
            if (IsApi(context.Request.Path) || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var response = context.Response;
            var original = response.Body;
            var body = new RefusedFormBody(response, original);
            response.Body = body;
            try
            {
                await next(context);
            }
            finally
            {
                response.Body = original;
            }
            if (response.StatusCode < 400 || response.HasStarted)
                return;
            if (response.StatusCode != StatusCodes.Status400BadRequest)
                await WritePlainPageAsync(context, "Something went wrong", $"The request could not be completed (status {response.StatusCode}).");
            else if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true })
            {
                // A good token, yet refused: Blazor found no form of that name on the page, because the page did not
                // render it for this person; most often their role cannot use it (a Viewer, or a Member demoted since).
                await WriteRefusedFormAsync(context);
            }
            else
                await WritePlainPageAsync(context, "The form could not be accepted", "It may have expired, or it came from another site. Go back, reload the page and try again.");
        });
        return app;
    }

    private static Task WriteRefusedFormAsync(HttpContext context)
    {
        var current = context.RequestServices.GetRequiredService<CurrentWorkspace>();
        var back = context.Request.Path.Value is { Length: > 0 } path ? path : "/";
        if (current is { Id: not null, Role: { } role } && !current.Can(Permission.WriteWorkspaceData))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return WritePlainPageAsync(context, "Your role cannot change this",
                $"Your role in this workspace ({role}) can read it but not change it, so nothing was saved. Ask an Owner or Admin of the workspace for the Member role.",
                back);
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return WritePlainPageAsync(context, "That form is no longer on the page",
            "The page has changed since you opened it (a record was removed, or your role changed), so nothing was saved. Go back to the page, reload it and try again.",
            back);
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>A small self-contained page, for answers given outside the Blazor pages (rate limits, refused form posts).</summary>
    public static Task WritePlainPageAsync(HttpContext context, string title, string message, string backTo = "/")
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = null;
        var (t, m, back) = (WebUtility.HtmlEncode(title), WebUtility.HtmlEncode(message), WebUtility.HtmlEncode(backTo));
        var backText = backTo == "/" ? "Back to Grapevine" : "Back to the page";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{t} · Grapevine</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main class="page"><section class="card empty-state"><h1>{t}</h1><p>{m}</p><p><a href="{back}">{backText}</a></p></section></main></body></html>
            """);
    }
}
