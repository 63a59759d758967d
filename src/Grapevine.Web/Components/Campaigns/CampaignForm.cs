using System.Globalization;
using Grapevine.Core.Campaigns;
using Grapevine.Web.Components.Shared;

namespace Grapevine.Web.Components.Campaigns;

/// <summary>
/// The set-up form of a campaign (new and edit): every <see cref="CampaignInput"/> field as the page posts it. Lists are
/// comma separated except niches and platforms (checkboxes); rates are typed as percentages.
/// </summary>
public sealed class CampaignForm
{
    public const string AddDeliverable = "add-deliverable";
    public const string RemoveDeliverable = "remove-deliverable:";

    public string? Name { get; set; }
    public string? Brand { get; set; }
    public string? BrandValues { get; set; }
    // The form mapper sets a list nobody ticked to null, hence nullable lists.
    public List<string>? BrandNiches { get; set; }
    public string? BrandKeywords { get; set; }
    public string? Competitors { get; set; }
    public string? Goal { get; set; }
    public decimal? Budget { get; set; }
    public string? Currency { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public List<string>? Platforms { get; set; }
    public string? TargetCountries { get; set; }
    public string? TargetLanguages { get; set; }
    public int? TargetAgeMin { get; set; }
    public int? TargetAgeMax { get; set; }
    public string? TargetGender { get; set; }
    public string? TargetInterests { get; set; }
    public List<DeliverableRow>? Deliverables { get; set; }
    public long? KpiImpressions { get; set; }
    public long? KpiReach { get; set; }
    public long? KpiEngagements { get; set; }
    public long? KpiClicks { get; set; }
    public long? KpiConversions { get; set; }
    public decimal? KpiRevenue { get; set; }
    public decimal? ProductCost { get; set; }
    public double? ClickThroughPercent { get; set; }
    public double? ConversionPercent { get; set; }
    public decimal? AverageOrderValue { get; set; }
    public bool FirstTest { get; set; }

    /// <summary>Which button sent the form: empty for save, or a deliverable row to add or remove.</summary>
    public string? Command { get; set; }

    // Defaults live here, not in the initialisers: a posted form without any platform ticked must stay without one.
    public static CampaignForm Blank() => new()
    {
        Goal = "sales",
        Currency = "USD",
        Platforms = ["instagram"],
        Deliverables = [new DeliverableRow { Deliverable = "instagram_post", Count = 1 }],
    };

    public static CampaignForm From(CampaignDetails c) => new()
    {
        Name = c.Name,
        Brand = c.Brand,
        BrandValues = c.BrandValues,
        BrandNiches = [.. c.BrandNiches],
        BrandKeywords = Join(c.BrandKeywords),
        Competitors = Join(c.Competitors),
        Goal = c.Goal,
        Budget = c.Budget,
        Currency = c.Currency,
        StartsOn = c.StartsOn,
        EndsOn = c.EndsOn,
        Platforms = [.. c.Platforms],
        TargetCountries = Join(c.TargetCountries),
        TargetLanguages = Join(c.TargetLanguages),
        TargetAgeMin = c.TargetAgeMin,
        TargetAgeMax = c.TargetAgeMax,
        TargetGender = c.TargetGender,
        TargetInterests = Join(c.TargetInterests),
        Deliverables = [.. c.Deliverables.Select(d => new DeliverableRow { Deliverable = d.Deliverable, Count = d.Count })],
        KpiImpressions = c.KpiImpressions,
        KpiReach = c.KpiReach,
        KpiEngagements = c.KpiEngagements,
        KpiClicks = c.KpiClicks,
        KpiConversions = c.KpiConversions,
        KpiRevenue = c.KpiRevenue,
        ProductCost = c.ProductCost,
        ClickThroughPercent = Percent(c.ClickThroughRate),
        ConversionPercent = Percent(c.ConversionRate),
        AverageOrderValue = c.AverageOrderValue,
        FirstTest = c.FirstTest,
    };

    /// <summary>Adds or removes a deliverable row when one of those buttons sent the form; false means save.</summary>
    public bool ApplyCommand()
    {
        if (Command == AddDeliverable)
        {
            Deliverables = [.. Deliverables ?? [], new DeliverableRow { Count = 1 }];
            return true;
        }
        if (Command?.StartsWith(RemoveDeliverable, StringComparison.Ordinal) == true)
        {
            if (int.TryParse(Command[RemoveDeliverable.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && Deliverables is not null && row < Deliverables.Count)
                Deliverables.RemoveAt(row);
            return true;
        }
        return false;
    }

    public CampaignInput ToInput() => new()
    {
        Name = Name,
        Brand = Brand,
        BrandValues = BrandValues,
        BrandNiches = BrandNiches ?? [],
        BrandKeywords = List(BrandKeywords),
        Competitors = List(Competitors),
        Goal = Goal,
        Budget = Budget,
        Currency = Currency,
        StartsOn = StartsOn,
        EndsOn = EndsOn,
        Platforms = Platforms ?? [],
        TargetCountries = List(TargetCountries),
        TargetLanguages = List(TargetLanguages),
        TargetAgeMin = TargetAgeMin,
        TargetAgeMax = TargetAgeMax,
        TargetGender = TargetGender,
        TargetInterests = List(TargetInterests),
        Deliverables = [.. FilledRows().Select(r => new CampaignDeliverableInput(r.Row.Deliverable, r.Row.Count))],
        KpiImpressions = KpiImpressions,
        KpiReach = KpiReach,
        KpiEngagements = KpiEngagements,
        KpiClicks = KpiClicks,
        KpiConversions = KpiConversions,
        KpiRevenue = KpiRevenue,
        ProductCost = ProductCost,
        ClickThroughRate = ClickThroughPercent / 100,
        ConversionRate = ConversionPercent / 100,
        AverageOrderValue = AverageOrderValue,
        FirstTest = FirstTest,
    };

    /// <summary>
    /// The form's own name for a field the service refused: rows left empty are not sent, so the service's
    /// deliverables[i] is renumbered to the row on the page.
    /// </summary>
    public string? FieldOnPage(string? field)
    {
        const string prefix = "deliverables[";
        if (field?.StartsWith(prefix, StringComparison.Ordinal) != true)
            return field;
        var end = field.IndexOf(']', StringComparison.Ordinal);
        if (end < 0)
            return field;
        var sent = int.Parse(field[prefix.Length..end], CultureInfo.InvariantCulture);
        var rows = FilledRows().ToList();
        return sent < rows.Count ? $"{prefix}{rows[sent].Index}{field[end..]}" : field;
    }

    /// <summary>
    /// Each refused field of <paramref name="e"/> under the form's name for it, with the message the page shows;
    /// empty when the failure names no field.
    /// </summary>
    public Dictionary<string, string> ErrorsOnPage(Exception e)
    {
        IEnumerable<(string Field, string Message)> errors = e switch
        {
            CampaignInputException input => input.Errors.Select(f => (Field: f.Key, Message: f.Value[0])),
            ArgumentException { ParamName: { } field } => [(field, Problem.Message(e))],
            _ => [],
        };
        return errors.Select(f => (Field: FieldOnPage(f.Field)!, f.Message))
            .DistinctBy(f => f.Field)
            .ToDictionary(f => f.Field, f => MessageOnPage(f.Field, f.Message));
    }

    /// <summary>The service counts rates as fractions; the form as percentages.</summary>
    public static string MessageOnPage(string? field, string message) => field is "clickThroughRate" or "conversionRate"
        ? "A rate is between 0% and 100%."
        : message;

    private IEnumerable<(DeliverableRow Row, int Index)> FilledRows() =>
        (Deliverables ?? []).Select((r, i) => (r, i)).Where(r => !string.IsNullOrWhiteSpace(r.r?.Deliverable));

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Join(IReadOnlyList<string> items) => string.Join(", ", items);

    // Rounded so 0.025 shows as 2.5, not 2.5000000000000004.
    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 6) : null;
}

/// <summary>One deliverable row of the form: a rate-card deliverable and how many each creator publishes.</summary>
public sealed class DeliverableRow
{
    public string? Deliverable { get; set; }
    public int? Count { get; set; }
}
