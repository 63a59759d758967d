using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// Checks a <see cref="CampaignInput"/> and writes it onto a campaign. Refused values throw a <see cref="CampaignInputException"/>
/// naming each API field, so the API, the form and the CLI point at the same things.
/// </summary>
public static class CampaignRules
{
    public const int MaxName = 200;
    public const int MaxBrandValues = 2000;
    public const int MaxListItems = 50;
    public const int MaxItemLength = 100;
    public const int MaxDeliverableCount = 20;
    public const decimal MaxBudget = 1_000_000_000m;
    public const decimal MaxPrice = 10_000_000m;
    public const int MinAge = 13;
    public const int MaxAge = 100;

    private static readonly string[] GoalNames = ["awareness", "engagement", "sales", "content"];

    private static readonly string[] DecisionNames = ["open", "mustinclude", "excluded"];

    public static IReadOnlyList<string> Goals => GoalNames;

    public static IReadOnlyList<string> Decisions => DecisionNames;

    public static string GoalName(CampaignGoal goal) => Goals[(int)goal];

    public static string DecisionName(CandidateDecision decision) => Decisions[(int)decision];

    /// <summary>What a first test's result counts for a campaign with this goal, as a column heading names it ("revenue, EUR").</summary>
    public static string TestResultUnit(string goal, string currency) => goal switch
    {
        "awareness" => "people reached",
        "engagement" => "engagements",
        "sales" => "revenue, " + currency.ToUpperInvariant(),
        "content" => "pieces of content",
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Unknown goal."),
    };

    public static bool TryParseGoal(string? text, out CampaignGoal goal)
    {
        var index = Array.IndexOf(GoalNames, text?.Trim().ToLowerInvariant());
        goal = index < 0 ? default : (CampaignGoal)index;
        return index >= 0;
    }

    public static bool TryParseDecision(string? text, out CandidateDecision decision)
    {
        var index = Array.IndexOf(DecisionNames, text?.Trim().ToLowerInvariant().Replace("_", "").Replace("-", "").Replace(" ", ""));
        decision = index < 0 ? default : (CandidateDecision)index;
        return index >= 0;
    }

    /// <summary>
    /// Validates <paramref name="input"/> and copies it onto <paramref name="campaign"/>; refused values throw one
    /// <see cref="CampaignInputException"/> naming every refused field.
    /// </summary>
    public static void Apply(CampaignInput input, Campaign campaign)
    {
        var errors = new FieldErrors();
        campaign.Name = errors.Check(() => Required(input.Name, "name", "A campaign name"), "");
        campaign.Brand = errors.Check(() => Required(input.Brand, "brand", "A brand name"), "");
        campaign.BrandValues = errors.Check(() => Optional(input.BrandValues, MaxBrandValues, "brandValues", "Brand values"), null);
        campaign.BrandNiches = errors.Check(() => Items(input.BrandNiches, "brandNiches", Niche), []);
        campaign.BrandKeywords = errors.Check(() => Items(input.BrandKeywords, "brandKeywords", k => k), []);
        campaign.Competitors = errors.Check(() => Items(input.Competitors, "competitors", c => c.TrimStart('@').ToLowerInvariant()), []);

        campaign.Goal = errors.Check(() => string.IsNullOrWhiteSpace(input.Goal)
            ? throw new ArgumentException($"A goal is required: one of {string.Join(", ", Goals)}.", "goal")
            : TryParseGoal(input.Goal, out var goal)
                ? goal
                : throw new ArgumentException($"Unknown goal '{input.Goal}'; one of {string.Join(", ", Goals)}.", "goal"), default);

        campaign.Budget = errors.Check(() => input.Budget switch
        {
            null => throw new ArgumentException("A budget is required.", "budget"),
            <= 0 => throw new ArgumentException("The budget is more than 0.", "budget"),
            > MaxBudget => throw new ArgumentException($"The budget is at most {MaxBudget:N0}.", "budget"),
            { } b => Cents(b, "budget"),
        }, 0);
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? "USD" : input.Currency.Trim().ToUpperInvariant();
        campaign.Currency = errors.Check(() => currency.Length == 3 && currency.All(char.IsAsciiLetter)
            ? currency
            : throw new ArgumentException($"'{input.Currency}' is not a three-letter currency code (ISO 4217, e.g. USD, EUR).", "currency"), "USD");

        errors.Check(() =>
        {
            if (input.StartsOn is { } starts && input.EndsOn is { } ends && ends < starts)
                throw new ArgumentException($"The campaign ends ({ends:yyyy-MM-dd}) before it starts ({starts:yyyy-MM-dd}).", "endsOn");
        });
        (campaign.StartsOn, campaign.EndsOn) = (input.StartsOn, input.EndsOn);

        campaign.Platforms = errors.Check(() => Items(input.Platforms, "platforms", p => CatalogueNames.TryParsePlatform(p, out var platform)
            ? platform.Name()
            : throw new FormatException($"unknown platform '{p}'; one of {string.Join(", ", CatalogueNames.Platforms)}")), []);
        campaign.TargetCountries = errors.Check(() => Items(input.TargetCountries, "targetCountries", Country), []);
        campaign.TargetLanguages = errors.Check(() => Items(input.TargetLanguages, "targetLanguages", Language), []);
        campaign.TargetAgeMin = errors.Check(() => Age(input.TargetAgeMin, "targetAgeMin"), null);
        campaign.TargetAgeMax = errors.Check(() => Age(input.TargetAgeMax, "targetAgeMax"), null);
        errors.Check(() =>
        {
            if (campaign.TargetAgeMin > campaign.TargetAgeMax)
                throw new ArgumentException($"The youngest age ({campaign.TargetAgeMin}) is more than the oldest ({campaign.TargetAgeMax}).", "targetAgeMax");
        });
        campaign.TargetGender = errors.Check(() => Optional(input.TargetGender, 32, "targetGender", "A gender")?.ToLowerInvariant(), null);
        campaign.TargetInterests = errors.Check(() => Items(input.TargetInterests, "targetInterests", i => i), []);
        campaign.Deliverables = ValidDeliverables(input.Deliverables, campaign.Platforms, errors);

        campaign.KpiImpressions = errors.Check(() => NotNegative(input.KpiImpressions, "kpiImpressions"), null);
        campaign.KpiReach = errors.Check(() => NotNegative(input.KpiReach, "kpiReach"), null);
        campaign.KpiEngagements = errors.Check(() => NotNegative(input.KpiEngagements, "kpiEngagements"), null);
        campaign.KpiClicks = errors.Check(() => NotNegative(input.KpiClicks, "kpiClicks"), null);
        campaign.KpiConversions = errors.Check(() => NotNegative(input.KpiConversions, "kpiConversions"), null);
        campaign.KpiRevenue = errors.Check(() => Money(input.KpiRevenue, MaxBudget, "kpiRevenue"), null);
        campaign.ProductCost = errors.Check(() => Money(input.ProductCost, MaxPrice, "productCost"), null);
        campaign.ClickThroughRate = errors.Check(() => Rate(input.ClickThroughRate, "clickThroughRate"), null);
        campaign.ConversionRate = errors.Check(() => Rate(input.ConversionRate, "conversionRate"), null);
        campaign.AverageOrderValue = errors.Check(() => Money(input.AverageOrderValue, MaxPrice, "averageOrderValue"), null);
        campaign.FirstTest = input.FirstTest ?? false;
        errors.ThrowIfAny();
    }

    /// <summary>The input that recreates <paramref name="campaign"/> as it is (for edit forms and partial changes).</summary>
    public static CampaignInput ToInput(CampaignDetails campaign) => new()
    {
        Name = campaign.Name,
        Brand = campaign.Brand,
        BrandValues = campaign.BrandValues,
        BrandNiches = campaign.BrandNiches,
        BrandKeywords = campaign.BrandKeywords,
        Competitors = campaign.Competitors,
        Goal = campaign.Goal,
        Budget = campaign.Budget,
        Currency = campaign.Currency,
        StartsOn = campaign.StartsOn,
        EndsOn = campaign.EndsOn,
        Platforms = campaign.Platforms,
        TargetCountries = campaign.TargetCountries,
        TargetLanguages = campaign.TargetLanguages,
        TargetAgeMin = campaign.TargetAgeMin,
        TargetAgeMax = campaign.TargetAgeMax,
        TargetGender = campaign.TargetGender,
        TargetInterests = campaign.TargetInterests,
        Deliverables = [.. campaign.Deliverables.Select(d => new CampaignDeliverableInput(d.Deliverable, d.Count))],
        KpiImpressions = campaign.KpiImpressions,
        KpiReach = campaign.KpiReach,
        KpiEngagements = campaign.KpiEngagements,
        KpiClicks = campaign.KpiClicks,
        KpiConversions = campaign.KpiConversions,
        KpiRevenue = campaign.KpiRevenue,
        ProductCost = campaign.ProductCost,
        ClickThroughRate = campaign.ClickThroughRate,
        ConversionRate = campaign.ConversionRate,
        AverageOrderValue = campaign.AverageOrderValue,
        FirstTest = campaign.FirstTest,
    };

    private static string Required(string? text, string field, string what) =>
        Optional(text, MaxName, field, what) ?? throw new ArgumentException($"{what} is required.", field);

    private static string? Optional(string? text, int max, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        return text.Length <= max ? text : throw new ArgumentException($"{what} has at most {max:N0} characters.", field);
    }

    private static List<string> Items(IReadOnlyList<string>? items, string field, Func<string, string> parse)
    {
        var values = new List<string>();
        foreach (var raw in items ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            var item = raw.Trim();
            if (item.Length > MaxItemLength)
                throw new ArgumentException($"'{TextCut.Prefix(item, 20)}…' is longer than {MaxItemLength} characters.", field);
            try
            {
                item = parse(item);
            }
            catch (FormatException e)
            {
                throw new ArgumentException(Capitalised(e.Message) + ".", field);
            }
            if (!values.Contains(item, StringComparer.OrdinalIgnoreCase))
                values.Add(item);
        }
        return values.Count <= MaxListItems ? values : throw new ArgumentException($"At most {MaxListItems} values.", field);
    }

    private static string Niche(string item)
    {
        var slug = item.ToLowerInvariant().Replace(' ', '-');
        return NicheTaxonomy.Default.Contains(slug)
            ? slug
            : NicheTaxonomy.Default.MapCategory(item)
                ?? throw new FormatException($"unknown niche '{item}'; one of {string.Join(", ", NicheTaxonomy.Default.Niches.Select(n => n.Slug))}");
    }

    private static string Country(string item) => item.Length == 2 && item.All(char.IsAsciiLetter)
        ? item.ToUpperInvariant()
        : throw new FormatException($"'{item}' is not a two-letter country code (ISO 3166-1, e.g. US, DE)");

    private static string Language(string item) => item.Length == 2 && item.All(char.IsAsciiLetter)
        ? item.ToLowerInvariant()
        : throw new FormatException($"'{item}' is not a two-letter language code (ISO 639-1, e.g. en, de)");

    private static int? Age(int? age, string field) => age is null or (>= MinAge and <= MaxAge)
        ? age
        : throw new ArgumentException($"An age is between {MinAge} and {MaxAge}; got {age}.", field);

    private static long? NotNegative(long? value, string field) => value is null or >= 0
        ? value
        : throw new ArgumentException("A KPI target is 0 or more.", field);

    private static decimal? Money(decimal? value, decimal max, string field) => value switch
    {
        null => null,
        < 0 => throw new ArgumentException("The amount is 0 or more.", field),
        { } v when v > max => throw new ArgumentException($"The amount is at most {max:N0}.", field),
        { } v => Cents(v, field),
    };

    private static decimal Cents(decimal value, string field) => decimal.Round(value, 2) == value
        ? value
        : throw new ArgumentException("An amount has at most two decimals (cents).", field);

    private static double? Rate(double? value, string field) => value is null or (>= 0 and <= 1)
        ? value
        : throw new ArgumentException($"A rate is between 0 and 1 (0.02 is 2%); got {value}.", field);

    private static List<CampaignDeliverable> ValidDeliverables(IReadOnlyList<CampaignDeliverableInput>? rows, List<string> platforms, FieldErrors errors)
    {
        var deliverables = new List<CampaignDeliverable>();
        foreach (var (row, i) in (rows ?? []).Select((r, i) => (r, i)))
        {
            var field = $"deliverables[{i}]";
            var known = errors.Check(() =>
            {
                var name = row.Deliverable?.Trim().ToLowerInvariant();
                var known = Deliverables.Find(name)
                    ?? throw new ArgumentException(
                        $"Unknown deliverable '{row.Deliverable}'; one of {string.Join(", ", Deliverables.All.Select(d => d.Name))}.", field + ".deliverable");
                if (platforms.Count > 0 && !platforms.Contains(known.Platform.Name()))
                    throw new ArgumentException($"{known.Label} is not on the campaign's platforms ({string.Join(", ", platforms)}).", field + ".deliverable");
                return deliverables.Any(d => d.Deliverable == known.Name)
                    ? throw new ArgumentException($"{known.Name} is listed twice; give it one count.", field + ".deliverable")
                    : known;
            }, null);
            var count = errors.Check(() => (row.Count ?? 1) is >= 1 and <= MaxDeliverableCount
                ? row.Count ?? 1
                : throw new ArgumentException($"A count is between 1 and {MaxDeliverableCount}; got {row.Count}.", field + ".count"), 0);
            if (known is not null && count > 0)
                deliverables.Add(new CampaignDeliverable { Deliverable = known.Name, Count = count });
        }
        return deliverables;
    }

    private static string Capitalised(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}
