using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// A campaign of a workspace: the brand, the goal, the budget and the audience it is planned for, what each creator
/// publishes, the KPI targets, and the assumptions its forecasts use where the workspace knows better than the
/// reference figures. Archived campaigns stay readable and are hidden from the default list.
/// </summary>
public class Campaign : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }

    public required string Brand { get; set; }
    public string? BrandValues { get; set; }

    /// <summary>Niche slugs of the brand (see Discovery/Niches/niches.json).</summary>
    public List<string> BrandNiches { get; set; } = [];

    public List<string> BrandKeywords { get; set; } = [];

    /// <summary>Competitor handles without the @.</summary>
    public List<string> Competitors { get; set; } = [];

    public CampaignGoal Goal { get; set; }
    public decimal Budget { get; set; }

    /// <summary>ISO 4217 code. Prices and forecasts are in US dollars; other currencies are labels only for now.</summary>
    public string Currency { get; set; } = "USD";

    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Platform names as stored (instagram, tiktok, youtube …).</summary>
    public List<string> Platforms { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes, upper case.</summary>
    public List<string> TargetCountries { get; set; } = [];

    /// <summary>ISO 639-1 codes, lower case.</summary>
    public List<string> TargetLanguages { get; set; } = [];

    public int? TargetAgeMin { get; set; }
    public int? TargetAgeMax { get; set; }

    /// <summary>Null for any; otherwise a free label such as female or male.</summary>
    public string? TargetGender { get; set; }

    public List<string> TargetInterests { get; set; } = [];

    /// <summary>What each creator publishes, by platform (only the deliverables of a creator's platform apply to them).</summary>
    public List<CampaignDeliverable> Deliverables { get; set; } = [];

    public long? KpiImpressions { get; set; }
    public long? KpiReach { get; set; }
    public long? KpiEngagements { get; set; }
    public long? KpiClicks { get; set; }
    public long? KpiConversions { get; set; }
    public decimal? KpiRevenue { get; set; }

    /// <summary>What gifting one creator costs (product and shipping); null when the campaign does not gift.</summary>
    public decimal? ProductCost { get; set; }

    /// <summary>Click-through rate (0–1) of views to clicks; null uses the reference figure for the brand's niche.</summary>
    public double? ClickThroughRate { get; set; }

    /// <summary>Conversion rate (0–1) of clicks to orders; null uses the reference figure.</summary>
    public double? ConversionRate { get; set; }

    /// <summary>Revenue of one order in US dollars; null uses the reference figure.</summary>
    public decimal? AverageOrderValue { get; set; }

    /// <summary>A first test ($1,000–$2,000): many small creators cheaply, then keep the best (docs/campaigns.md).</summary>
    public bool FirstTest { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public List<CampaignCandidate> Candidates { get; set; } = [];
}
