namespace Grapevine.Core.Campaigns;

/// <summary>
/// What each creator on one platform is asked to publish: <see cref="Count"/> of a deliverable named as in
/// <c>Discovery.Pricing.Deliverables</c> (instagram_post, instagram_story, tiktok_video …).
/// </summary>
public sealed class CampaignDeliverable
{
    public required string Deliverable { get; set; }
    public int Count { get; set; } = 1;
}
