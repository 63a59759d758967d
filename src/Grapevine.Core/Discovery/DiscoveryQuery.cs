using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery;

/// <summary>
/// One discovery question, the same for the CLI, the API, the UI and every engine. Text terms filter
/// (every word, hashtag and mention must match); the filters narrow; the sort ranks, fit by default.
/// Lists are empty when not filtered on. Parsed and validated by <c>DiscoveryQueryParser</c>.
/// </summary>
public sealed record DiscoveryQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;
    public const int DefaultTagWindowDays = 90;

    /// <summary>How far down the ranking a page may start: the engines rank the top offset + limit to return a page.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>Lower-case word tokens that must all appear in the account's words.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Lower-case hashtags without '#' that the account must have used within <see cref="TagWindowDays"/>.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];

    /// <summary>Lower-case handles without '@' that the account must have mentioned within <see cref="TagWindowDays"/>.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public int TagWindowDays { get; init; } = DefaultTagWindowDays;

    public IReadOnlyList<Platform> Platforms { get; init; } = [];
    public IReadOnlyList<string> Tiers { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>ISO 639-1, lower case.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Niche slugs; an account matches when its score in any of them is at least <see cref="NicheFilterMinScore"/>.</summary>
    public IReadOnlyList<string> Niches { get; init; } = [];

    public const int NicheFilterMinScore = 25;

    public long? MinFollowers { get; init; }
    public long? MaxFollowers { get; init; }

    /// <summary>ER by followers bounds, in percent.</summary>
    public double? MinEngagementRate { get; init; }
    public double? MaxEngagementRate { get; init; }

    /// <summary>Minimum share of real followers, 0–1; accounts with an unknown audience quality are excluded.</summary>
    public double? MinAudienceQuality { get; init; }

    /// <summary>Maximum price in USD of the default deliverable: the workspace's rate card when it has one, else the estimate.</summary>
    public double? MaxPrice { get; init; }

    public int? PostedWithinDays { get; init; }
    public bool HasEmail { get; init; }

    /// <summary>Maximum sponsored share, in percent; unknown passes.</summary>
    public double? MaxSponsoredShare { get; init; }

    public bool? Verified { get; init; }

    /// <summary>
    /// Brand keywords: they rank, they do not filter. Each is one or more word tokens joined by single spaces
    /// ("oat milk"), found in an account when all its tokens are among the account's words. See <see cref="MaxKeywords"/>.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public const int MaxKeywords = 20;
    public const int MaxKeywordTokens = 4;

    /// <summary>What the parser ignored in the question and why, for the answer to say (words that can never match).</summary>
    public IReadOnlyList<QueryNotice> Notices { get; init; } = [];

    public DiscoverySort Sort { get; init; } = DiscoverySort.Fit;
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>How many of the ranked accounts to skip before the <see cref="Limit"/> returned: the next page starts at offset + limit.</summary>
    public int Offset { get; init; }
    public FitWeights Weights { get; init; } = FitWeights.Default;

    /// <summary>What the brand wants; when null, the niche, country and language filters stand for it.</summary>
    public BrandPreferences? Brand { get; init; }
}

/// <summary>The brand side of fit: its niches, the countries and languages of its audience. Its keywords are <see cref="DiscoveryQuery.Keywords"/>.</summary>
public sealed record BrandPreferences(IReadOnlyList<string> Niches, IReadOnlyList<string> Countries, IReadOnlyList<string> Languages);

/// <summary>Something the parser ignored in one field (named as in the API's query string), in a sentence.</summary>
public sealed record QueryNotice(string Field, string Message);

public enum DiscoverySort
{
    Fit,
    Er,
    Followers,
    Price,
    Growth,
}
