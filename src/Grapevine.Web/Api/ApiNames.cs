using Grapevine.Core.Catalogue;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>How roles and key scopes read in the API: lower case words, "read-write" with a dash.</summary>
public static class ApiNames
{
    public const string Roles = "viewer, member, admin or owner";
    public const string Scopes = "read or read-write";
    public const string Platforms = "instagram, tiktok, youtube, x, facebook, twitch or pinterest";

    public static string Role(WorkspaceRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParseRole(string? text, out WorkspaceRole role) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    public static string Scope(ApiKeyScope scope) => scope == ApiKeyScope.ReadWrite ? "read-write" : "read";

    public static bool TryParseScope(string? text, out ApiKeyScope scope)
    {
        (var ok, scope) = text?.Trim().ToLowerInvariant() switch
        {
            "read" => (true, ApiKeyScope.Read),
            "read-write" or "readwrite" => (true, ApiKeyScope.ReadWrite),
            _ => (false, ApiKeyScope.Read),
        };
        return ok;
    }

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    /// <summary>The 400 for a <c>{platform}</c> route value that names no platform.</summary>
    public static ValidationProblem UnknownPlatform(string platform) => TypedResults.ValidationProblem(
        Error("platform", $"unknown platform '{platform}'; one of {string.Join(", ", CatalogueNames.Platforms)}"),
        title: "Some route values are not valid");
}
