using System.Data;
using System.Data.Common;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// Answers discovery queries in the database itself: SQLite with FTS5 over <c>search_profile_words</c>, PostgreSQL
/// with <c>words_vector @@ plainto_tsquery('simple', …)</c>, both with the b-tree indexes on the filter columns. One
/// round trip: the top K (ordered by the SQL fit expression, ties by account id) and the facet counts (GROUP BY).
/// The answer is the index's, to the last bit of every score (tests/…/Discovery/Engine).
/// </summary>
public sealed class SqlDiscoveryEngine(GrapevineDb db) : IDiscoveryEngine
{
    public DatabaseProvider Provider => db.Provider;

    public async Task<DiscoveryResult> SearchAsync(DiscoveryQuery query, DiscoveryContext context, CancellationToken ct = default)
    {
        var criteria = DiscoveryCriteria.For(query, context);
        var sql = new DiscoverySql(db.Provider, criteria);
        var hitsStatement = sql.HitsStatement();
        var facetsStatement = sql.FacetsStatement();

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = hitsStatement + ";\n" + facetsStatement + ";";
            foreach (var (name, value) in sql.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            var hits = new List<DiscoveryHit>();
            while (await reader.ReadAsync(ct))
                hits.Add(ReadHit(reader, criteria.Fit));

            await reader.NextResultAsync(ct);
            var total = 0;
            var tiers = new Dictionary<string, int>();
            var platforms = new Dictionary<string, int>();
            var countries = new Dictionary<string, int>();
            var niches = new Dictionary<string, int>();
            while (await reader.ReadAsync(ct))
            {
                var n = Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture);
                total += n;
                Count(tiers, Text(reader, 0), n);
                Count(platforms, Text(reader, 1), n);
                Count(countries, Text(reader, 2), n);
                Count(niches, Text(reader, 3), n);
            }
            return new DiscoveryResult(total, hits, new DiscoveryFacets(tiers, platforms, countries, niches));
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static DiscoveryHit ReadHit(DbDataReader r, FitPlan plan)
    {
        var input = new FitInput(
            Real(r, 2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            Real(r, 5), Real(r, 6), Real(r, 7), Real(r, 8), r.IsDBNull(9) ? null : r.GetInt64(9), Real(r, 10), Real(r, 11));
        return new DiscoveryHit(r.GetInt64(0), r.GetDouble(1), FitScorer.Breakdown(plan, input));
    }

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetString(i);

    private static void Count(Dictionary<string, int> counts, string key, int n) =>
        counts[key] = counts.GetValueOrDefault(key) + n;
}
