using System.Data.Common;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Sets <see cref="SearchProfile.EngagementPercentile"/> within each platform + tier group: percent_rank() over the
/// group's profiles with a known engagement rate, ordered by it ((rank − 1) / (n − 1); ties share the lower rank; a
/// group of one gets 0); null where the rate is unknown. Only rows whose value changes are written.
/// </summary>
internal static class EngagementPercentiles
{
    public static async Task UpdateAsync(DatabaseProvider provider, DbTransaction transaction, IEnumerable<(Platform Platform, string? Tier)> groups, CancellationToken ct)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var sameTier = postgres ? "tier IS NOT DISTINCT FROM @tier" : "tier IS @tier";
        var differs = postgres ? "IS DISTINCT FROM" : "IS NOT";
        var sql =
            "UPDATE search_profiles SET engagement_percentile = r.p FROM (" +
            "SELECT account_id, percent_rank() OVER (ORDER BY engagement_rate) AS p FROM search_profiles " +
            $"WHERE platform = @platform AND {sameTier} AND engagement_rate IS NOT NULL) AS r " +
            $"WHERE search_profiles.account_id = r.account_id AND search_profiles.engagement_percentile {differs} r.p;\n" +
            "UPDATE search_profiles SET engagement_percentile = NULL " +
            $"WHERE platform = @platform AND {sameTier} AND engagement_rate IS NULL AND engagement_percentile IS NOT NULL;";
        foreach (var (platform, tier) in groups.Distinct().OrderBy(g => g.Platform).ThenBy(g => g.Tier, StringComparer.Ordinal))
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            if (postgres)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("platform", platform.Name()));
                command.Parameters.Add(new NpgsqlParameter("tier", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)tier ?? DBNull.Value });
            }
            else
            {
                command.Parameters.Add(new SqliteParameter("@platform", platform.Name()));
                command.Parameters.Add(new SqliteParameter("@tier", (object?)tier ?? DBNull.Value));
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
