using System.Text.Json;
using System.Text.Json.Serialization;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// A discovery question as people type it: every value a string, exactly as it arrived from the API's query
/// string, the Discover page's form or the command line. <see cref="DiscoveryQueryParser"/> turns it into a
/// <see cref="DiscoveryQuery"/>; its errors are keyed by the names in <see cref="DiscoveryFields"/>.
/// </summary>
public sealed record DiscoveryQueryInput
{
    public string? Text { get; init; }
    public string? Platform { get; init; }
    public string? Tier { get; init; }
    public string? Country { get; init; }
    public string? Language { get; init; }
    public string? Niche { get; init; }
    public string? Keywords { get; init; }
    public string? MinFollowers { get; init; }
    public string? MaxFollowers { get; init; }
    public string? MinEr { get; init; }
    public string? MaxEr { get; init; }
    public string? MinAuthenticity { get; init; }
    public string? MaxPrice { get; init; }
    public string? PostedWithin { get; init; }
    public string? HasEmail { get; init; }
    public string? MaxSponsored { get; init; }
    public string? Verified { get; init; }
    public string? Sort { get; init; }
    public string? Limit { get; init; }
    public string? Offset { get; init; }
    public string? TagWindow { get; init; }
    public string? Weights { get; init; }

    /// <summary>
    /// Keys of a JSON body that are not properties. The query-string spellings ("q", "min_followers") count as their
    /// fields and anything else is refused by <see cref="DiscoveryQueryParser"/>: a search object written with the
    /// names of <c>GET /api/v1/search</c> must not lose its filters without a word.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherKeys { get; init; }

    /// <summary>
    /// This input with <see cref="OtherKeys"/> read as their fields (strings, numbers or booleans as typed); an unknown
    /// key or a value that is not a scalar is reported to <paramref name="problem"/> (key, message).
    /// </summary>
    public DiscoveryQueryInput WithOtherKeys(Action<string, string> problem)
    {
        if (OtherKeys is not { Count: > 0 })
            return this;
        var input = this with { OtherKeys = null };
        foreach (var (key, value) in OtherKeys)
        {
            if (!DiscoveryFields.All.Contains(key))
            {
                problem(key, DiscoveryFields.Unknown(key));
                continue;
            }
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => null,
            };
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                problem(key, "expected text, a number or true/false");
            else if (input[key] is null)
                input = input.With(key, text);
        }
        return input;
    }

    /// <summary>The values by field name (the API's query-string names), blanks left out, in <see cref="DiscoveryFields.All"/> order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values()
    {
        foreach (var field in DiscoveryFields.All)
        {
            if (this[field] is { } value && !string.IsNullOrWhiteSpace(value))
                yield return new(field, value.Trim());
        }
    }

    /// <summary>The raw value of a field by its name in <see cref="DiscoveryFields"/>.</summary>
    public string? this[string field] => field switch
    {
        DiscoveryFields.Text => Text,
        DiscoveryFields.Platform => Platform,
        DiscoveryFields.Tier => Tier,
        DiscoveryFields.Country => Country,
        DiscoveryFields.Language => Language,
        DiscoveryFields.Niche => Niche,
        DiscoveryFields.Keywords => Keywords,
        DiscoveryFields.MinFollowers => MinFollowers,
        DiscoveryFields.MaxFollowers => MaxFollowers,
        DiscoveryFields.MinEr => MinEr,
        DiscoveryFields.MaxEr => MaxEr,
        DiscoveryFields.MinAuthenticity => MinAuthenticity,
        DiscoveryFields.MaxPrice => MaxPrice,
        DiscoveryFields.PostedWithin => PostedWithin,
        DiscoveryFields.HasEmail => HasEmail,
        DiscoveryFields.MaxSponsored => MaxSponsored,
        DiscoveryFields.Verified => Verified,
        DiscoveryFields.Sort => Sort,
        DiscoveryFields.Limit => Limit,
        DiscoveryFields.Offset => Offset,
        DiscoveryFields.TagWindow => TagWindow,
        DiscoveryFields.Weights => Weights,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a discovery field."),
    };

    /// <summary>A copy with one field set (null clears it), for links that change one filter.</summary>
    public DiscoveryQueryInput With(string field, string? value) => field switch
    {
        DiscoveryFields.Text => this with { Text = value },
        DiscoveryFields.Platform => this with { Platform = value },
        DiscoveryFields.Tier => this with { Tier = value },
        DiscoveryFields.Country => this with { Country = value },
        DiscoveryFields.Language => this with { Language = value },
        DiscoveryFields.Niche => this with { Niche = value },
        DiscoveryFields.Keywords => this with { Keywords = value },
        DiscoveryFields.MinFollowers => this with { MinFollowers = value },
        DiscoveryFields.MaxFollowers => this with { MaxFollowers = value },
        DiscoveryFields.MinEr => this with { MinEr = value },
        DiscoveryFields.MaxEr => this with { MaxEr = value },
        DiscoveryFields.MinAuthenticity => this with { MinAuthenticity = value },
        DiscoveryFields.MaxPrice => this with { MaxPrice = value },
        DiscoveryFields.PostedWithin => this with { PostedWithin = value },
        DiscoveryFields.HasEmail => this with { HasEmail = value },
        DiscoveryFields.MaxSponsored => this with { MaxSponsored = value },
        DiscoveryFields.Verified => this with { Verified = value },
        DiscoveryFields.Sort => this with { Sort = value },
        DiscoveryFields.Limit => this with { Limit = value },
        DiscoveryFields.Offset => this with { Offset = value },
        DiscoveryFields.TagWindow => this with { TagWindow = value },
        DiscoveryFields.Weights => this with { Weights = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a discovery field."),
    };

    /// <summary>The query string of these values ("q=vegan&amp;tier=micro"), without a leading '?'.</summary>
    public string ToQueryString() =>
        string.Join('&', Values().Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));

    /// <summary>These values for people to read ("tier=nano, micro; country=US"), unescaped.</summary>
    public string Describe() => string.Join("; ", Values().Select(v => $"{v.Key}={v.Value.Trim()}"));

    /// <summary>
    /// Only the values that chose which accounts match (the words and the filters), for people to read: not the sort, page
    /// or ranking (brand keywords, fit weights), which order the same matches.
    /// </summary>
    public string DescribeFilters() => string.Join("; ", Values().Where(v => !RankOnly.Contains(v.Key)).Select(v => $"{v.Key}={v.Value.Trim()}"));

    private static readonly HashSet<string> RankOnly =
        [DiscoveryFields.Sort, DiscoveryFields.Limit, DiscoveryFields.Offset, DiscoveryFields.Keywords, DiscoveryFields.Weights];
}

/// <summary>The names of the discovery fields: the API's query-string parameters, and the keys of parse errors.</summary>
public static class DiscoveryFields
{
    public const string Text = "q";
    public const string Platform = "platform";
    public const string Tier = "tier";
    public const string Country = "country";
    public const string Language = "language";
    public const string Niche = "niche";
    public const string Keywords = "keywords";
    public const string MinFollowers = "min_followers";
    public const string MaxFollowers = "max_followers";
    public const string MinEr = "min_er";
    public const string MaxEr = "max_er";
    public const string MinAuthenticity = "min_authenticity";
    public const string MaxPrice = "max_price";
    public const string PostedWithin = "posted_within";
    public const string HasEmail = "has_email";
    public const string MaxSponsored = "max_sponsored";
    public const string Verified = "verified";
    public const string Sort = "sort";
    public const string Limit = "limit";
    public const string Offset = "offset";
    public const string TagWindow = "tag_window";
    public const string Weights = "weights";

    public static readonly IReadOnlyList<string> All =
    [
        Text, Platform, Tier, Country, Language, Niche, Keywords, MinFollowers, MaxFollowers, MinEr, MaxEr, MinAuthenticity, MaxPrice,
        PostedWithin, HasEmail, MaxSponsored, Verified, Sort, Limit, Offset, TagWindow, Weights,
    ];

    /// <summary>What to say of a parameter that is none of these: the one meant when it is only spelled another way
    /// (minFollowers, min-followers, text), else the list.</summary>
    public static string Unknown(string key)
    {
        var meant = ParameterSpelling.Loose(key) == "text" ? Text : ParameterSpelling.Meant(key, All);
        return meant is not null
            ? $"not a search parameter; did you mean '{meant}'?"
            : $"not a search parameter; the parameters are {string.Join(", ", All)}";
    }

    /// <summary>The command-line option of a field: "min_followers" is "--min-followers"; the text is the TEXT argument.</summary>
    public static string Option(string field) => field == Text ? "TEXT" : "--" + field.Replace('_', '-');
}
