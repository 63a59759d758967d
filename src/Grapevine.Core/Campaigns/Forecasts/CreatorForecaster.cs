using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// Forecasts a shortlist: reads the accounts and their posts of the forecast window in one query each per 1,000
/// accounts and runs <see cref="ForecastModel"/> for every deliverable of each account's platform.
/// </summary>
public sealed class CreatorForecaster(GrapevineDb db)
{
    public const int ChunkSize = 1000;

    /// <summary>The assumptions of a campaign's forecasts, or the reference figures when there is no campaign.</summary>
    public static ForecastAssumptions Assumptions(Campaign? campaign) =>
        campaign is null ? ForecastAssumptionsBuilder.For([]) : ForecastAssumptionsBuilder.For(campaign);

    /// <summary>
    /// One forecast per account × deliverable of the account's platform, as of <paramref name="asOf"/> (the caller's
    /// TimeProvider). Deliverables of other platforms are skipped and unknown accounts give none; accounts without
    /// comparable posts get a forecast whose estimates are null.
    /// </summary>
    public async Task<IReadOnlyList<DeliverableForecast>> ForecastAsync(
        IReadOnlyCollection<long> accountIds,
        IReadOnlyList<CampaignDeliverable> deliverables,
        ForecastAssumptions assumptions,
        DateTime asOf,
        CancellationToken ct,
        ForecastSettings? settings = null)
    {
        settings ??= ForecastSettings.Default;
        var from = asOf.AddDays(-settings.WindowDays);
        var forecasts = new List<DeliverableForecast>();
        foreach (var chunk in accountIds.Distinct().Chunk(ChunkSize))
        {
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Platform, a.Followers })
                .ToListAsync(ct);
            var posts = await db.Posts.AsNoTracking()
                .Where(p => chunk.Contains(p.AccountId) && p.PostedAt >= from && p.PostedAt <= asOf)
                .Select(p => new { p.AccountId, p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions })
                .ToListAsync(ct);
            var byAccount = posts.ToLookup(p => p.AccountId,
                p => new PostOutcome(p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions));
            foreach (var account in accounts.OrderBy(a => a.Id))
            {
                var history = byAccount[account.Id].ToList();
                foreach (var d in deliverables)
                {
                    if (Deliverables.Find(d.Deliverable)?.Platform != account.Platform)
                        continue;
                    forecasts.Add(ForecastModel.Forecast(account.Id, account.Platform, account.Followers, d.Deliverable, d.Count,
                        history, asOf, assumptions, settings));
                }
            }
        }
        return forecasts;
    }
}
