using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// A <see cref="DiscoveryQuery"/> settled for execution, the same for every engine: distinct terms, the filters' time
/// bounds in Unix seconds, the fit plan and the rate-card prices. Throws <see cref="ArgumentException"/> on a query
/// the parser would have refused (a word that is not one token, a limit out of range), so no engine sees one.
/// </summary>
public sealed record DiscoveryCriteria
{
    public const long SecondsPerDay = 86_400;

    private DiscoveryCriteria(DiscoveryQuery query, FitPlan plan, IReadOnlyDictionary<long, double> rates)
    {
        Query = query;
        Fit = plan;
        RatePrices = rates;
        Words = [.. query.Words.Distinct(StringComparer.Ordinal)];
        Terms = [.. query.Hashtags.Select(t => "#" + t).Concat(query.Mentions.Select(m => "@" + m)).Distinct(StringComparer.Ordinal)];
        TagsSince = plan.Now - query.TagWindowDays * SecondsPerDay;
        PostedSince = query.PostedWithinDays is { } days ? plan.Now - days * SecondsPerDay : null;
        Platforms = [.. query.Platforms.Distinct()];
        Tiers = [.. query.Tiers.Distinct(StringComparer.Ordinal)];
        Countries = [.. query.Countries.Distinct(StringComparer.Ordinal)];
        Languages = [.. query.Languages.Distinct(StringComparer.Ordinal)];
        Niches = [.. query.Niches.Distinct(StringComparer.Ordinal)];
    }

    public DiscoveryQuery Query { get; }
    public FitPlan Fit { get; }

    /// <summary>Account id → the workspace's rate-card price (USD) of the default deliverable; it wins over the estimate.</summary>
    public IReadOnlyDictionary<long, double> RatePrices { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>The brand keywords of the fit plan, each as its word tokens.</summary>
    public IReadOnlyList<string[]> KeywordTokens => [.. Fit.BrandKeywords.Select(k => k.Split(' '))];

    /// <summary>"#tag" and "@handle" terms, each used within the tag window.</summary>
    public IReadOnlyList<string> Terms { get; }

    public long TagsSince { get; }
    public long? PostedSince { get; }
    public IReadOnlyList<Platform> Platforms { get; }
    public IReadOnlyList<string> Tiers { get; }
    public IReadOnlyList<string> Countries { get; }
    public IReadOnlyList<string> Languages { get; }
    public IReadOnlyList<string> Niches { get; }
    /// <summary>How many of the best the engines rank: the requested page and every account before it.</summary>
    public int Limit => Query.Offset + Query.Limit;
    public DiscoverySort Sort => Query.Sort;
    public bool HasText => Words.Count > 0 || Terms.Count > 0;

    public static DiscoveryCriteria For(DiscoveryQuery query, DiscoveryContext context)
    {
        if (query.Limit is < 1 or > DiscoveryQuery.MaxLimit)
            throw new ArgumentException($"limit must be between 1 and {DiscoveryQuery.MaxLimit}", nameof(query));
        if (query.Offset is < 0 or > DiscoveryQuery.MaxOffset)
            throw new ArgumentException($"offset must be between 0 and {DiscoveryQuery.MaxOffset}", nameof(query));
        if (query.TagWindowDays < 0 || query.PostedWithinDays < 0)
            throw new ArgumentException("day windows must not be negative", nameof(query));
        foreach (var word in query.Words)
        {
            if (SearchText.Tokenize(word).Take(2).ToList() is not [var token] || token != word)
                throw new ArgumentException($"'{word}' is not a single search token", nameof(query));
        }
        if (query.Keywords.Count > DiscoveryQuery.MaxKeywords)
            throw new ArgumentException($"at most {DiscoveryQuery.MaxKeywords} keywords", nameof(query));
        foreach (var keyword in query.Keywords)
        {
            var tokens = keyword.Split(' ');
            if (keyword.Length == 0 || tokens.Length > DiscoveryQuery.MaxKeywordTokens || string.Join(' ', tokens.SelectMany(SearchText.Tokenize)) != keyword)
                throw new ArgumentException($"'{keyword}' is not a keyword of 1 to {DiscoveryQuery.MaxKeywordTokens} search tokens joined by single spaces", nameof(query));
        }
        foreach (var term in query.Hashtags.Concat(query.Mentions))
        {
            if (string.IsNullOrEmpty(term) || term.Any(char.IsWhiteSpace))
                throw new ArgumentException($"'{term}' is not a hashtag or handle", nameof(query));
        }
        return new DiscoveryCriteria(query, FitPlan.For(query, context.Now), context.RatePrices ?? new Dictionary<long, double>());
    }
}
