namespace Grapevine.Core.Discovery.Niches;

/// <summary>
/// One niche of the taxonomy: its slug (what is stored and filtered on), its display name, the words and hashtags
/// that speak for it, and the imported category values that mean it.
/// </summary>
public sealed record NicheDefinition(
    string Slug,
    string Name,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Aliases);
