namespace Grapevine.Core.BrandSafety;

/// <summary>A named group of words and hashtags a brand may not want next to its name (alcohol, gambling …).</summary>
public sealed record BrandSafetyCategory(string Name, IReadOnlyList<string> Keywords);
