using Grapevine.Core.Campaigns;

namespace Grapevine.Web.Components.Campaigns;

/// <summary>The new-campaign form: the essentials; everything else is set through the API (docs/plans.md).</summary>
public sealed class NewCampaignForm
{
    public string? Name { get; set; }
    public string? Brand { get; set; }
    public string? Goal { get; set; } = "sales";
    public decimal? Budget { get; set; }
    public string? Platforms { get; set; } = "instagram";
    public string? Niches { get; set; }
    public string? Countries { get; set; }
    public string? Deliverables { get; set; } = "instagram_post:1";
    public decimal? ProductCost { get; set; }
    public bool FirstTest { get; set; }

    public CampaignInput ToInput() => new()
    {
        Name = Name,
        Brand = Brand,
        Goal = Goal,
        Budget = Budget,
        Platforms = List(Platforms),
        BrandNiches = List(Niches),
        TargetCountries = List(Countries),
        Deliverables = [.. List(Deliverables).Select(Deliverable)],
        ProductCost = ProductCost,
        FirstTest = FirstTest,
    };

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    // "instagram_story:2" → 2 stories; a name alone means one.
    private static CampaignDeliverableInput Deliverable(string item) =>
        item.Split(':', 2, StringSplitOptions.TrimEntries) is [var name, var count]
            ? new CampaignDeliverableInput(name, int.TryParse(count, out var n) ? n : 0)
            : new CampaignDeliverableInput(item, 1);
}
