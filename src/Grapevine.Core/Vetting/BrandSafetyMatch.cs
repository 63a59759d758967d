namespace Grapevine.Core.Vetting;

/// <summary>A brand-safety keyword found in a post's caption, with a link to the post and the words around it.</summary>
public sealed record BrandSafetyMatch(string Category, string Keyword, string PostId, DateTime PostedAt, string Url, string Excerpt);
