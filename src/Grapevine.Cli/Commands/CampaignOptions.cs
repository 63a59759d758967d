using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Data;

namespace Grapevine.Cli.Commands;

/// <summary>
/// The set-up options of <c>grapevine campaign create</c> and <c>edit</c>: one per <see cref="CampaignInput"/> field, so an
/// option the service refuses can be named by the field the service names.
/// </summary>
internal sealed class CampaignOptions
{
    private readonly List<Setting> settings = [];

    public CampaignOptions()
    {
        Add("name", new Option<string?>("--name") { Description = "The campaign's name." }, (i, v) => i with { Name = v });
        Add("brand", new Option<string?>("--brand") { Description = "The brand it is for." }, (i, v) => i with { Brand = v });
        Add("brandValues", new Option<string?>("--brand-values") { Description = "What the brand stands for, in words." }, (i, v) => i with { BrandValues = v });
        Add("brandNiches", List("--niches", "The brand's niches, comma separated (fitness,food)."), (i, v) => i with { BrandNiches = Split(v) });
        Add("brandKeywords", List("--keywords", "Brand keywords, comma separated."), (i, v) => i with { BrandKeywords = Split(v) });
        Add("competitors", List("--competitors", "Competitor handles, comma separated (oatly,alpro)."), (i, v) => i with { Competitors = Split(v) });
        Add("goal", new Option<string?>("--goal") { Description = $"What the plan maximises: {string.Join(", ", CampaignRules.Goals)}." }, (i, v) => i with { Goal = v });
        Add("budget", new Option<decimal?>("--budget") { Description = "The budget (at most two decimals)." }, (i, v) => i with { Budget = v });
        Add("currency", new Option<string?>("--currency") { Description = "ISO 4217 code (default USD; prices and forecasts are in US dollars)." }, (i, v) => i with { Currency = v });
        Add("startsOn", new Option<DateOnly?>("--starts") { Description = "First day, YYYY-MM-DD." }, (i, v) => i with { StartsOn = v });
        Add("endsOn", new Option<DateOnly?>("--ends") { Description = "Last day, YYYY-MM-DD." }, (i, v) => i with { EndsOn = v });
        Add("platforms", List("--platforms", "Platforms, comma separated: instagram, tiktok, youtube, x, facebook, twitch, pinterest."), (i, v) => i with { Platforms = Split(v) });
        Add("targetCountries", List("--countries", "Target countries, two-letter codes, comma separated (DE,AT)."), (i, v) => i with { TargetCountries = Split(v) });
        Add("targetLanguages", List("--languages", "Target languages, two-letter codes, comma separated (de,en)."), (i, v) => i with { TargetLanguages = Split(v) });
        Add("targetAgeMin", new Option<int?>("--age-min") { Description = $"Youngest target age ({CampaignRules.MinAge}–{CampaignRules.MaxAge})." }, (i, v) => i with { TargetAgeMin = v });
        Add("targetAgeMax", new Option<int?>("--age-max") { Description = "Oldest target age." }, (i, v) => i with { TargetAgeMax = v });
        Add("targetGender", new Option<string?>("--gender") { Description = "Target gender (female, male …); empty for any." }, (i, v) => i with { TargetGender = v });
        Add("targetInterests", List("--interests", "Target interests, comma separated."), (i, v) => i with { TargetInterests = Split(v) });
        Add("deliverables", new Option<string[]?>("--deliverable")
        {
            Description = $"What each creator publishes, NAME=COUNT (instagram_post=1, tiktok_video=2; count 1–{CampaignRules.MaxDeliverableCount}); repeat for more. " +
                "Given at all, the list replaces the campaign's.",
        }, (i, v) => i with { Deliverables = Deliverables(v) });
        Add("kpiImpressions", new Option<long?>("--kpi-impressions") { Description = "Impressions target." }, (i, v) => i with { KpiImpressions = v });
        Add("kpiReach", new Option<long?>("--kpi-reach") { Description = "Reach target." }, (i, v) => i with { KpiReach = v });
        Add("kpiEngagements", new Option<long?>("--kpi-engagements") { Description = "Engagements target." }, (i, v) => i with { KpiEngagements = v });
        Add("kpiClicks", new Option<long?>("--kpi-clicks") { Description = "Clicks target." }, (i, v) => i with { KpiClicks = v });
        Add("kpiConversions", new Option<long?>("--kpi-conversions") { Description = "Conversions target." }, (i, v) => i with { KpiConversions = v });
        Add("kpiRevenue", new Option<decimal?>("--kpi-revenue") { Description = "Revenue target." }, (i, v) => i with { KpiRevenue = v });
        Add("productCost", new Option<decimal?>("--product-cost") { Description = "What gifting one creator costs (product and shipping); nano creators who accept gifting may then be gifted." }, (i, v) => i with { ProductCost = v });
        Add("clickThroughRate", new Option<double?>("--ctr") { Description = "Click-through rate as a fraction (0.01 is 1%); default: the reference figure." }, (i, v) => i with { ClickThroughRate = v });
        Add("conversionRate", new Option<double?>("--cvr") { Description = "Conversion rate of clicks to orders as a fraction (0.02 is 2%)." }, (i, v) => i with { ConversionRate = v });
        Add("averageOrderValue", new Option<decimal?>("--aov") { Description = "Average order value in US dollars." }, (i, v) => i with { AverageOrderValue = v });
        Add("firstTest", new Option<bool>("--first-test") { Description = "A first test: many small creators cheaply, then keep the best (--first-test false turns it off)." }, (i, v) => i with { FirstTest = v });
    }

    public Option<string?> FromJson { get; } = new("--from-json")
    {
        Description = "Read the set-up from a JSON file shaped like the API's body (POST /api/v1/campaigns); options given as well win over the file.",
    };

    public Option<string[]?> Clear { get; } = new("--clear")
    {
        Description = "Empty these settings, named like their options without the dashes, comma separated (starts,product-cost,ctr).",
    };

    public void AddTo(Command command, bool clear)
    {
        command.Options.Add(FromJson);
        if (clear)
            command.Options.Add(Clear);
        foreach (var setting in settings)
            command.Options.Add(setting.Option);
    }

    /// <summary>
    /// <paramref name="current"/> (or the --from-json file instead) with the options given on top. The returned reading says
    /// where each field came from, so a refused value names the option or the file's field.
    /// </summary>
    public Reading Read(ParseResult result, CampaignInput current)
    {
        var file = result.GetValue(FromJson);
        var input = file is null ? current : Load(file);
        var cleared = Split(result.GetValue(Clear));
        foreach (var name in cleared)
        {
            var setting = settings.FirstOrDefault(s => s.Option.Name == "--" + name.TrimStart('-'))
                ?? throw new CliUsageException($"--clear: unknown setting '{name}'; one of {string.Join(", ", settings.Select(s => s.Option.Name[2..]))}");
            if (Given(result, setting.Option))
                throw new CliUsageException($"--clear {name} and {setting.Option.Name} contradict each other; give one");
            input = setting.Set(input, null);
        }
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in settings.Where(s => Given(result, s.Option)))
        {
            input = setting.Set(input, result);
            given.Add(setting.Field);
        }
        return new Reading(input, file, given, Changed: file is not null || cleared.Count > 0 || given.Count > 0);
    }

    /// <summary>Whether the option is on the command line (a bool option has an implicit false result when it is not).</summary>
    public static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    /// <summary>The option for a field the service names ("deliverables[1].count" is --deliverable).</summary>
    public string OptionFor(string field)
    {
        var key = field.Split('[', '.')[0];
        return settings.FirstOrDefault(s => s.Field == key)?.Option.Name ?? field;
    }

    public sealed record Reading(CampaignInput Input, string? File, IReadOnlySet<string> Given, bool Changed);

    private sealed record Setting(string Field, Option Option, Func<CampaignInput, ParseResult?, CampaignInput> Set);

    // Set with no parse result clears the field (the option's default value: null, empty or false).
    private void Add<T>(string field, Option<T> option, Func<CampaignInput, T, CampaignInput> set) =>
        settings.Add(new Setting(field, option, (input, result) => set(input, result is null ? default! : result.GetValue(option)!)));

    private static Option<string[]?> List(string name, string description) => new(name) { Description = description + " Repeatable; \"\" empties it." };

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static List<CampaignDeliverableInput> Deliverables(string[]? values)
    {
        var rows = new List<CampaignDeliverableInput>();
        foreach (var value in Split(values))
        {
            var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 1)
            {
                rows.Add(new CampaignDeliverableInput(parts[0], 1));
                continue;
            }
            if (!int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                throw new CliUsageException($"--deliverable: '{value}' is not NAME=COUNT (instagram_post=2)");
            rows.Add(new CampaignDeliverableInput(parts[0], count));
        }
        return rows;
    }

    // A misspelt key (product_cost for productCost) must not be dropped without a word.
    private static readonly JsonSerializerOptions Strict = new(CliJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static CampaignInput Load(string file)
    {
        if (!File.Exists(file))
            throw new CliUsageException($"--from-json: file not found: {file}");
        try
        {
            return JsonSerializer.Deserialize<CampaignInput>(File.ReadAllText(file), Strict)
                ?? throw new InvalidOperationException($"--from-json: {file} holds null, not a campaign");
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrorText.Of(e);
            throw new InvalidOperationException($"--from-json: {file}{(field is null ? "" : $": {field}")}: {message}");
        }
    }
}
