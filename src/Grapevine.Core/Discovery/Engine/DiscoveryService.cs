using System.Diagnostics;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The one entry to discovery for the API, the CLI and the UI. A search goes to the in-process index when it is
/// built and to SQL (<see cref="SqlDiscoveryEngine"/>) otherwise, with the workspace's rate cards winning over price
/// estimates; the answer says which engine gave it and how long it took. Without an index state (the CLI) searches
/// use SQL and lookalikes build a transient index.
/// </summary>
public sealed class DiscoveryService(GrapevineDb db, TimeProvider time, DiscoveryIndexState? index = null)
{
    public async Task<DiscoverySearch> SearchAsync(DiscoveryQuery query, Guid? workspaceId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var workspace = Workspace(workspaceId);
        var rates = workspace is { } id ? await RatePrices.LoadAsync(db, id, ct) : null;
        var context = new DiscoveryContext(time.GetUtcNow().UtcDateTime, workspace, rates);
        var engine = index?.Current;
        var result = engine is not null
            ? await engine.SearchAsync(query, context, ct)
            : await new SqlDiscoveryEngine(db).SearchAsync(query, context, ct);
        // The engines rank the top offset + limit; the page is what follows the offset.
        if (query.Offset > 0)
            result = result with { Hits = [.. result.Hits.Skip(query.Offset)] };
        var name = engine is not null ? DiscoveryEngines.Index : db.Provider == DatabaseProvider.Postgres ? DiscoveryEngines.Postgres : DiscoveryEngines.Sqlite;
        return new DiscoverySearch(result, name, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Creators like the given one, best first; null when the catalogue has no such account.</summary>
    public async Task<DiscoveryLookalikes?> LookalikesAsync(Platform platform, string handle, int limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var normalized = CatalogueNames.NormalizeHandle(handle);
        var accountId = await db.Accounts.AsNoTracking()
            .Where(a => a.Platform == platform && a.Handle == normalized)
            .Select(a => (long?)a.Id)
            .SingleOrDefaultAsync(ct);
        if (accountId is not { } id)
            return null;
        var engine = index is not null ? await index.GetOrBuildAsync(ct) : await DiscoveryIndex.BuildAsync(db, ct);
        var hits = engine.FindSimilar(id, limit);
        return hits is null ? null : new DiscoveryLookalikes(id, hits, clock.Elapsed.TotalMilliseconds);
    }

    private Guid? Workspace(Guid? requested)
    {
        var current = db.CurrentWorkspaceId;
        if (requested is { } id && current != Guid.Empty && id != current)
            throw new InvalidOperationException("Rate cards of another workspace cannot be read from this one.");
        return requested ?? (current == Guid.Empty ? null : current);
    }
}

/// <summary>A search's answer, the engine that gave it ("index", "sqlite" or "postgres") and its time in milliseconds.</summary>
public sealed record DiscoverySearch(DiscoveryResult Result, string Engine, double ElapsedMs);

/// <summary>The lookalikes of one account (its id), best first, and the time they took in milliseconds.</summary>
public sealed record DiscoveryLookalikes(long AccountId, IReadOnlyList<LookalikeHit> Hits, double ElapsedMs);

public static class DiscoveryEngines
{
    public const string Index = "index";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
