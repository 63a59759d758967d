using System.Net;

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
            await next(context);
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && !IsApi(context.Request.Path)
                && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                await (response.StatusCode == StatusCodes.Status400BadRequest
                    ? WritePlainPageAsync(context, "The form could not be accepted", "It may have expired, or it came from another site. Go back, reload the page and try again.")
                    : WritePlainPageAsync(context, "Something went wrong", $"The request could not be completed (status {response.StatusCode})."));
            }
        });
        return app;
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>A small self-contained page, for answers given outside the Blazor pages (rate limits, refused form posts).</summary>
    public static Task WritePlainPageAsync(HttpContext context, string title, string message)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var (t, m) = (WebUtility.HtmlEncode(title), WebUtility.HtmlEncode(message));
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{t} · Grapevine</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main class="page"><section class="card empty-state"><h1>{t}</h1><p>{m}</p><p><a href="/">Back to Grapevine</a></p></section></main></body></html>
            """);
    }
}
