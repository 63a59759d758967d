namespace Grapevine.Core.Discovery;

/// <summary>
/// Answers discovery queries. The in-process index and the SQL engines implement it and must return the same
/// top K in the same order (ties broken by account id, ascending) and the same totals and facets.
/// </summary>
public interface IDiscoveryEngine
{
    Task<DiscoveryResult> SearchAsync(DiscoveryQuery query, DiscoveryContext context, CancellationToken ct = default);
}

/// <summary>
/// What a query is answered against besides the catalogue: the clock (recency and tag windows) and the
/// workspace whose rate cards win over price estimates (<paramref name="RatePrices"/>: account id → USD of the
/// default deliverable, for engines that do not read rate cards themselves).
/// </summary>
public sealed record DiscoveryContext(DateTime Now, Guid? WorkspaceId = null, IReadOnlyDictionary<long, double>? RatePrices = null);
