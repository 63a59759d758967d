using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.BrandSafety;

/// <summary>
/// The current workspace's brand-safety keyword lists. A workspace that never edited them uses
/// <see cref="BrandSafetyLexicon.Default"/>; its first edit copies the defaults into its own lists,
/// which from then on are the ones used, until it resets them. Every change is audited.
/// </summary>
public sealed class BrandSafetyService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public const int MaxCategories = 50;
    public const int MaxKeywordsPerCategory = 500;

    public static class AuditActions
    {
        public const string CategoryCreated = "brand_safety_category_created";
        public const string CategoryRenamed = "brand_safety_category_renamed";
        public const string CategoryDeleted = "brand_safety_category_deleted";
        public const string KeywordsChanged = "brand_safety_keywords_changed";
        public const string Reset = "brand_safety_reset";
    }

    /// <summary>The lexicon captions are checked against: the workspace's lists, or the defaults if it never edited them.</summary>
    public async Task<BrandSafetyLexicon> GetLexiconAsync(CancellationToken ct)
    {
        var lists = await GetListsAsync(ct);
        return lists.IsDefault ? BrandSafetyLexicon.Default : new BrandSafetyLexicon(lists.Categories);
    }

    /// <summary>The categories by name, keywords in order, and whether they are still the shipped defaults.</summary>
    public async Task<BrandSafetyLists> GetListsAsync(CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var settings = await db.BrandSafetySettings.AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is null)
            return new BrandSafetyLists(true, null, [.. BrandSafetyLexicon.Default.Categories.Select(c => View(c.Name, c.Keywords)).OrderBy(c => c.Name, StringComparer.Ordinal)]);
        var categories = await db.BrandSafetyCategories.AsNoTracking().Include(c => c.Keywords).ToListAsync(ct);
        return new BrandSafetyLists(false, settings.EditedAt, [.. categories.Select(View).OrderBy(c => c.Name, StringComparer.Ordinal)]);
    }

    public async Task<BrandSafetyCategory> GetCategoryAsync(string name, CancellationToken ct) =>
        Find((await GetListsAsync(ct)).Categories, name) ?? throw NotFound(name);

    public async Task<BrandSafetyCategory> AddCategoryAsync(string name, IReadOnlyList<string?>? keywords, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        name = BrandSafetyNames.CategoryName(name, "name");
        var words = Keywords(keywords ?? [], "keywords");
        if (words.Count > MaxKeywordsPerCategory)
            throw new ArgumentException($"A category has at most {MaxKeywordsPerCategory} keywords.", "keywords");
        var lists = await GetListsAsync(ct);
        if (lists.Categories.Any(c => c.Name == name))
            throw new ArgumentException($"There is a category '{name}' already.", "name");
        if (lists.Categories.Count >= MaxCategories)
            throw new WorkspaceRuleException($"A workspace has at most {MaxCategories} brand-safety categories; delete one first.");
        await EditableAsync(ct);
        var category = NewCategory(name, words);
        db.BrandSafetyCategories.Add(category);
        audit.Add(AuditActions.CategoryCreated, Target(name), Describe("with", words));
        await SaveAsync(ct);
        return View(category);
    }

    public Task<BrandSafetyCategory> RenameCategoryAsync(string name, string newName, CancellationToken ct) =>
        EditCategoryAsync(name, newName, [], [], ct);

    /// <summary>Adds keywords; ones the category has already are ignored.</summary>
    public Task<BrandSafetyCategory> AddKeywordsAsync(string name, IReadOnlyList<string?> keywords, CancellationToken ct) =>
        EditCategoryAsync(name, null, keywords, [], ct);

    /// <summary>Removes keywords; ones the category does not have are ignored.</summary>
    public Task<BrandSafetyCategory> RemoveKeywordsAsync(string name, IReadOnlyList<string?> keywords, CancellationToken ct) =>
        EditCategoryAsync(name, null, [], keywords, ct);

    /// <summary>
    /// Renames a category and adds and removes keywords in one change. Invalid input names its field
    /// (<c>name</c>, <c>add[i]</c>, <c>remove[i]</c>); an edit that changes nothing writes nothing.
    /// </summary>
    public async Task<BrandSafetyCategory> EditCategoryAsync(string name, string? newName, IReadOnlyList<string?>? add, IReadOnlyList<string?>? remove, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var renamed = newName is null ? null : BrandSafetyNames.CategoryName(newName, "name");
        var toAdd = Keywords(add ?? [], "add");
        var toRemove = Keywords(remove ?? [], "remove");
        var lists = await GetListsAsync(ct);
        var existing = Find(lists.Categories, name) ?? throw NotFound(name);
        if (renamed == existing.Name)
            renamed = null;
        if (renamed is not null && lists.Categories.Any(c => c.Name == renamed))
            throw new ArgumentException($"There is a category '{renamed}' already.", "name");
        var added = toAdd.Except(existing.Keywords).Except(toRemove).ToList();
        var removed = toRemove.Intersect(existing.Keywords).ToList();
        if (renamed is null && added.Count == 0 && removed.Count == 0)
            return existing;
        if (existing.Keywords.Count + added.Count - removed.Count > MaxKeywordsPerCategory)
            throw new ArgumentException($"A category has at most {MaxKeywordsPerCategory} keywords; '{existing.Name}' has {existing.Keywords.Count}.", "add");

        var category = (await EditableAsync(ct)).Single(c => c.Name == existing.Name);
        if (renamed is not null)
        {
            audit.Add(AuditActions.CategoryRenamed, Target(category.Name), $"renamed to '{renamed}'");
            category.Name = renamed;
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var keyword in added)
            category.Keywords.Add(new BrandSafetyKeyword { WorkspaceId = category.WorkspaceId, CategoryId = category.Id, Keyword = keyword, AddedAt = now });
        foreach (var keyword in category.Keywords.Where(k => removed.Contains(k.Keyword)).ToList())
        {
            category.Keywords.Remove(keyword);
            db.BrandSafetyKeywords.Remove(keyword);
        }
        if (added.Count > 0 || removed.Count > 0)
            audit.Add(AuditActions.KeywordsChanged, Target(category.Name), string.Join("; ", new[] { Describe("added", added), Describe("removed", removed) }.Where(d => d is not null)));
        await SaveAsync(ct);
        return View(category);
    }

    public async Task DeleteCategoryAsync(string name, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var existing = Find((await GetListsAsync(ct)).Categories, name) ?? throw NotFound(name);
        var category = (await EditableAsync(ct)).Single(c => c.Name == existing.Name);
        var keywords = category.Keywords.ToList();
        db.BrandSafetyKeywords.RemoveRange(keywords);
        db.BrandSafetyCategories.Remove(category);
        audit.Add(AuditActions.CategoryDeleted, Target(category.Name), keywords.Count == 1 ? "with 1 keyword" : $"with {keywords.Count} keywords");
        await SaveAsync(ct);
    }

    /// <summary>Drops the workspace's own lists so that the shipped defaults apply again (and later default updates reach it).</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var settings = await db.BrandSafetySettings.SingleOrDefaultAsync(ct);
        if (settings is null)
            return;
        var categories = await db.BrandSafetyCategories.Include(c => c.Keywords).ToListAsync(ct);
        db.BrandSafetyKeywords.RemoveRange([.. categories.SelectMany(c => c.Keywords)]);
        db.BrandSafetyCategories.RemoveRange(categories);
        db.BrandSafetySettings.Remove(settings);
        audit.Add(AuditActions.Reset, "brand-safety lists", $"{categories.Count} categories replaced by the defaults");
        await SaveAsync(ct);
    }

    /// <summary>
    /// The workspace's own categories, tracked; on the first edit, a copy of the defaults. Called only
    /// once the edit is known to be valid, so that a refused edit leaves no copy behind to be saved later.
    /// </summary>
    private async Task<List<BrandSafetyCategoryList>> EditableAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await db.BrandSafetySettings.SingleOrDefaultAsync(ct);
        if (settings is not null)
        {
            settings.EditedAt = now;
            return await db.BrandSafetyCategories.Include(c => c.Keywords).ToListAsync(ct);
        }
        db.BrandSafetySettings.Add(new BrandSafetySettings { WorkspaceId = db.CurrentWorkspaceId, EditedAt = now });
        var copy = BrandSafetyLexicon.Default.Categories.Select(c => NewCategory(c.Name, c.Keywords)).ToList();
        db.BrandSafetyCategories.AddRange(copy);
        return copy;
    }

    private BrandSafetyCategoryList NewCategory(string name, IEnumerable<string> keywords)
    {
        var now = time.GetUtcNow();
        var category = new BrandSafetyCategoryList { WorkspaceId = db.CurrentWorkspaceId, Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now.UtcDateTime };
        category.Keywords.AddRange(keywords.Select(k => new BrandSafetyKeyword { WorkspaceId = category.WorkspaceId, CategoryId = category.Id, Keyword = k, AddedAt = now.UtcDateTime }));
        return category;
    }

    // Two people editing at the same moment can both copy the defaults, or add the same keyword: one of them is told to retry.
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new WorkspaceRuleException("The brand-safety lists were changed by someone else at the same moment; reload them and try again.");
        }
    }

    private static List<string> Keywords(IReadOnlyList<string?> raw, string field) =>
        [.. raw.Select((k, i) => BrandSafetyNames.Keyword(k, $"{field}[{i}]")).Distinct()];

    private static BrandSafetyCategory? Find(IEnumerable<BrandSafetyCategory> categories, string name)
    {
        var key = BrandSafetyNames.Normalize(name);
        return categories.FirstOrDefault(c => c.Name == key);
    }

    private static BrandSafetyCategory View(BrandSafetyCategoryList category) => View(category.Name, category.Keywords.Select(k => k.Keyword));

    private static BrandSafetyCategory View(string name, IEnumerable<string> keywords) => new(name, [.. keywords.Order(StringComparer.Ordinal)]);

    private static string Target(string category) => $"brand-safety category '{category}'";

    private static string? Describe(string what, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
            return null;
        var text = $"{what} {string.Join(", ", keywords)}";
        return text.Length <= 900 ? text : $"{text[..900]}… ({keywords.Count} in all)";
    }

    private static KeyNotFoundException NotFound(string name) => new($"There is no brand-safety category '{name}'.");
}

/// <summary>A workspace's brand-safety categories, and whether they are still the shipped defaults (never edited).</summary>
public sealed record BrandSafetyLists(bool IsDefault, DateTime? EditedAt, IReadOnlyList<BrandSafetyCategory> Categories);
