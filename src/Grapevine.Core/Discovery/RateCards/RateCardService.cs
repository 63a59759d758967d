using System.Globalization;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Grapevine.Core.Metrics;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.RateCards;

/// <summary>
/// The current workspace's recorded rates for catalogue accounts, one per deliverable. A recorded rate wins over the
/// estimate in this workspace's searches. Every change is audited.
/// </summary>
public sealed class RateCardService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public const decimal MaxPriceUsd = 10_000_000m;
    public const int MaxNoteLength = 500;

    public static class AuditActions
    {
        public const string RateSet = "rate_card_set";
        public const string RateDeleted = "rate_card_deleted";
    }

    /// <summary>The account's rates in this workspace, by deliverable name.</summary>
    public async Task<List<RateView>> ListAsync(long accountId, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var rates = await db.RateCards.AsNoTracking().Where(r => r.AccountId == accountId)
            .GroupJoin(db.Users, r => r.UpdatedBy, u => u.Id, (r, u) => new { r, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.r, Email = u == null ? null : u.Email })
            .ToListAsync(ct);
        return [.. rates.Select(x => View(x.r, x.Email)).OrderBy(r => r.Deliverable, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The estimated price of each deliverable of the account's platform, from its followers and ER by followers
    /// (<see cref="PriceEstimator"/>); empty when its followers are unknown.
    /// </summary>
    public async Task<List<PriceEstimateView>> EstimatesAsync(long accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Platform, a.Followers }).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"No account with id {accountId}.");
        var er = await db.AccountMetrics.AsNoTracking().Where(m => m.AccountId == accountId && m.Name == MetricDefinitions.ErByFollowers.Name)
            .Select(m => m.Value).FirstOrDefaultAsync(ct);
        var estimates = new List<PriceEstimateView>();
        foreach (var deliverable in Deliverables.For(account.Platform))
        {
            if (PriceEstimator.Default.Estimate(deliverable.Name, account.Followers, er) is { } e)
                estimates.Add(new PriceEstimateView(e.Deliverable, deliverable.Label, e.Estimate, e.Low, e.High, e.EngagementFactor, e.EngagementRate, PriceEstimate.Method));
        }
        return estimates;
    }

    /// <summary>Records (or replaces) the account's rate for one deliverable of its platform.</summary>
    public async Task<RateView> SetAsync(long accountId, string deliverable, decimal priceUsd, string? note, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var account = await AccountAsync(accountId, ct);
        var name = RateDeliverables.Validate(account.Platform, deliverable);
        if (priceUsd <= 0 || priceUsd > MaxPriceUsd)
            throw new ArgumentException($"A price is more than $0 and at most ${MaxPriceUsd:N0}.", "priceUsd");
        if (decimal.Round(priceUsd, 2) != priceUsd)
            throw new ArgumentException("A price has at most two decimals (cents).", "priceUsd");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
            throw new ArgumentException($"A note has at most {MaxNoteLength} characters.", "note");

        var now = time.GetUtcNow();
        var rate = await db.RateCards.SingleOrDefaultAsync(r => r.AccountId == accountId && r.Deliverable == name, ct);
        var before = rate?.PriceUsd;
        if (rate is null)
        {
            rate = new RateCard { Id = Guid.CreateVersion7(now), AccountId = accountId, Deliverable = name };
            db.RateCards.Add(rate);
        }
        rate.PriceUsd = priceUsd;
        rate.Note = note;
        rate.UpdatedBy = current.UserId ?? Guid.Empty;
        rate.UpdatedAt = now.UtcDateTime;
        audit.Add(AuditActions.RateSet, Target(account, name), before is { } was ? $"{Usd(priceUsd)} (was {Usd(was)})" : Usd(priceUsd));
        await db.SaveChangesAsync(ct);
        return View(rate, current.ActorName);
    }

    public async Task DeleteAsync(long accountId, string deliverable, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var account = await AccountAsync(accountId, ct);
        var name = deliverable.Trim().ToLowerInvariant();
        var rate = await db.RateCards.SingleOrDefaultAsync(r => r.AccountId == accountId && r.Deliverable == name, ct)
            ?? throw new KeyNotFoundException($"This workspace has no {name} rate for {account.Platform.Name()} account '{account.Handle}'.");
        db.RateCards.Remove(rate);
        audit.Add(AuditActions.RateDeleted, Target(account, name), $"was {Usd(rate.PriceUsd)}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Platform Platform, string Handle)> AccountAsync(long accountId, CancellationToken ct)
    {
        var account = await db.Accounts.Where(a => a.Id == accountId).Select(a => new { a.Platform, a.Handle }).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"No account with id {accountId}.");
        return (account.Platform, account.Handle);
    }

    private static RateView View(RateCard rate, string? updatedBy) =>
        new(rate.Deliverable, rate.PriceUsd, rate.Note, updatedBy, rate.UpdatedAt);

    private static string Target((Platform Platform, string Handle) account, string deliverable) =>
        $"{account.Platform.Name()}/@{account.Handle} {deliverable}";

    private static string Usd(decimal price) => "$" + price.ToString("#,0.##", CultureInfo.InvariantCulture);
}

/// <summary>One recorded rate: the deliverable, its price in US dollars, a note, who last set it and when.</summary>
public sealed record RateView(string Deliverable, decimal PriceUsd, string? Note, string? UpdatedBy, DateTime UpdatedAt);

/// <summary>
/// The estimated price of one deliverable in US dollars: the point and its range, the engagement adjustment that moved
/// them (1 when the ER is unknown) and the method's name; the Discover help page (<see cref="MethodLink"/>) explains it.
/// </summary>
public sealed record PriceEstimateView(
    string Deliverable, string Label, double PriceUsd, double LowUsd, double HighUsd, double EngagementFactor, double? EngagementRate, string Method)
{
    public const string MethodLink = "/discover/how#price-estimates";
}
