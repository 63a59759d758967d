using Grapevine.Core.Notes;

namespace Grapevine.Core.Catalogue.Browse;

/// <summary>
/// A checked account search: filters (null = any), sort, page size and position. <see cref="Tag"/> is one of the current
/// workspace's own tags (normalised as tags are stored), the only filter that is not about the shared catalogue.
/// </summary>
public sealed record AccountQuery(
    Platform? Platform,
    string? Tier,
    string? Country,
    string? Language,
    string? Category,
    long? MinFollowers,
    long? MaxFollowers,
    AccountSort Sort,
    int Limit,
    AccountCursor? Cursor,
    string? Tag = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Tier names of the default scheme (DESIGN.md), the values stored in <see cref="Account.Tier"/>.</summary>
    public static readonly IReadOnlyList<string> Tiers = ["emerging", "nano", "micro", "macro", "mega"];

    public static AccountQuery All { get; } = new(null, null, null, null, null, null, null, AccountSort.Default, DefaultLimit, null);

    /// <summary>The query-string names of <see cref="AccountSearchRequest"/>'s fields, as the accounts API takes them.</summary>
    public static readonly IReadOnlyList<string> ParameterNames =
        ["platform", "tier", "country", "language", "category", "tag", "minFollowers", "maxFollowers", "sort", "limit", "cursor"];

    /// <summary>Why <paramref name="key"/> is refused, with the name meant when it is only spelt differently (min_followers).</summary>
    public static string UnknownParameter(string key)
    {
        return ParameterSpelling.Meant(key, ParameterNames) is { } meant
            ? $"not a parameter of this list; did you mean '{meant}'?"
            : $"not a parameter of this list; the parameters are {string.Join(", ", ParameterNames)}";
    }

    public bool HasFilters =>
        Platform is not null || Tier is not null || Country is not null || Language is not null || Category is not null || Tag is not null
        || MinFollowers is not null || MaxFollowers is not null;

    /// <summary>
    /// Checks a request. On failure <paramref name="errors"/> names each bad field (by its
    /// query-string name) with a message that says what is accepted.
    /// </summary>
    public static bool TryCreate(AccountSearchRequest request, out AccountQuery query, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string field, string message) => found[field] = [message];

        Platform? platform = null;
        if (Blank(request.Platform) is { } platformText)
        {
            if (CatalogueNames.TryParsePlatform(platformText, out var p))
                platform = p;
            else
                Fail("platform", $"unknown platform '{platformText}'; one of {string.Join(", ", CatalogueNames.Platforms)}");
        }

        var tier = Blank(request.Tier)?.ToLowerInvariant();
        if (tier is not null && !Tiers.Contains(tier))
            Fail("tier", $"unknown tier '{request.Tier!.Trim()}'; one of {string.Join(", ", Tiers)}");

        var country = Blank(request.Country)?.ToUpperInvariant();
        if (country is not null && CountryCodes.Problem(request.Country!.Trim()) is { } countryProblem)
            Fail("country", countryProblem);

        var language = Blank(request.Language)?.ToLowerInvariant();
        if (language is not null && LanguageCodes.Problem(request.Language!.Trim()) is { } languageProblem)
            Fail("language", languageProblem);

        var category = Blank(request.Category)?.ToLowerInvariant();
        if (category is not null && category.Length > 64)
            Fail("category", "must be at most 64 characters");

        string? tag = null;
        if (Blank(request.Tag) is { } tagText)
        {
            try
            {
                tag = NoteService.NormalizeTag(tagText);
            }
            catch (ArgumentException)
            {
                Fail("tag", "a tag has 1 to 50 letters, digits or dashes");
            }
        }

        if (request.MinFollowers < 0)
            Fail("minFollowers", "must be 0 or more");
        if (request.MaxFollowers < 0)
            Fail("maxFollowers", "must be 0 or more");
        if (request.MinFollowers >= 0 && request.MaxFollowers >= 0 && request.MinFollowers > request.MaxFollowers)
            Fail("minFollowers", $"minFollowers ({request.MinFollowers}) is more than maxFollowers ({request.MaxFollowers})");

        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
            Fail("limit", $"must be between 1 and {MaxLimit}; got {limit}");

        if (!AccountSort.TryParse(request.Sort, out var sort))
            Fail("sort", $"unknown sort '{request.Sort!.Trim()}'; one of {string.Join(", ", AccountSort.FieldNames)}, with a leading '-' for descending (e.g. -followers)");

        AccountCursor? cursor = null;
        if (Blank(request.Cursor) is { } cursorText)
        {
            if (!AccountCursor.TryDecode(cursorText, out cursor))
                Fail("cursor", "malformed cursor; pass the nextCursor or previousCursor of a previous page unchanged");
            else if (!found.ContainsKey("sort") && cursor!.Sort != sort)
                Fail("cursor", $"this cursor belongs to sort '{cursor.Sort}', not '{sort}'; keep the sort while paging or start again without a cursor");
        }

        errors = found;
        query = new AccountQuery(platform, tier, country, language, category, request.MinFollowers, request.MaxFollowers, sort, limit, cursor, tag);
        return found.Count == 0;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
