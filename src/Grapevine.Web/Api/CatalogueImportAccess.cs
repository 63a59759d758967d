using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Api;

/// <summary>
/// Who may import into the shared catalogue through the web app and the API. Every workspace sees the catalogue, so
/// an installation with open sign-up names its importers in <see cref="GrapevineOptions.CatalogueImporters"/>;
/// without that list any member with write permission may import. The CLI reaches the database directly and is not asked.
/// </summary>
public sealed class CatalogueImportAccess(IOptions<GrapevineOptions> options, GrapevineDb db, CurrentWorkspace current)
{
    /// <summary>Why the current person may not import, or null when they may.</summary>
    public async Task<string?> RefusalAsync(CancellationToken ct)
    {
        var importers = options.Value.CatalogueImporters
            .SelectMany(e => e.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (importers.Count == 0)
            return null;
        // A key imports as the person who created it.
        var email = current.UserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct)
            : null;
        if (email is not null && importers.Contains(email, StringComparer.OrdinalIgnoreCase))
            return null;
        return "This installation lets only the people named in its Grapevine:CatalogueImporters setting import into the shared catalogue" +
            (email is null ? "." : $", and {email} is not one of them.") +
            " Ask the person who runs this installation to import the file, or to add you to that setting.";
    }
}
