using System.Data;
using System.Data.Common;
using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// Reads search profiles for the index: all of them in one snapshot (profiles in account order, then their niche
/// scores, then their terms, each table streamed once), or the profiles of some accounts for an update.
/// </summary>
internal static class IndexReader
{
    private const string ProfileColumns =
        "account_id, platform, tier, followers, country, language, is_verified, has_email, primary_niche, engagement_rate, " +
        "engagement_percentile, audience_quality, expected_engagements, price_estimate, last_posted_at, sponsored_share, growth, " +
        "safety_score, updated_at, words";

    /// <summary>What one streaming read delivers: each profile (with its words), then each niche score, then each term.</summary>
    public interface ISink
    {
        void Begin(int profiles, int niches);
        void Profile(in IndexRow row, string words);
        void Niche(long accountId, string niche, int score);
        void Term(long accountId, string term, long lastUsedAt);
    }

    public static async Task ReadAllAsync(GrapevineDb db, ISink sink, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM search_profiles), (SELECT COUNT(DISTINCT niche) FROM search_profile_niches);
            SELECT {ProfileColumns} FROM search_profiles ORDER BY account_id;
            SELECT account_id, niche, score FROM search_profile_niches;
            SELECT account_id, term, last_used_at FROM search_profile_terms;
            """;
        await ReadAsync(command, sink, ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task ReadAccountsAsync(GrapevineDb db, IReadOnlyCollection<long> accountIds, ISink sink, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var ids = db.Provider == DatabaseProvider.Postgres ? "ANY(@ids)" : "(SELECT value FROM json_each(@ids))";
            var match = db.Provider == DatabaseProvider.Postgres ? $"= {ids}" : $"IN {ids}";
            command.CommandText = $"""
                SELECT (SELECT COUNT(*) FROM search_profiles WHERE account_id {match}), 0;
                SELECT {ProfileColumns} FROM search_profiles WHERE account_id {match} ORDER BY account_id;
                SELECT account_id, niche, score FROM search_profile_niches WHERE account_id {match};
                SELECT account_id, term, last_used_at FROM search_profile_terms WHERE account_id {match};
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@ids";
            parameter.Value = db.Provider == DatabaseProvider.Postgres ? accountIds.ToArray() : JsonSerializer.Serialize(accountIds);
            command.Parameters.Add(parameter);
            await ReadAsync(command, sink, ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ReadAsync(DbCommand command, ISink sink, CancellationToken ct)
    {
        await using var r = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        await r.ReadAsync(ct);
        sink.Begin(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            // Sequential access: every column in order.
            var accountId = r.GetInt64(0);
            var platformName = r.GetString(1);
            if (!CatalogueNames.TryParsePlatform(platformName, out var platform))
                throw new InvalidDataException($"search profile {accountId} has an unknown platform '{platformName}'");
            var row = new IndexRow(
                accountId, platform, Text(r, 2), Long(r, 3), Text(r, 4), Text(r, 5), Bool(r, 6), r.GetBoolean(7), Text(r, 8),
                Real(r, 9), Real(r, 10), Real(r, 11), Real(r, 12), Real(r, 13), Long(r, 14), Real(r, 15), Real(r, 16), Real(r, 17),
                r.GetDateTime(18).Ticks);
            sink.Profile(row, r.GetString(19));
        }

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            sink.Niche(r.GetInt64(0), r.GetString(1), r.GetInt32(2));

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            sink.Term(r.GetInt64(0), r.GetString(1), r.GetInt64(2));
    }

    public static IndexRow RowOf(SearchProfile p) => new(
        p.AccountId, p.Platform, p.Tier, p.Followers, p.Country, p.Language, p.IsVerified, p.HasEmail, p.PrimaryNiche,
        p.EngagementRate, p.EngagementPercentile, p.AudienceQuality, p.ExpectedEngagements, p.PriceEstimate, p.LastPostedAt,
        p.SponsoredShare, p.Growth, p.SafetyScore, DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc).Ticks);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
}
