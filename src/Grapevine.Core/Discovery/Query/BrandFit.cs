namespace Grapevine.Core.Discovery.Query;

/// <summary>A search ranked for a brand that has its own niches and keywords (a campaign's), on top of what the search says.</summary>
public static class BrandFit
{
    /// <summary>
    /// The query with <paramref name="niches"/> added to the brand niches of fit (the query's own brand, or its niche,
    /// country and language filters) and <paramref name="keywords"/> added to its keywords (cut into searchable words,
    /// at most <see cref="DiscoveryQuery.MaxKeywords"/> in all). The filters do not change.
    /// </summary>
    public static DiscoveryQuery With(DiscoveryQuery query, IReadOnlyList<string> niches, IReadOnlyList<string> keywords)
    {
        if (niches.Count == 0 && keywords.Count == 0)
            return query;
        var brand = FitExplanation.BrandOf(query);
        var extra = DiscoveryQueryParser.KeywordsOf(keywords, []);
        return query with
        {
            Brand = new BrandPreferences([.. brand.Niches.Concat(niches).Distinct(StringComparer.Ordinal)], brand.Countries, brand.Languages),
            Keywords = [.. query.Keywords.Concat(extra).Distinct(StringComparer.Ordinal).Take(DiscoveryQuery.MaxKeywords)],
        };
    }
}
