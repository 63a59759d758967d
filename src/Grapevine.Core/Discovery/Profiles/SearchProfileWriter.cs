using System.Data.Common;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>Writes a chunk's profile changes with the provider's fast path, inside the given transaction.</summary>
internal abstract class SearchProfileWriter(DbTransaction transaction) : IAsyncDisposable
{
    /// <summary>The stored columns of a profile in write order.</summary>
    public static readonly string[] Columns =
    [
        "account_id", "platform", "handle", "display_name", "tier", "followers", "country", "language", "is_verified", "has_email",
        "primary_niche", "niche_confidence", "engagement_rate", "engagement_percentile", "audience_quality", "expected_engagements", "price_estimate",
        "price_low", "price_high", "last_posted_at", "sponsored_share", "growth", "safety_score", "words", "updated_at",
    ];

    /// <summary>Columns whose change makes a profile row worth rewriting (all but the key and the time stamp).</summary>
    protected static IEnumerable<string> Compared => Columns.Where(c => c is not ("account_id" or "updated_at"));

    protected DbTransaction Transaction { get; } = transaction;

    public static SearchProfileWriter Create(DatabaseProvider provider, DbTransaction transaction) =>
        provider == DatabaseProvider.Postgres ? new PostgresSearchProfileWriter(transaction) : new SqliteSearchProfileWriter(transaction);

    /// <summary>Writes the changes; returns how many profile rows were inserted or changed.</summary>
    public abstract Task<int> WriteAsync(SearchProfileChanges changes, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected static string PlatformName(Platform platform) => platform.Name();
}
