using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// A workspace's rate cards as the price that counts in discovery: per account, the rate of its platform's default
/// deliverable (the one search profiles estimate). Read once per search and handed to every engine as the same
/// doubles, so that the index and SQL compare and divide identical numbers.
/// </summary>
public static class RatePrices
{
    /// <summary>The deliverable whose price discovery shows and filters on, per platform.</summary>
    public static string DefaultDeliverable(Platform platform) => platform switch
    {
        Platform.Instagram => "instagram_post",
        Platform.TikTok => "tiktok_video",
        Platform.YouTube => "youtube_video",
        Platform.X => "x_post",
        Platform.Facebook => "facebook_post",
        Platform.Twitch => "twitch_stream",
        Platform.Pinterest => "pinterest_pin",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "unknown platform"),
    };

    public static async Task<IReadOnlyDictionary<long, double>> LoadAsync(GrapevineDb db, Guid workspaceId, CancellationToken ct)
    {
        var cards = await (
                from r in db.RateCards.IgnoreQueryFilters().AsNoTracking()
                join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                where r.WorkspaceId == workspaceId
                select new { r.AccountId, a.Platform, r.Deliverable, r.PriceUsd })
            .ToListAsync(ct);
        return cards
            .Where(c => c.Deliverable == DefaultDeliverable(c.Platform))
            .ToDictionary(c => c.AccountId, c => (double)c.PriceUsd);
    }
}
