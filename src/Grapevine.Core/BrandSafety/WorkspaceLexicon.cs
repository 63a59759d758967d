using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.BrandSafety;

/// <summary>
/// The brand-safety lexicon of the database context's current workspace, read without a permission check (for code
/// that already answers that workspace, such as discovery): its own lists once it edited them, else
/// <see cref="BrandSafetyLexicon.Default"/> itself. <see cref="Edited"/> is false for the defaults, and so is it without a
/// workspace (the CLI), where <see cref="HasWorkspace"/> is false.
/// </summary>
public sealed record WorkspaceLexicon(BrandSafetyLexicon Lexicon, bool Edited, bool HasWorkspace)
{
    public static async Task<WorkspaceLexicon> LoadAsync(GrapevineDb db, CancellationToken ct)
    {
        if (db.CurrentWorkspaceId == Guid.Empty)
            return new WorkspaceLexicon(BrandSafetyLexicon.Default, false, false);
        if (!await db.BrandSafetySettings.AsNoTracking().AnyAsync(ct))
            return new WorkspaceLexicon(BrandSafetyLexicon.Default, false, true);
        var categories = await db.BrandSafetyCategories.AsNoTracking().Include(c => c.Keywords).ToListAsync(ct);
        return new WorkspaceLexicon(
            new BrandSafetyLexicon([.. categories.Select(c => new BrandSafetyCategory(c.Name, [.. c.Keywords.Select(k => k.Keyword).Order(StringComparer.Ordinal)]))]),
            true, true);
    }

    /// <summary>
    /// Whether the lexicon flags exactly the texts the default one flags: it holds the same keywords (a text is flagged when
    /// any keyword of any category matches, so how they are grouped and named does not matter).
    /// </summary>
    public bool FlagsAsDefault => !Edited || Keywords(Lexicon).SetEquals(Keywords(BrandSafetyLexicon.Default));

    private static HashSet<string> Keywords(BrandSafetyLexicon lexicon) =>
        lexicon.Categories.SelectMany(c => c.Keywords).Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
