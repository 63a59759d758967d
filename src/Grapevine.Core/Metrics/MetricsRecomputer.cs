using Grapevine.Core.Data;

namespace Grapevine.Core.Metrics;

/// <summary>
/// Recomputes the stored metrics (and the tier) of the given accounts from their posts and
/// snapshots, inside the caller's open transaction. Called after every import with the ids of
/// the accounts the import touched, and only those.
/// </summary>
public sealed class MetricsRecomputer(GrapevineDb db, TimeProvider time)
{
    public Task RecomputeAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct) =>
        throw new NotImplementedException($"{db.Provider} {time}");
}
