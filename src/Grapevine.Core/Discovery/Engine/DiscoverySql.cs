using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The SQL of a discovery query for SQLite (FTS5) or PostgreSQL (tsvector): the same filters as the index, and the
/// fit score as one expression whose every operation mirrors <see cref="FitScorer"/>. Every value is a bound
/// parameter; the only text put into the statement is this class's own.
/// </summary>
internal sealed class DiscoverySql
{
    private readonly DatabaseProvider _provider;
    private readonly DiscoveryCriteria _criteria;
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    public DiscoverySql(DatabaseProvider provider, DiscoveryCriteria criteria)
    {
        _provider = provider;
        _criteria = criteria;
        From = BuildFrom();
        Where = BuildWhere();
        Price = criteria.RatePrices.Count > 0 ? "COALESCE(r.price, p.price_estimate)" : "p.price_estimate";
        NicheValue = BuildNicheValue();
        KeywordValue = BuildKeywordValue();
        AudienceValue = BuildAudienceValue();
        Score = BuildScore();
    }

    public IReadOnlyList<KeyValuePair<string, object>> Parameters => _parameters;

    /// <summary>Columns of a hit: account_id, score, then what <see cref="FitScorer.Breakdown"/> needs (see <see cref="SqlDiscoveryEngine"/>).</summary>
    public string HitsStatement()
    {
        var order = _criteria.Sort switch
        {
            DiscoverySort.Fit => "score DESC",
            DiscoverySort.Er => "p.engagement_rate DESC NULLS LAST",
            DiscoverySort.Followers => "p.followers DESC NULLS LAST",
            DiscoverySort.Price => "price ASC NULLS LAST",
            DiscoverySort.Growth => "p.growth DESC NULLS LAST",
            _ => throw new ArgumentOutOfRangeException(nameof(_criteria), _criteria.Sort, "unknown sort"),
        };
        return $"""
            SELECT p.account_id, {Score} AS score, {NicheValue} AS niche_value, p.country, p.language, p.engagement_percentile,
                p.audience_quality, p.expected_engagements, {Price} AS price, p.last_posted_at, p.safety_score, {KeywordValue} AS keyword_value
            {From}
            WHERE {Where}
            ORDER BY {order}, p.account_id ASC
            LIMIT {Add(_criteria.Limit)}
            """;
    }

    /// <summary>Counts of the matches by tier, platform, country and primary niche; their sum is the total.</summary>
    public string FacetsStatement() => $"""
        SELECT p.tier, p.platform, p.country, p.primary_niche, COUNT(*) AS n
        {From}
        WHERE {Where}
        GROUP BY p.tier, p.platform, p.country, p.primary_niche
        """;

    private string From { get; }
    private string Where { get; }
    private string Price { get; }
    private string NicheValue { get; }
    private string KeywordValue { get; }
    private string AudienceValue { get; }
    private string Score { get; }

    private bool Postgres => _provider == DatabaseProvider.Postgres;

    private string BuildFrom()
    {
        if (_criteria.RatePrices.Count == 0)
            return "FROM search_profiles p";
        var rates = _criteria.RatePrices.OrderBy(r => r.Key).ToArray();
        string source;
        if (Postgres)
        {
            source = $"SELECT * FROM unnest({Add(rates.Select(r => r.Key).ToArray())}, {Add(rates.Select(r => r.Value).ToArray())}) AS x(account_id, price)";
        }
        else
        {
            // JSON numbers written round-trip ("R"), read back by SQLite as the same doubles.
            var json = JsonSerializer.Serialize(rates.Select(r => new object[] { r.Key, r.Value }));
            source = $"SELECT CAST(json_extract(value, '$[0]') AS INTEGER) AS account_id, CAST(json_extract(value, '$[1]') AS REAL) AS price FROM json_each({Add(json)})";
        }
        return $"FROM search_profiles p LEFT JOIN ({source}) r ON r.account_id = p.account_id";
    }

    private string BuildWhere()
    {
        var c = _criteria;
        var q = c.Query;
        var conditions = new List<string>();
        if (c.Words.Count > 0)
            conditions.Add(WordsMatch(c.Words));
        foreach (var term in c.Terms)
            conditions.Add($"p.account_id IN (SELECT t.account_id FROM search_profile_terms t WHERE t.term = {Add(term)} AND t.last_used_at >= {Add(c.TagsSince)})");
        if (c.Platforms.Count > 0)
            conditions.Add($"p.platform IN ({List(c.Platforms.Select(p => p.Name()))})");
        if (c.Tiers.Count > 0)
            conditions.Add($"p.tier IN ({List(c.Tiers)})");
        if (c.Countries.Count > 0)
            conditions.Add($"p.country IN ({List(c.Countries)})");
        if (c.Languages.Count > 0)
            conditions.Add($"p.language IN ({List(c.Languages)})");
        if (c.Niches.Count > 0)
        {
            conditions.Add($"p.account_id IN (SELECT n.account_id FROM search_profile_niches n WHERE n.niche IN ({List(c.Niches)}) " +
                $"AND n.score >= {Add(DiscoveryQuery.NicheFilterMinScore)})");
        }
        if (q.MinFollowers is { } minFollowers)
            conditions.Add($"p.followers >= {Add(minFollowers)}");
        if (q.MaxFollowers is { } maxFollowers)
            conditions.Add($"p.followers <= {Add(maxFollowers)}");
        if (q.MinEngagementRate is { } minEr)
            conditions.Add($"p.engagement_rate >= {Add(minEr)}");
        if (q.MaxEngagementRate is { } maxEr)
            conditions.Add($"p.engagement_rate <= {Add(maxEr)}");
        if (q.MinAudienceQuality is { } minQuality)
            conditions.Add($"p.audience_quality >= {Add(minQuality)}");
        if (q.MaxPrice is { } maxPrice)
            conditions.Add($"{(c.RatePrices.Count > 0 ? "COALESCE(r.price, p.price_estimate)" : "p.price_estimate")} <= {Add(maxPrice)}");
        if (c.PostedSince is { } since)
            conditions.Add($"p.last_posted_at >= {Add(since)}");
        if (q.HasEmail)
            conditions.Add($"p.has_email = {Add(true)}");
        if (q.MaxSponsoredShare is { } maxSponsored)
            conditions.Add($"(p.sponsored_share IS NULL OR p.sponsored_share <= {Add(maxSponsored)})");
        if (q.Verified is { } verified)
            conditions.Add($"p.is_verified = {Add(verified)}");
        return conditions.Count == 0 ? "1 = 1" : string.Join("\n    AND ", conditions);
    }

    // FitScorer.Niche: unknown without any niche score, else the integer sum over the brand's niches / 100.
    private string BuildNicheValue()
    {
        if (!_criteria.Fit.NicheApplies)
            return $"CAST(NULL AS {RealType})";
        return "CASE WHEN EXISTS (SELECT 1 FROM search_profile_niches n WHERE n.account_id = p.account_id) THEN " +
            $"CAST(COALESCE((SELECT SUM(n.score) FROM search_profile_niches n WHERE n.account_id = p.account_id AND n.niche IN ({List(_criteria.Fit.BrandNiches)})), 0) AS {RealType}) / {Real("100.0")} END";
    }

    // FitScorer.Keywords: the number of keywords whose every token is among the profile's words, as a double, divided by
    // the number of keywords (bound as a double). A keyword is matched the way the words filter matches words.
    private string BuildKeywordValue()
    {
        var keywords = _criteria.Fit.BrandKeywords;
        if (keywords.Count == 0)
            return $"CAST(NULL AS {RealType})";
        var found = string.Join(" + ", keywords.Select(k => $"(CASE WHEN {WordsMatch(k.Split(' '))} THEN 1 ELSE 0 END)"));
        return $"(CAST(({found}) AS {RealType}) / {Add((double)keywords.Count)})";
    }

    // Every word is among the profile's words: FTS5 MATCH of quoted tokens, or the tsvector against plainto_tsquery.
    private string WordsMatch(IReadOnlyList<string> words) => Postgres
        ? $"p.words_vector @@ plainto_tsquery('simple', {Add(string.Join(' ', words))})"
        : $"p.account_id IN (SELECT rowid FROM search_profile_words WHERE search_profile_words MATCH {Add(string.Join(' ', words.Select(w => $"\"{w}\"")))})";

    // FitScorer.AudienceOf: the mean of the known parts that apply.
    private string BuildAudienceValue()
    {
        var plan = _criteria.Fit;
        if (!plan.AudienceApplies)
            return $"CAST(NULL AS {RealType})";
        var country = plan.BrandCountries.Count == 0 ? null
            : $"(CASE WHEN p.country IN ({List(plan.BrandCountries)}) THEN {Real("1.0")} ELSE {Real("0.0")} END)";
        var language = plan.BrandLanguages.Count == 0 ? null
            : $"(CASE WHEN p.language IN ({List(plan.BrandLanguages)}) THEN {Real("1.0")} ELSE {Real("0.0")} END)";
        if (country is null)
            return $"(CASE WHEN p.language IS NULL THEN NULL ELSE {language} END)";
        if (language is null)
            return $"(CASE WHEN p.country IS NULL THEN NULL ELSE {country} END)";
        return $"(CASE WHEN p.country IS NULL AND p.language IS NULL THEN NULL WHEN p.country IS NULL THEN {language} " +
            $"WHEN p.language IS NULL THEN {country} ELSE ({country} + {language}) / {Real("2.0")} END)";
    }

    // FitScorer.Sum of FitScorer.Contribution, in the same order.
    private string BuildScore()
    {
        var w = _criteria.Fit.Weights;
        var cost = $"(CASE WHEN p.expected_engagements IS NULL OR {Price} IS NULL OR {Price} <= 0 THEN NULL " +
            $"ELSE (p.expected_engagements / {Price}) / ((p.expected_engagements / {Price}) + {Real("1.0")}) END)";
        var recency = $"(CASE WHEN p.last_posted_at IS NULL THEN NULL ELSE {Least($"{Real("1.0")}", Greatest($"{Real("0.0")}", $"{Real("1.0")} - CAST({Add(_criteria.Fit.Now)} - p.last_posted_at AS {RealType}) / {Real("7776000.0")}"))} END)";
        var parts = new (double Weight, string Value)[]
        {
            (w.Niche, NicheValue),
            (w.Keywords, KeywordValue),
            (w.Audience, AudienceValue),
            (w.Engagement, "p.engagement_percentile"),
            (w.Quality, "p.audience_quality"),
            (w.Cost, cost),
            (w.Recency, recency),
            (w.Safety, "p.safety_score"),
        };
        string? sum = null;
        foreach (var (weight, value) in parts)
        {
            var term = $"{Add(weight)} * COALESCE({value}, {Real("0.5")})";
            sum = sum is null ? term : $"({sum} + {term})";
        }
        return sum!;
    }

    private string RealType => Postgres ? "double precision" : "REAL";

    private string Real(string literal) => Postgres ? $"CAST({literal} AS double precision)" : literal;

    private string Least(string a, string b) => Postgres ? $"LEAST({a}, {b})" : $"MIN({a}, {b})";

    private string Greatest(string a, string b) => Postgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";

    private string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => Add(v)));

    private string Add(object value)
    {
        var name = $"@p{_parameters.Count}";
        _parameters.Add(new(name, value));
        return name;
    }
}
