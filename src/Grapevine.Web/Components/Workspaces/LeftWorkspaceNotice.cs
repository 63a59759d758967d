namespace Grapevine.Web.Components.Workspaces;

/// <summary>
/// "You left “Name”." after leaving a workspace. The name travels in a short-lived cookie the server sets, not in the
/// address, so a crafted link cannot put its own words in the notice; it is shown once.
/// </summary>
internal static class LeftWorkspaceNotice
{
    private const string Cookie = "grapevine.left";

    public static void Remember(HttpContext context, string workspaceName) =>
        context.Response.Cookies.Append(Cookie, workspaceName, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromMinutes(5),
        });

    public static string? Take(HttpContext context)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 } name)
            return null;
        context.Response.Cookies.Delete(Cookie);
        return name;
    }
}
