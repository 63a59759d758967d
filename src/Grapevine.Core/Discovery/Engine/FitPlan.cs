namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// What fit scoring needs from a query, settled once per query: the brand (the query's, or its niche, country and
/// language filters), the brand keywords, the weights normalised over the components that apply, and "now" in Unix
/// seconds. Every engine scores with the same plan, and the SQL engines receive its numbers as parameters.
/// </summary>
public sealed record FitPlan
{
    private FitPlan(
        IReadOnlyList<string> niches, IReadOnlyList<string> keywords, IReadOnlyList<string> countries, IReadOnlyList<string> languages,
        FitWeights weights, long now)
    {
        BrandNiches = niches;
        BrandKeywords = keywords;
        BrandCountries = countries;
        BrandLanguages = languages;
        Weights = weights;
        Now = now;
    }

    public IReadOnlyList<string> BrandNiches { get; }

    /// <summary>Distinct keywords, each one or more word tokens joined by single spaces.</summary>
    public IReadOnlyList<string> BrandKeywords { get; }

    public IReadOnlyList<string> BrandCountries { get; }
    public IReadOnlyList<string> BrandLanguages { get; }

    /// <summary>Normalised: non-applicable components weigh 0, the others sum to 1 (all 0 when every given weight is 0).</summary>
    public FitWeights Weights { get; }

    /// <summary>Unix seconds, UTC.</summary>
    public long Now { get; }

    public bool NicheApplies => BrandNiches.Count > 0;
    public bool KeywordsApply => BrandKeywords.Count > 0;
    public bool AudienceApplies => BrandCountries.Count > 0 || BrandLanguages.Count > 0;

    public static FitPlan For(DiscoveryQuery query, DateTime now)
    {
        var brand = query.Brand ?? new BrandPreferences(query.Niches, query.Countries, query.Languages);
        var niches = brand.Niches.Distinct(StringComparer.Ordinal).ToArray();
        var keywords = query.Keywords.Distinct(StringComparer.Ordinal).ToArray();
        var countries = brand.Countries.Distinct(StringComparer.Ordinal).ToArray();
        var languages = brand.Languages.Distinct(StringComparer.Ordinal).ToArray();
        var w = query.Weights;
        double[] raw = [w.Niche, w.Keywords, w.Audience, w.Engagement, w.Quality, w.Cost, w.Recency, w.Safety];
        if (raw.Any(x => !double.IsFinite(x) || x < 0))
            throw new ArgumentException("fit weights must be finite and not negative", nameof(query));
        if (niches.Length == 0)
            raw[0] = 0;
        if (keywords.Length == 0)
            raw[1] = 0;
        if (countries.Length == 0 && languages.Length == 0)
            raw[2] = 0;
        var sum = 0.0;
        foreach (var x in raw)
            sum += x;
        var n = sum > 0 ? raw.Select(x => x / sum).ToArray() : new double[raw.Length];
        var weights = new FitWeights(
            Niche: n[0], Keywords: n[1], Audience: n[2], Engagement: n[3], Quality: n[4], Cost: n[5], Recency: n[6], Safety: n[7]);
        return new FitPlan(niches, keywords, countries, languages, weights, UnixSeconds(now));
    }

    /// <summary>Whole seconds since the Unix epoch (floor), the unit of last-post and last-use times.</summary>
    public static long UnixSeconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
