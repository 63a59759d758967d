using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// Turns what people type (<see cref="DiscoveryQueryInput"/>) into a <see cref="DiscoveryQuery"/>, the same way for the
/// API, the Discover page and the CLI. Every problem names its field; all of them are reported at once.
/// </summary>
public static partial class DiscoveryQueryParser
{
    public const int MaxDays = 3650;

    public static readonly IReadOnlyList<string> Tiers = [.. TierScheme.Default.Bands.Select(b => b.Name)];

    public static readonly IReadOnlyList<string> Sorts = ["fit", "er", "followers", "price", "growth"];

    private static readonly string[] WeightNameArray = ["niche", "keywords", "audience", "engagement", "quality", "cost", "recency", "safety"];

    public static IReadOnlyList<string> WeightNames => WeightNameArray;

    /// <summary>
    /// Parses or throws a <see cref="DiscoveryQueryException"/> with every problem. Niches are those of
    /// <paramref name="taxonomy"/> (the shipped one by default), by slug, name or category alias.
    /// </summary>
    public static DiscoveryQuery Parse(DiscoveryQueryInput input, NicheTaxonomy? taxonomy = null) =>
        TryParse(input, out var query, out var errors, taxonomy) ? query : throw new DiscoveryQueryException(errors);

    public static bool TryParse(DiscoveryQueryInput input, out DiscoveryQuery query, out Dictionary<string, string[]> errors, NicheTaxonomy? taxonomy = null)
    {
        taxonomy ??= NicheTaxonomy.Default;
        var problems = new Problems();
        input = input.WithOtherKeys(problems.Add);

        var text = QueryText.Parse(input.Text, problems.For(DiscoveryFields.Text));
        var platforms = List(input.Platform, DiscoveryFields.Platform, problems, item =>
            CatalogueNames.TryParsePlatform(item, out var p) ? p : Fail<Platform>($"unknown platform '{item}'; one of {string.Join(", ", CatalogueNames.Platforms)}"));
        var tiers = List(input.Tier, DiscoveryFields.Tier, problems, item =>
            Tiers.FirstOrDefault(t => t.Equals(item, StringComparison.OrdinalIgnoreCase)) ?? Fail<string>($"unknown tier '{item}'; one of {string.Join(", ", Tiers)}"));
        var countries = List(input.Country, DiscoveryFields.Country, problems, Country);
        var languages = List(input.Language, DiscoveryFields.Language, problems, Language);
        var niches = List(input.Niche, DiscoveryFields.Niche, problems, item => Niche(item, taxonomy));

        var minFollowers = Value(input.MinFollowers, DiscoveryFields.MinFollowers, problems, Count);
        var maxFollowers = Value(input.MaxFollowers, DiscoveryFields.MaxFollowers, problems, Count);
        var minEr = Value(input.MinEr, DiscoveryFields.MinEr, problems, Percent);
        var maxEr = Value(input.MaxEr, DiscoveryFields.MaxEr, problems, Percent);
        var minAuthenticity = Value(input.MinAuthenticity, DiscoveryFields.MinAuthenticity, problems, Percent);
        var maxPrice = Value(input.MaxPrice, DiscoveryFields.MaxPrice, problems, Price);
        var postedWithin = Value(input.PostedWithin, DiscoveryFields.PostedWithin, problems, Days);
        var hasEmail = Value(input.HasEmail, DiscoveryFields.HasEmail, problems, Bool);
        var maxSponsored = Value(input.MaxSponsored, DiscoveryFields.MaxSponsored, problems, Percent);
        var verified = Value(input.Verified, DiscoveryFields.Verified, problems, Bool);
        var sort = Value(input.Sort, DiscoveryFields.Sort, problems, Sort);
        var limit = Value(input.Limit, DiscoveryFields.Limit, problems, Limit);
        var offset = Value(input.Offset, DiscoveryFields.Offset, problems, Offset);
        var tagWindow = Value(input.TagWindow, DiscoveryFields.TagWindow, problems, Days);
        var ignoredKeywords = new List<IgnoredWord>();
        var keywords = Keywords(input.Keywords, problems, ignoredKeywords);
        var weights = Weights(input.Weights, problems, keywords.Count > 0);

        if (minFollowers > maxFollowers)
            problems.Add(DiscoveryFields.MinFollowers, $"{minFollowers:N0} is more than the maximum ({maxFollowers:N0})");
        if (minEr > maxEr)
            problems.Add(DiscoveryFields.MinEr, $"{Number(minEr!.Value)}% is more than the maximum ({Number(maxEr!.Value)}%)");

        errors = problems.ToDictionary();
        query = new DiscoveryQuery
        {
            Words = text.Words,
            Hashtags = text.Hashtags,
            Mentions = text.Mentions,
            TagWindowDays = tagWindow ?? DiscoveryQuery.DefaultTagWindowDays,
            Platforms = platforms,
            Tiers = tiers,
            Countries = countries,
            Languages = languages,
            Niches = niches,
            MinFollowers = minFollowers,
            MaxFollowers = maxFollowers,
            MinEngagementRate = minEr,
            MaxEngagementRate = maxEr,
            MinAudienceQuality = minAuthenticity / 100,
            MaxPrice = maxPrice,
            PostedWithinDays = postedWithin,
            HasEmail = hasEmail ?? false,
            MaxSponsoredShare = maxSponsored,
            Verified = verified,
            Sort = sort ?? DiscoverySort.Fit,
            Limit = limit ?? DiscoveryQuery.DefaultLimit,
            Offset = offset ?? 0,
            Weights = weights ?? FitWeights.Default,
            Keywords = keywords,
            Notices = [.. QueryText.Notices(DiscoveryFields.Text, text.Ignored), .. QueryText.Notices(DiscoveryFields.Keywords, ignoredKeywords)],
        };
        return errors.Count == 0;
    }

    /// <summary>The name of a sort as the API and CLI spell it.</summary>
    public static string SortName(DiscoverySort sort) => Sorts[(int)sort];

    /// <summary>Weights written as the weights field takes them: "niche=0.3,keywords=0.2,audience=0.1,…".</summary>
    public static string WeightsText(FitWeights w) => string.Join(',',
        new[] { w.Niche, w.Keywords, w.Audience, w.Engagement, w.Quality, w.Cost, w.Recency, w.Safety }.Select((v, i) => $"{WeightNames[i]}={Number(v)}"));

    /// <summary>
    /// Brand keywords as the engines take them: each item of a comma list cut into its searchable words (at most
    /// <see cref="DiscoveryQuery.MaxKeywordTokens"/>), joined by single spaces; words no profile can hold are left out
    /// (added to <paramref name="ignored"/>), and so is an item left with none. Campaigns use this for their keywords too.
    /// </summary>
    public static List<string> KeywordsOf(IEnumerable<string> items, List<IgnoredWord> ignored, List<string>? problems = null)
    {
        var keywords = new List<string>();
        foreach (var item in items)
        {
            var before = ignored.Count;
            var words = QueryText.SearchableWords(item, ignored);
            if (words.Count == 0 && ignored.Count == before && !string.IsNullOrWhiteSpace(item))
                ignored.Add(new IgnoredWord(item.Trim(), IgnoredReason.Symbols));
            if (words.Count > DiscoveryQuery.MaxKeywordTokens)
            {
                problems?.Add($"'{item.Trim()}' has {words.Count} words; a keyword has at most {DiscoveryQuery.MaxKeywordTokens}");
                continue;
            }
            var keyword = string.Join(' ', words);
            if (keyword.Length > 0 && !keywords.Contains(keyword))
                keywords.Add(keyword);
        }
        return keywords;
    }

    private static List<string> Keywords(string? text, Problems problems, List<IgnoredWord> ignored)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        if (text.Length > QueryText.MaxLength)
        {
            problems.Add(DiscoveryFields.Keywords, $"is {text.Length:N0} characters long; at most {QueryText.MaxLength:N0}");
            return [];
        }
        var messages = problems.For(DiscoveryFields.Keywords);
        var keywords = KeywordsOf(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), ignored, messages);
        if (keywords.Count > DiscoveryQuery.MaxKeywords)
            messages.Add($"has {keywords.Count} keywords; at most {DiscoveryQuery.MaxKeywords}");
        return keywords;
    }

    private static List<T> List<T>(string? text, string field, Problems problems, Func<string, T> parse)
    {
        var values = new List<T>();
        if (string.IsNullOrWhiteSpace(text))
            return values;
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                var value = parse(item);
                if (!values.Contains(value))
                    values.Add(value);
            }
            catch (FormatException e)
            {
                problems.Add(field, e.Message);
            }
        }
        return values;
    }

    private static T? Value<T>(string? text, string field, Problems problems, Func<string, T> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return parse(text.Trim());
        }
        catch (FormatException e)
        {
            problems.Add(field, e.Message);
            return null;
        }
    }

    private static T Fail<T>(string message) => throw new FormatException(message);

    private static string Country(string item) =>
        CountryCodes.Problem(item) is { } problem ? Fail<string>(problem) : item.ToUpperInvariant();

    private static string Language(string item) =>
        LanguageCodes.Problem(item) is { } problem ? Fail<string>(problem) : item.ToLowerInvariant();

    // "Home & Interior", "home-interior" and an alias such as "interior design" name the same niche.
    private static string Niche(string item, NicheTaxonomy taxonomy)
    {
        var slug = NotSlug().Replace(item.ToLowerInvariant(), "-").Trim('-');
        if (taxonomy.Contains(slug))
            return slug;
        return taxonomy.MapCategory(item)
            ?? Fail<string>($"unknown niche '{item}'; one of {string.Join(", ", taxonomy.Niches.Select(n => n.Slug))}");
    }

    private static long Count(string text) =>
        FollowerCount.TryParse(text, out var count, out var problem) ? count : Fail<long>(problem);

    private static double Percent(string text)
    {
        var clean = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (!double.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value))
            return Fail<double>($"'{text}' is not a percentage (e.g. 2.5 or 2.5%)");
        return value is >= 0 and <= 100 ? value : Fail<double>($"is a percentage between 0 and 100; got {text}");
    }

    private static double Price(string text)
    {
        var clean = text.TrimStart('$').Replace(",", "").Trim();
        if (clean.EndsWith("usd", StringComparison.OrdinalIgnoreCase))
            clean = clean[..^3].TrimEnd();
        if (!double.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value))
            return Fail<double>($"'{text}' is not a price in US dollars (e.g. 300 or $300)");
        if (value <= 0)
            return Fail<double>($"must be more than 0; got {text}");
        return double.IsFinite(value) ? value : Fail<double>($"'{text}' is more than any price; leave it out for no maximum");
    }

    private static int Days(string text)
    {
        var clean = text.EndsWith('d') || text.EndsWith('D') ? text[..^1].TrimEnd() : text;
        if (!BigInteger.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            return Fail<int>($"'{text}' is not a whole number of days");
        return days >= 1 && days <= MaxDays ? (int)days : Fail<int>($"is between 1 and {MaxDays} days; got {text}");
    }

    private static bool Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => Fail<bool>($"'{text}' is not true or false"),
    };

    private static DiscoverySort Sort(string text) => text.ToLowerInvariant() switch
    {
        "fit" => DiscoverySort.Fit,
        "er" or "engagement" => DiscoverySort.Er,
        "followers" => DiscoverySort.Followers,
        "price" => DiscoverySort.Price,
        "growth" => DiscoverySort.Growth,
        _ => Fail<DiscoverySort>($"unknown sort '{text}'; one of {string.Join(", ", Sorts)}"),
    };

    private static int Limit(string text)
    {
        // A whole number too large for an int is still a whole number: out of range, not "not a number".
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
            return Fail<int>($"'{text}' is not a whole number");
        if (limit > DiscoveryQuery.MaxLimit)
            return Fail<int>($"is at most {DiscoveryQuery.MaxLimit}; got {limit}");
        return limit >= 1 ? (int)limit : Fail<int>($"is between 1 and {DiscoveryQuery.MaxLimit}; got {limit}");
    }

    private static int Offset(string text)
    {
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
            return Fail<int>($"'{text}' is not a whole number");
        return offset >= 0 && offset <= DiscoveryQuery.MaxOffset
            ? (int)offset
            : Fail<int>($"is between 0 and {DiscoveryQuery.MaxOffset:N0}; got {offset}");
    }

    private static FitWeights? Weights(string? text, Problems problems, bool hasKeywords)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return Weights(text.Trim(), hasKeywords);
        }
        catch (FormatException e)
        {
            problems.Add(DiscoveryFields.Weights, e.Message);
            return null;
        }
    }

    // The keywords weight only counts towards "at least one above 0" when the search names keywords.
    private static FitWeights Weights(string text, bool hasKeywords)
    {
        var values = new double?[WeightNames.Count];
        var problems = new List<string>();
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(['=', ':'], 2, StringSplitOptions.TrimEntries);
            var index = parts.Length == 2 ? Array.IndexOf(WeightNameArray, parts[0].ToLowerInvariant()) : -1;
            if (parts.Length != 2 || index < 0)
            {
                problems.Add($"'{pair}' is not name=weight with a name among {string.Join(", ", WeightNames)}");
                continue;
            }
            if (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weight)
                || !double.IsFinite(weight) || weight < 0 || weight > 1000)
                problems.Add($"the weight of {parts[0]} is a number from 0 to 1000; got '{parts[1]}'");
            else if (values[index] is not null)
                problems.Add($"{parts[0]} is given twice");
            else
                values[index] = weight;
        }
        if (problems.Count > 0)
            return Fail<FitWeights>(string.Join("; ", problems));
        var d = FitWeights.Default;
        var weights = new FitWeights(
            Niche: values[0] ?? d.Niche, Keywords: values[1] ?? d.Keywords, Audience: values[2] ?? d.Audience, Engagement: values[3] ?? d.Engagement,
            Quality: values[4] ?? d.Quality, Cost: values[5] ?? d.Cost, Recency: values[6] ?? d.Recency, Safety: values[7] ?? d.Safety);
        var total = weights.Niche + (hasKeywords ? weights.Keywords : 0) + weights.Audience + weights.Engagement + weights.Quality + weights.Cost + weights.Recency + weights.Safety;
        return total > 0 ? weights : Fail<FitWeights>("at least one weight must be above 0");
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private sealed class Problems
    {
        private readonly Dictionary<string, List<string>> _byField = [];

        public List<string> For(string field)
        {
            if (!_byField.TryGetValue(field, out var list))
                _byField[field] = list = [];
            return list;
        }

        public void Add(string field, string message) => For(field).Add(message);

        public Dictionary<string, string[]> ToDictionary() =>
            _byField.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
