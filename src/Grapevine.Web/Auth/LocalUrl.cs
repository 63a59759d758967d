namespace Grapevine.Web.Auth;

internal static class LocalUrl
{
    /// <summary>The return URL if it stays on this site, else "/": a sign-in link must not send people elsewhere.</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
