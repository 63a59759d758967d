using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// A workspace's rate cards as the price that counts in discovery: per account, the rate of its platform's default
/// deliverable (<see cref="Deliverables.DefaultFor"/>, the one search profiles estimate). Read once per search and handed to every engine as the same
/// doubles, so that the index and SQL compare and divide identical numbers.
/// </summary>
public static class RatePrices
{
    public static async Task<IReadOnlyDictionary<long, double>> LoadAsync(GrapevineDb db, Guid workspaceId, CancellationToken ct)
    {
        var cards = await (
                from r in db.RateCards.IgnoreQueryFilters().AsNoTracking()
                join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                where r.WorkspaceId == workspaceId
                select new { r.AccountId, a.Platform, r.Deliverable, r.PriceUsd })
            .ToListAsync(ct);
        return cards
            .Where(c => c.Deliverable == Deliverables.DefaultFor(c.Platform))
            .ToDictionary(c => c.AccountId, c => (double)c.PriceUsd);
    }
}
