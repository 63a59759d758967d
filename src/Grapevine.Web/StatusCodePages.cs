namespace Grapevine.Web;

internal static class StatusCodePages
{
    /// <summary>Key of the message a page leaves in HttpContext.Items for the not-found page to show.</summary>
    public const string NotFoundMessageKey = "Grapevine.NotFoundMessage";

    /// <summary>
    /// Error responses without a body become problem details under /api and the not-found page
    /// elsewhere. The inner API handler writes its body first, so the outer page handler leaves it alone.
    /// </summary>
    public static WebApplication UseGrapevineStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(c => IsApi(c.Request.Path), api => api.UseStatusCodePages());
        return app;
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
}
