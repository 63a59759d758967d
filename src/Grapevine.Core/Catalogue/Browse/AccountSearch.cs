using System.Linq.Expressions;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Catalogue.Browse;

/// <summary>
/// Filters, sorts and pages the catalogue with keyset cursors, for the web API, the UI and the CLI.
/// Order: the sort value (unknown values last), then account id, so every row has one place.
/// </summary>
public sealed class AccountSearch(GrapevineDb db)
{
    public async Task<AccountPage> SearchAsync(AccountQuery query, CancellationToken ct)
    {
        var rows = Filter(Rows(), query, db);
        var backward = query.Cursor?.Backward ?? false;
        if (query.Cursor is { } cursor)
            rows = backward ? rows.Where(Before(cursor)) : rows.Where(After(cursor));
        var found = await Order(rows, query.Sort, reverse: backward).Take(query.Limit + 1).ToListAsync(ct);

        var more = found.Count > query.Limit;
        if (more)
            found.RemoveAt(found.Count - 1);
        if (backward)
            found.Reverse();

        string? next = null, previous = null;
        if (found.Count > 0)
        {
            if (backward ? query.Cursor is not null : more)
                next = CursorAt(found[^1], query.Sort, backward: false).Encode();
            if (backward ? more : query.Cursor is not null)
                previous = CursorAt(found[0], query.Sort, backward: true).Encode();
        }
        else if (query.Cursor is not null)
        {
            // An empty page reached through a cursor: offer the way back.
            var turned = query.Cursor with { Backward = !backward };
            if (backward)
                next = turned.Encode();
            else
                previous = turned.Encode();
        }
        return new AccountPage(found.Select(ToSummary).ToList(), next, previous);
    }

    /// <summary>How many accounts match the filters of a query (its cursor and limit are ignored).</summary>
    public Task<int> CountAsync(AccountQuery query, CancellationToken ct) => Filter(Rows(), query, db).CountAsync(ct);

    /// <summary>The distinct filter values present in the catalogue, for pick lists.</summary>
    public async Task<AccountFacets> FacetsAsync(CancellationToken ct)
    {
        var countries = await db.Accounts.Where(a => a.Country != null).Select(a => a.Country!).Distinct().OrderBy(c => c).ToListAsync(ct);
        var languages = await db.Accounts.Where(a => a.Language != null).Select(a => a.Language!).Distinct().OrderBy(c => c).ToListAsync(ct);
        var categories = await db.Accounts.Where(a => a.Category != null).Select(a => a.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
        return new AccountFacets(countries, languages, categories);
    }

    private IQueryable<AccountRow> Rows()
    {
        var er = MetricDefinitions.ErByFollowers.Name;
        var growth = MetricDefinitions.FollowerGrowth30.Name;
        return from a in db.Accounts
               join e in db.AccountMetrics.Where(m => m.Name == er) on a.Id equals e.AccountId into es
               from e in es.DefaultIfEmpty()
               join g in db.AccountMetrics.Where(m => m.Name == growth) on a.Id equals g.AccountId into gs
               from g in gs.DefaultIfEmpty()
               select new AccountRow
               {
                   Id = a.Id,
                   Platform = a.Platform,
                   Handle = a.Handle,
                   DisplayName = a.DisplayName,
                   Followers = a.Followers,
                   Tier = a.Tier,
                   Country = a.Country,
                   Language = a.Language,
                   Category = a.Category,
                   IsVerified = a.IsVerified,
                   Er = e == null ? null : e.Value,
                   Growth = g == null ? null : g.Value,
               };
    }

    // Country and language are stored normalised (upper and lower case) by every writer, so they match
    // exactly and use their indexes; category keeps its source's case and is compared without case.
    private static IQueryable<AccountRow> Filter(IQueryable<AccountRow> rows, AccountQuery q, GrapevineDb db)
    {
        // AccountTags is workspace-owned: the query filter keeps this to the current workspace's tags.
        if (q.Tag is { } tag)
            rows = rows.Where(r => db.AccountTags.Any(t => t.AccountId == r.Id && t.Tag == tag));
        if (q.Platform is { } platform)
            rows = rows.Where(r => r.Platform == platform);
        if (q.Tier is { } tier)
            rows = rows.Where(r => r.Tier == tier);
        if (q.Country is { } country)
            rows = rows.Where(r => r.Country == country);
        if (q.Language is { } language)
            rows = rows.Where(r => r.Language == language);
        if (q.Category is { } category)
            rows = rows.Where(r => r.Category!.ToLower() == category);
        if (q.MinFollowers is { } min)
            rows = rows.Where(r => r.Followers >= min);
        if (q.MaxFollowers is { } max)
            rows = rows.Where(r => r.Followers <= max);
        return rows;
    }

    private static IQueryable<AccountRow> Order(IQueryable<AccountRow> rows, AccountSort sort, bool reverse)
    {
        // Walking backward reads the same order from the other end, then the page is flipped.
        var descending = sort.Descending != reverse;
        return sort.Field switch
        {
            AccountSortField.Followers => ThenById(Key(NullsLast(rows, r => r.Followers == null, reverse), r => r.Followers, descending), reverse),
            AccountSortField.Er => ThenById(Key(NullsLast(rows, r => r.Er == null, reverse), r => r.Er, descending), reverse),
            AccountSortField.Growth => ThenById(Key(NullsLast(rows, r => r.Growth == null, reverse), r => r.Growth, descending), reverse),
            _ => ThenById(descending ? rows.OrderByDescending(r => r.Handle) : rows.OrderBy(r => r.Handle), reverse),
        };
    }

    private static IOrderedQueryable<AccountRow> NullsLast(IQueryable<AccountRow> rows, Expression<Func<AccountRow, bool>> isNull, bool reverse) =>
        reverse ? rows.OrderByDescending(isNull) : rows.OrderBy(isNull);

    private static IOrderedQueryable<AccountRow> Key<T>(IOrderedQueryable<AccountRow> rows, Expression<Func<AccountRow, T>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    private static IQueryable<AccountRow> ThenById(IOrderedQueryable<AccountRow> rows, bool reverse) =>
        reverse ? rows.ThenByDescending(r => r.Id) : rows.ThenBy(r => r.Id);

    // Rows strictly after the cursor's row in the forward order.
    private static Expression<Func<AccountRow, bool>> After(AccountCursor c)
    {
        var id = c.Id;
        var desc = c.Sort.Descending;
        switch (c.Sort.Field)
        {
            case AccountSortField.Followers when c.Value is null:
                return r => r.Followers == null && r.Id > id;
            case AccountSortField.Followers:
                var f = c.LongValue;
                return desc
                    ? r => r.Followers == null || r.Followers < f || (r.Followers == f && r.Id > id)
                    : r => r.Followers == null || r.Followers > f || (r.Followers == f && r.Id > id);
            case AccountSortField.Er when c.Value is null:
                return r => r.Er == null && r.Id > id;
            case AccountSortField.Er:
                var e = c.DoubleValue;
                return desc
                    ? r => r.Er == null || r.Er < e || (r.Er == e && r.Id > id)
                    : r => r.Er == null || r.Er > e || (r.Er == e && r.Id > id);
            case AccountSortField.Growth when c.Value is null:
                return r => r.Growth == null && r.Id > id;
            case AccountSortField.Growth:
                var g = c.DoubleValue;
                return desc
                    ? r => r.Growth == null || r.Growth < g || (r.Growth == g && r.Id > id)
                    : r => r.Growth == null || r.Growth > g || (r.Growth == g && r.Id > id);
            default:
                var h = c.Value ?? "";
                return desc
                    ? r => string.Compare(r.Handle, h) < 0 || (r.Handle == h && r.Id > id)
                    : r => string.Compare(r.Handle, h) > 0 || (r.Handle == h && r.Id > id);
        }
    }

    // Rows strictly before the cursor's row: neither after it nor the row itself (the order is total).
    private static Expression<Func<AccountRow, bool>> Before(AccountCursor c)
    {
        var after = After(c);
        var id = c.Id;
        var row = after.Parameters[0];
        var self = Expression.Equal(Expression.Property(row, nameof(AccountRow.Id)), ((Expression<Func<long>>)(() => id)).Body);
        var body = Expression.Not(Expression.OrElse(after.Body, self));
        return Expression.Lambda<Func<AccountRow, bool>>(body, row);
    }

    private static AccountCursor CursorAt(AccountRow row, AccountSort sort, bool backward) => new(sort, backward, row.Id, sort.Field switch
    {
        AccountSortField.Followers => AccountCursor.Format(row.Followers),
        AccountSortField.Er => AccountCursor.Format(row.Er),
        AccountSortField.Growth => AccountCursor.Format(row.Growth),
        _ => row.Handle,
    });

    private static AccountSummary ToSummary(AccountRow r) => new(
        r.Platform.Name(), r.Handle, r.DisplayName, r.Followers, r.Tier, r.Country, r.Language, r.Category, r.IsVerified, r.Er, r.Growth);

    private sealed class AccountRow
    {
        public long Id { get; init; }
        public Platform Platform { get; init; }
        public required string Handle { get; init; }
        public string? DisplayName { get; init; }
        public long? Followers { get; init; }
        public string? Tier { get; init; }
        public string? Country { get; init; }
        public string? Language { get; init; }
        public string? Category { get; init; }
        public bool? IsVerified { get; init; }
        public double? Er { get; init; }
        public double? Growth { get; init; }
    }
}

/// <summary>Filter values present in the catalogue.</summary>
public sealed record AccountFacets(IReadOnlyList<string> Countries, IReadOnlyList<string> Languages, IReadOnlyList<string> Categories);
