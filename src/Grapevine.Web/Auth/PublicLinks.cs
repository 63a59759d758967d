using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Auth;

/// <summary>
/// Absolute links that leave the app (e-mails, invitation links, the demo link). They are built from
/// <see cref="GrapevineOptions.PublicUrl"/>, never from the request: a forged Host header must not be able to
/// send someone's reset token to another site.
/// </summary>
public sealed class PublicLinks(IOptions<GrapevineOptions> options, IServer server, IConfiguration configuration)
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The site's public address, without a trailing slash.</summary>
    // Read on each use: the addresses the server listens on are known only once it has started.
    public string BaseUrl => Resolve(options.Value.PublicUrl,
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? configuration["Urls"]);

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with '/').</summary>
    public string To(string pathAndQuery) => BaseUrl + pathAndQuery;

    /// <summary>The configured public URL, else the first address the app listens on, with a wildcard host made into localhost.</summary>
    public static string Resolve(string? publicUrl, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(publicUrl))
            return publicUrl.Trim().TrimEnd('/');
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrl;
        return first.TrimEnd('/').Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost")
            .Replace("://+", "://localhost").Replace("://*", "://localhost");
    }

    /// <summary>Why <paramref name="publicUrl"/> cannot be the public URL, or null when it can (unset is fine).</summary>
    public static string? Problem(string? publicUrl) =>
        string.IsNullOrWhiteSpace(publicUrl)
        || (Uri.TryCreate(publicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"Grapevine:PublicUrl must be an absolute http or https address such as https://grapevine.example.com; '{publicUrl}' is not.";
}
