using System.Text.Json;

namespace Grapevine.Core.BrandSafety;

/// <summary>The brand-safety categories a caption is checked against: a workspace's own, or the shipped defaults.</summary>
public sealed record BrandSafetyLexicon(IReadOnlyList<BrandSafetyCategory> Categories)
{
    private static readonly Lazy<BrandSafetyLexicon> LazyDefault = new(LoadDefault);

    /// <summary>The shipped starting lists (BrandSafety/default-lexicon.json); a workspace edits its own copy.</summary>
    public static BrandSafetyLexicon Default => LazyDefault.Value;

    private static BrandSafetyLexicon LoadDefault()
    {
        using var stream = typeof(BrandSafetyLexicon).Assembly.GetManifestResourceStream("Grapevine.Core.BrandSafety.default-lexicon.json")
            ?? throw new InvalidOperationException("The default brand-safety lexicon is not embedded.");
        var categories = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidOperationException("The default brand-safety lexicon is empty.");
        return new BrandSafetyLexicon([.. categories.Select(c => new BrandSafetyCategory(c.Key, c.Value))]);
    }
}
