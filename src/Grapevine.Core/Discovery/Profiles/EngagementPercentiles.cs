using System.Data.Common;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// <see cref="SearchProfile.EngagementPercentile"/>: percent_rank() of ER by followers among the accounts of the same
/// platform and tier whose ER is known ((rank − 1) / (n − 1); ties share the lower rank; a group of one gets 0); null
/// when the account's ER is unknown. Ranked over accounts and their stored metric, which the metrics recompute has just
/// brought up to date, so the refreshed profiles are written once with their final percentile; afterwards the other
/// profiles of the touched groups whose rank moved are updated.
/// </summary>
internal sealed class EngagementPercentiles(DatabaseProvider provider, DbTransaction transaction) : IAsyncDisposable
{
    private const string Scope = "search_profile_scope";
    private bool _scopeReady;

    private bool Postgres => provider == DatabaseProvider.Postgres;

    private string InScope(string column) => Postgres ? $"{column} = ANY(@ids)" : $"{column} IN (SELECT id FROM temp.{Scope})";

    private string SameTier(string column) => Postgres ? $"{column} IS NOT DISTINCT FROM @tier" : $"{column} IS @tier";

    private string Ranked => "SELECT a.id AS account_id, percent_rank() OVER (ORDER BY m.value) AS p FROM accounts a " +
        $"JOIN account_metrics m ON m.account_id = a.id AND m.name = '{MetricDefinitions.ErByFollowers.Name}' " +
        $"WHERE a.platform = @platform AND {SameTier("a.tier")} AND m.value IS NOT NULL";

    /// <summary>The platform + tier groups the accounts are in now or their profiles were in, and the accounts' percentiles.</summary>
    public async Task<(List<(Platform Platform, string? Tier)> Groups, Dictionary<long, double> Percentiles)> RankAsync(long[] ids, CancellationToken ct)
    {
        if (!Postgres)
            await LoadScopeAsync(ids, ct);
        var groups = new List<(Platform, string?)>();
        await using (var command = Command(
            $"SELECT DISTINCT platform, tier FROM accounts WHERE {InScope("id")} " +
            $"UNION SELECT DISTINCT platform, tier FROM search_profiles WHERE {InScope("account_id")}", ids, null))
        await using (var r = await command.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                if (CatalogueNames.TryParsePlatform(r.GetString(0), out var platform))
                    groups.Add((platform, r.IsDBNull(1) ? null : r.GetString(1)));
            }
        }
        groups = [.. groups.Distinct().OrderBy(g => g.Item1).ThenBy(g => g.Item2, StringComparer.Ordinal)];
        var percentiles = new Dictionary<long, double>(ids.Length);
        foreach (var group in groups)
        {
            await using var command = Command($"SELECT r.account_id, r.p FROM ({Ranked}) r WHERE {InScope("r.account_id")}", ids, group);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                percentiles[r.GetInt64(0)] = r.GetDouble(1);
        }
        return (groups, percentiles);
    }

    /// <summary>Brings every other profile of the groups in line: new rank where it moved, null where the rate is unknown.</summary>
    public async Task UpdateGroupsAsync(IEnumerable<(Platform Platform, string? Tier)> groups, CancellationToken ct)
    {
        var differs = Postgres ? "IS DISTINCT FROM" : "IS NOT";
        var sql =
            $"UPDATE search_profiles SET engagement_percentile = r.p FROM ({Ranked}) AS r " +
            $"WHERE search_profiles.account_id = r.account_id AND search_profiles.engagement_percentile {differs} r.p;\n" +
            "UPDATE search_profiles SET engagement_percentile = NULL " +
            $"WHERE platform = @platform AND {SameTier("tier")} AND engagement_rate IS NULL AND engagement_percentile IS NOT NULL;";
        foreach (var group in groups)
        {
            await using var command = Command(sql, null, group);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task LoadScopeAsync(long[] ids, CancellationToken ct)
    {
        await using (var setup = Command(
            $"CREATE TEMP TABLE IF NOT EXISTS {Scope} (id INTEGER PRIMARY KEY); DELETE FROM temp.{Scope}", null, null))
            await setup.ExecuteNonQueryAsync(ct);
        _scopeReady = true;
        await using var insert = Command($"INSERT OR IGNORE INTO temp.{Scope} (id) VALUES ($id)", null, null);
        var parameter = insert.CreateParameter();
        parameter.ParameterName = "$id";
        insert.Parameters.Add(parameter);
        insert.Prepare();
        foreach (var id in ids)
        {
            parameter.Value = id;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand Command(string sql, long[]? ids, (Platform Platform, string? Tier)? group)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (Postgres)
        {
            if (ids is not null)
                command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
            if (group is { } g)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("platform", g.Platform.Name()));
                command.Parameters.Add(new NpgsqlParameter("tier", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)g.Tier ?? DBNull.Value });
            }
        }
        else if (group is { } g)
        {
            command.Parameters.Add(new SqliteParameter("@platform", g.Platform.Name()));
            command.Parameters.Add(new SqliteParameter("@tier", (object?)g.Tier ?? DBNull.Value));
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_scopeReady)
            return;
        await using var drop = Command($"DROP TABLE IF EXISTS temp.{Scope}", null, null);
        await drop.ExecuteNonQueryAsync();
    }
}
