using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>A small demo catalogue (posts, profiles) and a campaign whose candidates are its Instagram micro and nano creators.</summary>
internal static class PlanTestData
{
    public static async Task SeedCatalogueAsync(GrapevineDb db, DateTime asOf, int creators = 120) =>
        await new DemoSeeder(db, new FakeTimeProvider(new DateTimeOffset(asOf))).SeedAsync(new DemoOptions(creators, 7, asOf.Date), null, default);

    /// <summary>A sales campaign in <paramref name="workspaceId"/> with up to 30 Instagram candidates; returns it and the candidates' ids.</summary>
    public static async Task<(Campaign Campaign, List<long> Candidates)> SeedCampaignAsync(GrapevineDb db, Guid workspaceId, DateTime now, decimal budget = 1500m, string currency = "USD")
    {
        var ids = await db.SearchProfiles.AsNoTracking()
            .Where(p => p.Platform == Core.Catalogue.Platform.Instagram && (p.Tier == "micro" || p.Tier == "nano") && p.LastPostedAt != null)
            .OrderBy(p => p.AccountId).Select(p => p.AccountId).Take(30).ToListAsync();
        var campaign = new Campaign
        {
            WorkspaceId = workspaceId,
            Id = Guid.NewGuid(),
            Name = "Spring launch",
            Brand = "Oat & Co",
            Goal = CampaignGoal.Sales,
            Budget = budget,
            Currency = currency,
            Platforms = ["instagram"],
            Deliverables = [new CampaignDeliverable { Deliverable = "instagram_post", Count = 1 }, new CampaignDeliverable { Deliverable = "instagram_story", Count = 2 }],
            ProductCost = 35m,
            CreatedAt = now,
            UpdatedAt = now,
            Candidates = [.. ids.Select((id, i) => new CampaignCandidate
            {
                WorkspaceId = workspaceId,
                AccountId = id,
                Source = "manual",
                AcceptsGifting = i % 3 == 0,
                AddedAt = now,
            })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign, ids);
    }
}
