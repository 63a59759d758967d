using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.WebUtilities;

namespace Grapevine.Web.Auth;

/// <summary>Where switching workspace lands: the page the person was on, as far as it means something in the new workspace.</summary>
internal static class SwitchReturnUrl
{
    // Filters of the shared catalogue and of a search mean the same in every workspace; a tag is the old workspace's,
    // and "left" is a one-shot notice.
    private static readonly HashSet<string> FilteredPages = ["/", "/accounts", "/discover"];
    private static readonly HashSet<string> OldWorkspaceParameters = new(StringComparer.OrdinalIgnoreCase) { "tag", "left" };

    // Pages that show nothing but a refusal to a role without their permission; the new workspace's home is more use.
    private static readonly Dictionary<string, Permission> PermissionPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/audit"] = Permission.ViewAudit,
        ["/api-keys"] = Permission.ManageApiKeys,
        ["/import"] = Permission.WriteWorkspaceData,
        ["/campaigns/new"] = Permission.WriteWorkspaceData,
    };

    /// <param name="returnUrl">The page the switch was made from.</param>
    /// <param name="role">The person's role in the workspace they switch to.</param>
    public static string For(string? returnUrl, WorkspaceRole role)
    {
        var local = LocalUrl.OrHome(returnUrl);
        var end = local.IndexOfAny(['?', '#']);
        var path = end < 0 ? local : local[..end];
        var query = end < 0 || local[end] == '#' ? "" : local[end..].Split('#')[0];

        // A list or a campaign (its plan, its edit page) belongs to the old workspace: the new one shows its index instead of a 404.
        if (PermissionPages.TryGetValue(path.TrimEnd('/'), out var needed) && !RolePermissions.Allows(role, needed))
            return "/";

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is [var section, var id, ..] && Guid.TryParse(id, out _)
            && section.ToLowerInvariant() is "lists" or "campaigns")
            return "/" + section.ToLowerInvariant();

        // Other pages' queries are notices and confirmations about the old workspace's records (done=…, remove=…).
        if (!FilteredPages.Contains(path) || query.Length == 0)
            return path;
        var kept = QueryHelpers.ParseQuery(query)
            .Where(p => !OldWorkspaceParameters.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return path + QueryString.Create(kept).ToUriComponent();
    }
}
