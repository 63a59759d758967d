using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// PostgreSQL: profiles are binary-copied into a staging table and upserted from it (unchanged rows skipped, so their
/// tsvector is not recomputed); new niche and term rows are copied straight in; changed and removed ones go as arrays.
/// </summary>
internal sealed class PostgresSearchProfileWriter(DbTransaction transaction) : SearchProfileWriter(transaction)
{
    private const string Stage = "search_profiles_stage";

    private static readonly string StageDefinition =
        "account_id bigint, platform text, handle text, display_name text, tier text, followers bigint, country text, language text, " +
        "is_verified boolean, has_email boolean, primary_niche text, niche_confidence double precision, engagement_rate double precision, " +
        "engagement_percentile double precision, " +
        "audience_quality double precision, expected_engagements double precision, price_estimate double precision, " +
        "price_low double precision, price_high double precision, last_posted_at bigint, sponsored_share double precision, " +
        "growth double precision, safety_score double precision, words text, updated_at timestamptz";

    private static readonly string UpsertSql =
        $"INSERT INTO search_profiles AS t ({string.Join(", ", Columns)}) SELECT {string.Join(", ", Columns)} FROM {Stage} " +
        $"ON CONFLICT (account_id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
        $"WHERE ({string.Join(", ", Compared.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", Compared.Select(c => "excluded." + c))})";

    private bool _stageReady;

    private NpgsqlConnection Connection => (NpgsqlConnection)Transaction.Connection!;

    public override async Task<int> WriteAsync(SearchProfileChanges changes, CancellationToken ct)
    {
        var written = 0;
        if (changes.Profiles.Count > 0)
        {
            await ExecuteAsync(_stageReady ? $"TRUNCATE {Stage}" : $"CREATE TEMP TABLE IF NOT EXISTS {Stage} ({StageDefinition}) ON COMMIT DROP; TRUNCATE {Stage}", ct);
            _stageReady = true;
            await using (var copy = await Connection.BeginBinaryImportAsync($"COPY {Stage} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var p in changes.Profiles)
                {
                    await copy.StartRowAsync(ct);
                    copy.Write(p.AccountId, NpgsqlDbType.Bigint);
                    Text(copy, PlatformName(p.Platform));
                    Text(copy, p.Handle);
                    Text(copy, p.DisplayName);
                    Text(copy, p.Tier);
                    Value(copy, p.Followers, NpgsqlDbType.Bigint);
                    Text(copy, p.Country);
                    Text(copy, p.Language);
                    Value(copy, p.IsVerified, NpgsqlDbType.Boolean);
                    copy.Write(p.HasEmail, NpgsqlDbType.Boolean);
                    Text(copy, p.PrimaryNiche);
                    Value(copy, p.NicheConfidence, NpgsqlDbType.Double);
                    Value(copy, p.EngagementRate, NpgsqlDbType.Double);
                    Value(copy, p.EngagementPercentile, NpgsqlDbType.Double);
                    Value(copy, p.AudienceQuality, NpgsqlDbType.Double);
                    Value(copy, p.ExpectedEngagements, NpgsqlDbType.Double);
                    Value(copy, p.PriceEstimate, NpgsqlDbType.Double);
                    Value(copy, p.PriceLow, NpgsqlDbType.Double);
                    Value(copy, p.PriceHigh, NpgsqlDbType.Double);
                    Value(copy, p.LastPostedAt, NpgsqlDbType.Bigint);
                    Value(copy, p.SponsoredShare, NpgsqlDbType.Double);
                    Value(copy, p.Growth, NpgsqlDbType.Double);
                    Value(copy, p.SafetyScore, NpgsqlDbType.Double);
                    Text(copy, p.Words);
                    copy.Write(p.UpdatedAt, NpgsqlDbType.TimestampTz);
                }
                await copy.CompleteAsync(ct);
            }
            await using var upsert = new NpgsqlCommand(UpsertSql, Connection, (NpgsqlTransaction)Transaction);
            written = await upsert.ExecuteNonQueryAsync(ct);
        }

        if (changes.NichesRemoved.Count > 0)
        {
            await ExecuteAsync("DELETE FROM search_profile_niches t USING unnest(@a, @k) AS d(a, k) WHERE t.account_id = d.a AND t.niche = d.k", ct,
                new NpgsqlParameter<long[]>("a", [.. changes.NichesRemoved.Select(r => r.AccountId)]),
                new NpgsqlParameter<string[]>("k", [.. changes.NichesRemoved.Select(r => r.Niche)]));
        }
        if (changes.TermsRemoved.Count > 0)
        {
            await ExecuteAsync("DELETE FROM search_profile_terms t USING unnest(@a, @k) AS d(a, k) WHERE t.account_id = d.a AND t.term = d.k", ct,
                new NpgsqlParameter<long[]>("a", [.. changes.TermsRemoved.Select(r => r.AccountId)]),
                new NpgsqlParameter<string[]>("k", [.. changes.TermsRemoved.Select(r => r.Term)]));
        }
        if (changes.NichesChanged.Count > 0)
        {
            await ExecuteAsync("UPDATE search_profile_niches t SET score = d.s FROM unnest(@a, @k, @s) AS d(a, k, s) " +
                "WHERE t.account_id = d.a AND t.niche = d.k", ct,
                new NpgsqlParameter<long[]>("a", [.. changes.NichesChanged.Select(n => n.AccountId)]),
                new NpgsqlParameter<string[]>("k", [.. changes.NichesChanged.Select(n => n.Niche)]),
                new NpgsqlParameter<int[]>("s", [.. changes.NichesChanged.Select(n => n.Score)]));
        }
        if (changes.TermsChanged.Count > 0)
        {
            await ExecuteAsync("UPDATE search_profile_terms t SET last_used_at = d.l, uses = d.u FROM unnest(@a, @k, @l, @u) AS d(a, k, l, u) " +
                "WHERE t.account_id = d.a AND t.term = d.k", ct,
                new NpgsqlParameter<long[]>("a", [.. changes.TermsChanged.Select(t => t.AccountId)]),
                new NpgsqlParameter<string[]>("k", [.. changes.TermsChanged.Select(t => t.Term)]),
                new NpgsqlParameter<long[]>("l", [.. changes.TermsChanged.Select(t => t.LastUsedAt)]),
                new NpgsqlParameter<int[]>("u", [.. changes.TermsChanged.Select(t => t.Uses)]));
        }
        if (changes.NichesAdded.Count > 0)
        {
            await using var copy = await Connection.BeginBinaryImportAsync(
                "COPY search_profile_niches (account_id, niche, score) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var n in changes.NichesAdded)
            {
                await copy.StartRowAsync(ct);
                copy.Write(n.AccountId, NpgsqlDbType.Bigint);
                copy.Write(n.Niche, NpgsqlDbType.Text);
                copy.Write(n.Score, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync(ct);
        }
        if (changes.TermsAdded.Count > 0)
        {
            await using var copy = await Connection.BeginBinaryImportAsync(
                "COPY search_profile_terms (account_id, term, last_used_at, uses) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var t in changes.TermsAdded)
            {
                await copy.StartRowAsync(ct);
                copy.Write(t.AccountId, NpgsqlDbType.Bigint);
                copy.Write(t.Term, NpgsqlDbType.Text);
                copy.Write(t.LastUsedAt, NpgsqlDbType.Bigint);
                copy.Write(t.Uses, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync(ct);
        }
        return written;
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
            copy.WriteNull();
        else
            copy.Write(value, NpgsqlDbType.Text);
    }

    private static void Value<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
            copy.Write(v, type);
        else
            copy.WriteNull();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, Connection, (NpgsqlTransaction)Transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_stageReady)
            await ExecuteAsync($"DROP TABLE IF EXISTS {Stage}", CancellationToken.None);
    }
}
