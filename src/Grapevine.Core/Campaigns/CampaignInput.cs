namespace Grapevine.Core.Campaigns;

/// <summary>
/// A campaign as people type it (the API body, the set-up form, the command line). Property names are the API's
/// field names; a refused value throws an <see cref="ArgumentException"/> whose ParamName is that field.
/// </summary>
public sealed record CampaignInput
{
    public string? Name { get; init; }
    public string? Brand { get; init; }
    public string? BrandValues { get; init; }
    public IReadOnlyList<string>? BrandNiches { get; init; }
    public IReadOnlyList<string>? BrandKeywords { get; init; }
    public IReadOnlyList<string>? Competitors { get; init; }

    /// <summary>awareness, engagement, sales or content.</summary>
    public string? Goal { get; init; }

    public decimal? Budget { get; init; }
    public string? Currency { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public IReadOnlyList<string>? Platforms { get; init; }
    public IReadOnlyList<string>? TargetCountries { get; init; }
    public IReadOnlyList<string>? TargetLanguages { get; init; }
    public int? TargetAgeMin { get; init; }
    public int? TargetAgeMax { get; init; }
    public string? TargetGender { get; init; }
    public IReadOnlyList<string>? TargetInterests { get; init; }
    public IReadOnlyList<CampaignDeliverableInput>? Deliverables { get; init; }
    public long? KpiImpressions { get; init; }
    public long? KpiReach { get; init; }
    public long? KpiEngagements { get; init; }
    public long? KpiClicks { get; init; }
    public long? KpiConversions { get; init; }
    public decimal? KpiRevenue { get; init; }
    public decimal? ProductCost { get; init; }
    public double? ClickThroughRate { get; init; }
    public double? ConversionRate { get; init; }
    public decimal? AverageOrderValue { get; init; }
    public bool? FirstTest { get; init; }
}

/// <summary>One deliverable row: its name (instagram_post, tiktok_video …) and how many each creator publishes (1–20; 1 when left out).</summary>
public sealed record CampaignDeliverableInput(string? Deliverable, int? Count = null);
