using System.Data.Common;
using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>What one chunk of accounts needs for its profiles, and what their stored profiles hold now.</summary>
internal sealed class SearchProfileChunk
{
    public List<SearchProfileInput> Inputs { get; } = [];

    public Dictionary<long, Dictionary<string, int>> StoredNiches { get; } = [];
    public Dictionary<long, Dictionary<string, (long LastUsedAt, int Uses)>> StoredTerms { get; } = [];

    public void StoredNiche(long accountId, string niche, int score)
    {
        if (!StoredNiches.TryGetValue(accountId, out var niches))
            StoredNiches[accountId] = niches = new(StringComparer.Ordinal);
        niches[niche] = score;
    }

    public void StoredTerm(long accountId, string term, long lastUsedAt, int uses)
    {
        if (!StoredTerms.TryGetValue(accountId, out var terms))
            StoredTerms[accountId] = terms = new(StringComparer.Ordinal);
        terms[term] = (lastUsedAt, uses);
    }
}

/// <summary>
/// Collects posts read newest first per account, and says for each which text columns are worth decoding: tags within
/// the window, captions within the window until the builder's <see cref="SearchProfileBuilder.CaptionPosts"/> are found.
/// </summary>
internal sealed class PostCollector(long[] accountIds, DateTime windowStart)
{
    private readonly Dictionary<long, List<ProfilePost>> _posts = accountIds.ToDictionary(id => id, _ => new List<ProfilePost>());
    private readonly Dictionary<long, int> _captions = [];
    private List<ProfilePost>? _current;
    private long _currentId;
    private DateTime _postedAt;

    public IReadOnlyList<ProfilePost> Of(long accountId) => _posts[accountId];

    /// <summary>Starts a row; null when the account is not being read.</summary>
    public (bool Caption, bool Tags)? Start(long accountId, DateTime postedAt)
    {
        if (!_posts.TryGetValue(accountId, out _current))
            return null;
        _currentId = accountId;
        _postedAt = postedAt;
        var inWindow = postedAt >= windowStart;
        return (inWindow && _captions.GetValueOrDefault(accountId) < SearchProfileBuilder.CaptionPosts, inWindow);
    }

    public void Add(PostType type, string? caption, string? hashtags, string? mentions, long? likes, long? comments)
    {
        if (!string.IsNullOrWhiteSpace(caption))
            _captions[_currentId] = _captions.GetValueOrDefault(_currentId) + 1;
        _current!.Add(new ProfilePost(_postedAt, type, caption, hashtags, mentions, likes, comments));
    }
}

/// <summary>
/// Reads the inputs of search profiles for a chunk of account ids with plain ADO.NET, as the metrics recompute does
/// (<see cref="MetricInputReader"/>): accounts with their stored profile's group, three metrics, follower samples and
/// stored niches and terms in one multi-statement round trip, posts in a second (SQLite reads them through the
/// statement API). SQLite joins a temp table of ids; PostgreSQL takes an array.
/// </summary>
internal sealed class SearchProfileInputReader(DatabaseProvider provider, DbTransaction transaction) : IAsyncDisposable
{
    private const string TempTable = "search_profile_ids";
    private bool _tempTableReady;

    private static readonly string[] MetricNames =
        [MetricDefinitions.ErByFollowers.Name, MetricDefinitions.SponsoredShare.Name, MetricDefinitions.FollowerGrowth30.Name];

    private string Ids(string column) => provider == DatabaseProvider.Postgres
        ? $"{column} = ANY(@ids)"
        : $"{column} IN (SELECT id FROM temp.{TempTable})";

    // Posts before windowStart give no caption or tags (SearchProfileBuilder.RecentDays), so those are not decoded.
    public async Task<SearchProfileChunk> ReadAsync(long[] ids, DateTime windowStart, CancellationToken ct)
    {
        await LoadIdsAsync(ids, ct);
        var chunk = new SearchProfileChunk();
        var accounts = new Dictionary<long, AccountFields>(ids.Length);
        var metrics = new Dictionary<long, double?[]>(ids.Length);
        var samples = new Dictionary<long, List<FollowerProfile>>();
        var metricList = string.Join(", ", MetricNames.Select(n => $"'{n}'"));
        var sql =
            "SELECT a.id, a.platform, a.handle, a.display_name, a.followers, a.tier, a.country, a.language, a.is_verified, a.email, a.bio, " +
            $"a.category FROM accounts a WHERE {Ids("a.id")};\n" +
            $"SELECT m.account_id, m.name, m.value FROM account_metrics m WHERE {Ids("m.account_id")} AND m.name IN ({metricList});\n" +
            "SELECT f.account_id, f.follower_username, f.full_name, f.bio_length, f.followers, f.following, f.posts_count, f.has_profile_pic, " +
            $"f.is_private, f.has_external_url FROM follower_samples f WHERE {Ids("f.account_id")};";
        await using (var command = Command(sql, ids))
        await using (var r = await command.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (!CatalogueNames.TryParsePlatform(r.GetString(1), out var platform))
                    continue;
                accounts[id] = new AccountFields(platform, r.GetString(2), Text(r, 3), Long(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
                    Bool(r, 8), Text(r, 9), Text(r, 10), Text(r, 11));
            }
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (!metrics.TryGetValue(id, out var values))
                    metrics[id] = values = new double?[MetricNames.Length];
                values[Array.IndexOf(MetricNames, r.GetString(1))] = r.IsDBNull(2) ? null : r.GetDouble(2);
            }
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (!samples.TryGetValue(id, out var sample))
                    samples[id] = sample = [];
                sample.Add(new FollowerProfile(r.GetString(1), Text(r, 2), null, r.IsDBNull(3) ? null : r.GetInt32(3),
                    Long(r, 4), Long(r, 5), Long(r, 6), Bool(r, 7), Bool(r, 8), Bool(r, 9)));
            }
        }

        var niches = $"SELECT n.account_id, n.niche, n.score FROM search_profile_niches n WHERE {Ids("n.account_id")}";
        var terms = $"SELECT t.account_id, t.term, t.last_used_at, t.uses FROM search_profile_terms t WHERE {Ids("t.account_id")}";
        // Newest first per account, so that captions and tags the builder would not use are never decoded. PostgreSQL
        // also leaves out the text of posts before the window, which would otherwise cross the wire only to be skipped.
        var texts = provider == DatabaseProvider.Postgres
            ? string.Join(", ", new[] { "caption", "hashtags", "mentions" }.Select(c => $"CASE WHEN p.posted_at >= @window THEN p.{c} END"))
            : "p.caption, p.hashtags, p.mentions";
        var postsSql = $"SELECT p.account_id, p.posted_at, p.type, {texts}, p.likes, p.comments " +
            $"FROM posts p WHERE {Ids("p.account_id")} ORDER BY p.account_id, p.posted_at DESC";
        var posts = new PostCollector([.. accounts.Keys], windowStart);
        if (provider == DatabaseProvider.Sqlite)
        {
            var handle = ((SqliteConnection)transaction.Connection!).Handle!;
            SqliteProfileRows.ReadStored(handle, niches, terms, chunk);
            SqliteProfileRows.ReadPosts(handle, postsSql, posts);
        }
        else
        {
            await using (var command = Command($"{niches};\n{terms}", ids))
            await using (var r = await command.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                    chunk.StoredNiche(r.GetInt64(0), r.GetString(1), r.GetInt32(2));
                await r.NextResultAsync(ct);
                while (await r.ReadAsync(ct))
                    chunk.StoredTerm(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt32(3));
            }
            await using (var command = Command(postsSql, ids))
            {
                command.Parameters.Add(new NpgsqlParameter<DateTime>("window", windowStart));
                await using var r = await command.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    if (!CatalogueNames.TryParsePostType(r.GetString(2), out var type) || posts.Start(r.GetInt64(0), Utc(r.GetDateTime(1))) is not { } want)
                        continue;
                    posts.Add(type, want.Caption ? Text(r, 3) : null, want.Tags ? Text(r, 4) : null, want.Tags ? Text(r, 5) : null, Long(r, 6), Long(r, 7));
                }
            }
        }

        foreach (var (id, a) in accounts)
        {
            var values = metrics.GetValueOrDefault(id);
            chunk.Inputs.Add(new SearchProfileInput(id, a.Platform, a.Handle, a.DisplayName, a.Followers, a.Tier, a.Country, a.Language,
                a.IsVerified, a.Email, a.Bio, a.Category, posts.Of(id), values?[0], values?[1], values?[2],
                samples.GetValueOrDefault(id) ?? (IReadOnlyList<FollowerProfile>)[]));
        }
        return chunk;
    }

    private sealed record AccountFields(
        Platform Platform, string Handle, string? DisplayName, long? Followers, string? Tier, string? Country, string? Language,
        bool? IsVerified, string? Email, string? Bio, string? Category);

    private async Task LoadIdsAsync(long[] ids, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
            return;
        await using (var setup = Command(_tempTableReady
            ? $"DELETE FROM temp.{TempTable}"
            : $"CREATE TEMP TABLE IF NOT EXISTS {TempTable} (id INTEGER PRIMARY KEY); DELETE FROM temp.{TempTable}", null))
            await setup.ExecuteNonQueryAsync(ct);
        _tempTableReady = true;
        await using var insert = Command($"INSERT OR IGNORE INTO temp.{TempTable} (id) VALUES ($id)", null);
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

    private DbCommand Command(string sql, long[]? ids)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (ids is not null && provider == DatabaseProvider.Postgres)
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        return command;
    }

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public async ValueTask DisposeAsync()
    {
        if (!_tempTableReady)
            return;
        await using var drop = Command($"DROP TABLE IF EXISTS temp.{TempTable}", null);
        await drop.ExecuteNonQueryAsync();
    }
}
