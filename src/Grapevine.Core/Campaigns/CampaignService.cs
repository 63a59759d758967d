using System.Globalization;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// The current workspace's campaigns and their candidates: set up, edit, duplicate, archive; candidates from a search,
/// a saved list or by handle, with the marketer's decisions and first-test results. Every change is audited.
/// </summary>
public sealed class CampaignService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time, DiscoveryService discovery)
{
    /// <summary>At most this many accounts come from one search.</summary>
    public const int MaxSearchCandidates = 200;

    public const decimal MaxTestSpend = 10_000_000m;

    public static class AuditActions
    {
        public const string Created = "campaign_created";
        public const string Edited = "campaign_edited";
        public const string Duplicated = "campaign_duplicated";
        public const string Archived = "campaign_archived";
        public const string Unarchived = "campaign_unarchived";
        public const string CandidatesAdded = "campaign_candidates_added";
        public const string CandidateRemoved = "campaign_candidate_removed";
        public const string CandidatesRemoved = "campaign_candidates_removed";
        public const string CandidateChanged = "campaign_candidate_changed";
    }

    /// <summary>Active campaigns (or archived ones), most recently changed first, with their candidate counts.</summary>
    public async Task<List<CampaignSummary>> ListAsync(bool archived, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => archived ? c.ArchivedAt != null : c.ArchivedAt == null)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Brand,
                c.Goal,
                c.Budget,
                c.Currency,
                c.StartsOn,
                c.EndsOn,
                c.Platforms,
                c.FirstTest,
                Candidates = c.Candidates.Count,
                c.CreatedAt,
                c.UpdatedAt,
                c.ArchivedAt,
            })
            .ToListAsync(ct);
        return [.. campaigns.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Brand, CampaignRules.GoalName(c.Goal), c.Budget, c.Currency, c.StartsOn, c.EndsOn,
                c.Platforms, c.FirstTest, c.Candidates, c.CreatedAt, c.UpdatedAt, c.ArchivedAt))];
    }

    public async Task<CampaignDetails> GetAsync(Guid id, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id);
        var candidates = await db.CampaignCandidates.AsNoTracking().Where(c => c.CampaignId == id)
            .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => new
            {
                c.AccountId,
                a.Platform,
                a.Handle,
                a.DisplayName,
                a.Followers,
                a.Tier,
                a.Country,
                c.Source,
                c.Decision,
                c.AcceptsGifting,
                c.TestSpend,
                c.TestResult,
                c.AddedAt,
            })
            .ToListAsync(ct);
        var views = candidates.OrderBy(c => c.Handle, StringComparer.Ordinal).ThenBy(c => c.Platform)
            .Select(c => new CandidateView(c.AccountId, c.Platform.Name(), c.Handle, c.DisplayName, c.Followers, c.Tier, c.Country, c.Source,
                CampaignRules.DecisionName(c.Decision), c.AcceptsGifting, c.TestSpend, c.TestResult, c.AddedAt))
            .ToList();
        return Details(campaign, views);
    }

    /// <summary>The candidates <paramref name="filter"/> lets through as CSV (<see cref="CandidatesCsv"/>); audited, as every export is.</summary>
    public async Task ExportCandidatesCsvAsync(Guid id, CandidateFilter filter, TextWriter output, CancellationToken ct)
    {
        current.Require(Permission.ExportData);
        var campaign = await GetAsync(id, ct);
        var shown = campaign.Candidates.Where(filter.Matches).ToList();
        await CandidatesCsv.WriteAsync(campaign, shown, output, ct);
        var filtered = filter.IsEmpty ? "" : $" (filter: {string.Join(", ", new[] { ("q", filter.Text), ("decision", filter.Decision), ("tier", filter.Tier) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={p.Item2!.Trim()}"))})";
        audit.Add(AuditLog.Actions.Export, Target(campaign.Name), $"{shown.Count} of {campaign.Candidates.Count} candidates as CSV{filtered}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<CampaignDetails> CreateAsync(CampaignInput input, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var now = time.GetUtcNow();
        var campaign = new Campaign { Id = Guid.CreateVersion7(now), Name = "", Brand = "", CreatedBy = current.UserId ?? Guid.Empty };
        CampaignRules.Apply(input, campaign);
        campaign.CreatedAt = campaign.UpdatedAt = now.UtcDateTime;
        db.Campaigns.Add(campaign);
        audit.Add(AuditActions.Created, Target(campaign), $"{CampaignRules.GoalName(campaign.Goal)}, budget {Amount(campaign.Budget)} {campaign.Currency}");
        await db.SaveChangesAsync(ct);
        return Details(campaign, []);
    }

    /// <summary>Replaces every field of the campaign with <paramref name="input"/> (archived campaigns too).</summary>
    public async Task<CampaignDetails> UpdateAsync(Guid id, CampaignInput input, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id);
        CampaignRules.Apply(input, campaign);
        campaign.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.Edited, Target(campaign));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A new active campaign named "Copy of …" with the same set-up and candidates (decisions and gifting kept; no plans, no test results).</summary>
    public async Task<CampaignDetails> DuplicateAsync(Guid id, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var source = await db.Campaigns.AsNoTracking().Include(c => c.Candidates).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id);
        var now = time.GetUtcNow();
        var name = "Copy of " + source.Name;
        var copy = new Campaign
        {
            Id = Guid.CreateVersion7(now),
            Name = TextCut.Prefix(name, CampaignRules.MaxName),
            Brand = source.Brand,
            BrandValues = source.BrandValues,
            BrandNiches = [.. source.BrandNiches],
            BrandKeywords = [.. source.BrandKeywords],
            Competitors = [.. source.Competitors],
            Goal = source.Goal,
            Budget = source.Budget,
            Currency = source.Currency,
            StartsOn = source.StartsOn,
            EndsOn = source.EndsOn,
            Platforms = [.. source.Platforms],
            TargetCountries = [.. source.TargetCountries],
            TargetLanguages = [.. source.TargetLanguages],
            TargetAgeMin = source.TargetAgeMin,
            TargetAgeMax = source.TargetAgeMax,
            TargetGender = source.TargetGender,
            TargetInterests = [.. source.TargetInterests],
            Deliverables = [.. source.Deliverables.Select(d => new CampaignDeliverable { Deliverable = d.Deliverable, Count = d.Count })],
            KpiImpressions = source.KpiImpressions,
            KpiReach = source.KpiReach,
            KpiEngagements = source.KpiEngagements,
            KpiClicks = source.KpiClicks,
            KpiConversions = source.KpiConversions,
            KpiRevenue = source.KpiRevenue,
            ProductCost = source.ProductCost,
            ClickThroughRate = source.ClickThroughRate,
            ConversionRate = source.ConversionRate,
            AverageOrderValue = source.AverageOrderValue,
            FirstTest = source.FirstTest,
            CreatedBy = current.UserId ?? Guid.Empty,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
            Candidates = [.. source.Candidates.Select(c => new CampaignCandidate
            {
                AccountId = c.AccountId,
                Source = c.Source,
                Decision = c.Decision,
                AcceptsGifting = c.AcceptsGifting,
                AddedAt = now.UtcDateTime,
            })],
        };
        db.Campaigns.Add(copy);
        audit.Add(AuditActions.Duplicated, Target(copy), $"from campaign '{source.Name}' ({source.Candidates.Count} candidates)");
        await db.SaveChangesAsync(ct);
        return await GetAsync(copy.Id, ct);
    }

    public async Task ArchiveAsync(Guid id, CancellationToken ct) => await SetArchivedAsync(id, archive: true, ct);

    public async Task UnarchiveAsync(Guid id, CancellationToken ct) => await SetArchivedAsync(id, archive: false, ct);

    private async Task SetArchivedAsync(Guid id, bool archive, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id);
        if (campaign.ArchivedAt is not null == archive)
            return;
        var now = time.GetUtcNow().UtcDateTime;
        campaign.ArchivedAt = archive ? now : null;
        campaign.UpdatedAt = now;
        audit.Add(archive ? AuditActions.Archived : AuditActions.Unarchived, Target(campaign));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds the results of a search (at most <see cref="MaxSearchCandidates"/>; all of them when no limit is given).
    /// Bad search input throws a <see cref="DiscoveryQueryException"/> naming each field.
    /// </summary>
    public async Task<CandidatesAdded> AddFromSearchAsync(Guid id, DiscoveryQueryInput input, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        var query = DiscoveryQueryParser.Parse(input);
        // Parsed above, so every key is known: the query-string spellings of a JSON body are now fields too.
        input = input.WithOtherKeys((_, _) => { });
        if (string.IsNullOrWhiteSpace(input.Text) && input.Describe().Length == 0)
            throw new ArgumentException("Type some words or choose a filter: the top results of an empty search would be up to 200 arbitrary creators.", "search");
        if (string.IsNullOrWhiteSpace(input.Limit))
            query = query with { Limit = MaxSearchCandidates };
        // The campaign's brand niches and keywords rank the search, so a capped search keeps the creators that fit it best.
        var brand = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.BrandNiches, c.BrandKeywords, c.Platforms }).SingleAsync(ct);
        query = BrandFit.With(query, brand.BrandNiches, brand.BrandKeywords);
        // A search that names no platform looks on the campaign's own: creators elsewhere could not be planned.
        if (query.Platforms.Count == 0 && brand.Platforms.Count > 0)
        {
            query = query with
            {
                Platforms = [.. brand.Platforms.Select(p => CatalogueNames.TryParsePlatform(p, out var platform) ? platform : (Platform?)null).OfType<Platform>()],
            };
        }
        var search = await discovery.SearchAsync(query, current.Id, ct);
        // The words, then the filters that chose the matches (not the sort or ranking): "vegan; country=DE".
        var described = string.Join("; ", new[] { input.Text?.Trim(), (input with { Text = null }).DescribeFilters() }.Where(p => !string.IsNullOrEmpty(p)));
        if (described.Length == 0)
            described = "all creators";
        return await AddAsync(id, campaign, [.. search.Result.Hits.Select(h => h.AccountId)], "search: " + described, ct);
    }

    /// <summary>Adds every account of a saved list of this workspace.</summary>
    public async Task<CandidatesAdded> AddFromListAsync(Guid id, Guid listId, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        var list = await db.CreatorLists.AsNoTracking().Where(l => l.Id == listId).Select(l => new { l.Name, Accounts = l.Items.Select(i => i.AccountId).ToList() })
            .SingleOrDefaultAsync(ct) ?? throw new ArgumentException("This workspace has no such list.", "listId");
        return await AddAsync(id, campaign, list.Accounts, "list: " + list.Name, ct);
    }

    /// <summary>Adds one catalogue account by platform and handle, as a "manual" candidate.</summary>
    public Task<CandidatesAdded> AddAccountAsync(Guid id, AccountRef account, CancellationToken ct) =>
        AddAccountsAsync(id, [account], ManualSource, ct);

    /// <summary>The source of a candidate someone named by hand.</summary>
    public const string ManualSource = "manual";

    /// <summary>The source of candidates picked from Discover's results: "discover: " and the search they came from.</summary>
    public static string DiscoverSource(string search) => "discover: " + (string.IsNullOrWhiteSpace(search) ? "all creators" : search.Trim());

    /// <summary>Adds catalogue accounts by platform and handle, all recorded with one <paramref name="source"/> in one audited change.</summary>
    public async Task<CandidatesAdded> AddAccountsAsync(Guid id, IReadOnlyList<AccountRef> accounts, string source, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        var ids = new List<long>(accounts.Count);
        foreach (var account in accounts)
        {
            var handle = CatalogueNames.NormalizeHandle(account.Handle);
            if (handle.Length == 0)
                throw new ArgumentException("A handle is required.", "handle");
            ids.Add(await db.Accounts.Where(a => a.Platform == account.Platform && a.Handle == handle).Select(a => (long?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new ArgumentException($"The catalogue has no {account.Platform.Name()} account '{handle}'.", "handle"));
        }
        return await AddAsync(id, campaign, ids, source, ct);
    }

    public Task<CandidateView> UpdateCandidateAsync(Guid id, long accountId, CandidateChange change, CancellationToken ct) =>
        UpdateCandidateAsync(id, accountId, change, ifMatch: null, ct);

    /// <summary>
    /// Changes a candidate; with <paramref name="ifMatch"/> (entity tags, as in an If-Match header) only while its
    /// <see cref="CandidateView.Version"/> is one of them, else <see cref="CandidateChangedException"/> and nothing changes.
    /// </summary>
    public async Task<CandidateView> UpdateCandidateAsync(Guid id, long accountId, CandidateChange change, string? ifMatch, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        for (var attempt = 1; ; attempt++)
        {
            if (await TryUpdateCandidateAsync(id, campaign, accountId, change, ifMatch, ct))
                return (await GetAsync(id, ct)).Candidates.Single(c => c.AccountId == accountId);
            // Someone changed (or removed) the candidate between the read and the write: nothing was written.
            if (ifMatch is not null)
                throw await ChangedAsync(id, accountId, ct);
            // Without If-Match a change applies whatever the candidate holds: it is applied again to the candidate as it
            // is now, a few times, but not for ever against a colleague (or a script) that keeps writing first.
            if (attempt == MaxWriteAttempts)
                throw new CandidateKeepsChangingException($"@{await HandleOfAsync(id, accountId, ct)} was not changed");
        }
    }

    /// <summary>
    /// A change or removal made without a version is tried again this many times in all when a colleague's write lands
    /// between its read and its write; then it gives up with <see cref="CandidateKeepsChangingException"/>.
    /// </summary>
    public const int MaxWriteAttempts = 3;

    /// <summary>One try at a change: false, with nothing written, when the candidate changed between its read and its write.</summary>
    private async Task<bool> TryUpdateCandidateAsync(Guid id, string campaign, long accountId, CandidateChange change, string? ifMatch, CancellationToken ct)
    {
        var candidate = await db.CampaignCandidates.SingleOrDefaultAsync(c => c.CampaignId == id && c.AccountId == accountId, ct)
            ?? throw new KeyNotFoundException($"Account {accountId} is not a candidate of this campaign.");
        if (ifMatch is not null && !CandidateVersion.Matches(ifMatch,
                CandidateVersion.Of(CampaignRules.DecisionName(candidate.Decision), candidate.AcceptsGifting, candidate.TestSpend, candidate.TestResult)))
            throw await ChangedAsync(id, accountId, ct);
        var errors = new FieldErrors();
        if (change.Decision is not null)
        {
            candidate.Decision = errors.Check(() => CampaignRules.TryParseDecision(change.Decision, out var decision)
                ? decision
                : throw new ArgumentException($"Unknown decision '{change.Decision}'; one of {string.Join(", ", CampaignRules.Decisions)}.", "decision"),
                candidate.Decision);
        }
        if (change.AcceptsGifting is { } gifting)
            candidate.AcceptsGifting = gifting;
        if (change.TestSpend is { } spend)
        {
            candidate.TestSpend = errors.Check(() => spend is >= 0 and <= MaxTestSpend && decimal.Round(spend, 2) == spend
                ? spend
                : throw new ArgumentException($"A test spend is 0 to {MaxTestSpend:N0} with at most two decimals.", "testSpend"), candidate.TestSpend);
        }
        if (change.ClearsTestSpend)
            candidate.TestSpend = null;
        if (change.ClearsTestResult)
            candidate.TestResult = null;
        if (change.TestResult is { } result)
        {
            candidate.TestResult = errors.Check(() => double.IsFinite(result) && result >= 0
                ? result
                : throw new ArgumentException(double.IsFinite(result) ? "A test result is 0 or more." : "A test result is a finite number, 0 or more.", "testResult"),
                candidate.TestResult);
        }
        errors.ThrowIfAny();
        if (db.Entry(candidate).State == EntityState.Modified)
        {
            var handle = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Handle).SingleAsync(ct);
            audit.Add(AuditActions.CandidateChanged, Target(campaign),
                $"@{handle}: decision {candidate.Decision.ToString().ToLowerInvariant()}, gifting {(candidate.AcceptsGifting ? "yes" : "no")}, test spend {candidate.TestSpend?.ToString(CultureInfo.InvariantCulture) ?? "none"}, test result {candidate.TestResult?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }
        // The four fields the version is made of are concurrency tokens: a write after a colleague's matches no row.
        return await SavedAsync(ct);
    }

    private async Task<string> HandleOfAsync(Guid id, long accountId, CancellationToken ct) =>
        await db.CampaignCandidates.Where(c => c.CampaignId == id && c.AccountId == accountId)
            .Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => a.Handle).SingleOrDefaultAsync(ct)
        ?? throw new KeyNotFoundException($"Account {accountId} is not a candidate of this campaign.");

    /// <summary>The refusal of a change checked against a version the candidate no longer has, carrying the candidate as it is now.</summary>
    private async Task<Exception> ChangedAsync(Guid id, long accountId, CancellationToken ct) =>
        (await GetAsync(id, ct)).Candidates.FirstOrDefault(c => c.AccountId == accountId) is { } seen
            ? new CandidateChangedException(seen, seen.Handle)
            : new KeyNotFoundException($"Account {accountId} is not a candidate of this campaign.");

    public async Task RemoveCandidateAsync(Guid id, long accountId, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        for (var attempt = 1; ; attempt++)
        {
            var candidate = await db.CampaignCandidates.SingleOrDefaultAsync(c => c.CampaignId == id && c.AccountId == accountId, ct)
                ?? throw new KeyNotFoundException($"Account {accountId} is not a candidate of this campaign.");
            var handle = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Handle).SingleAsync(ct);
            db.CampaignCandidates.Remove(candidate);
            audit.Add(AuditActions.CandidateRemoved, Target(campaign), "@" + handle);
            if (await SavedAsync(ct))
                return;
            if (attempt == MaxWriteAttempts)
                throw new CandidateKeepsChangingException($"@{handle} was not removed");
        }
    }

    /// <summary>
    /// Saves a change or removal; false, with nothing written, when a colleague changed or removed one of the candidates
    /// since it was read (an update or delete matches on the concurrency tokens too), so the caller reads them again.
    /// </summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>At most this many candidates are removed at once (a search adds up to <see cref="MaxSearchCandidates"/>).</summary>
    public const int MaxRemovedAtOnce = 1000;

    /// <summary>
    /// Removes several candidates at once, with their decisions and test results, in one audited change. Accounts that
    /// are not candidates are named back rather than refused, so removing twice is harmless.
    /// </summary>
    public async Task<CandidatesRemoved> RemoveCandidatesAsync(Guid id, IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var campaign = await NameOfAsync(id, ct);
        if (accountIds.Count == 0)
            throw new ArgumentException("Name at least one candidate to remove.", "accountIds");
        if (accountIds.Count > MaxRemovedAtOnce)
            throw new ArgumentException($"At most {MaxRemovedAtOnce:N0} candidates are removed at once.", "accountIds");
        var wanted = accountIds.Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            var candidates = await db.CampaignCandidates.Where(c => c.CampaignId == id && wanted.Contains(c.AccountId)).ToListAsync(ct);
            var removed = candidates.Select(c => c.AccountId).ToHashSet();
            if (candidates.Count > 0)
            {
                var handles = await db.Accounts.Where(a => removed.Contains(a.Id)).OrderBy(a => a.Handle).Select(a => a.Handle).ToListAsync(ct);
                db.CampaignCandidates.RemoveRange(candidates);
                (await db.Campaigns.SingleAsync(c => c.Id == id, ct)).UpdatedAt = time.GetUtcNow().UtcDateTime;
                var named = string.Join(", ", handles.Take(20).Select(h => "@" + h)) + (handles.Count > 20 ? $" and {handles.Count - 20} more" : "");
                audit.Add(AuditActions.CandidatesRemoved, Target(campaign), $"{candidates.Count} removed: {named}");
                if (!await SavedAsync(ct))
                {
                    if (attempt == MaxWriteAttempts)
                        throw new CandidateKeepsChangingException(candidates.Count == 1 ? $"@{handles[0]} was not removed" : $"The {candidates.Count} candidates were not removed", several: candidates.Count > 1);
                    continue;
                }
            }
            return new CandidatesRemoved(candidates.Count, [.. wanted.Where(a => !removed.Contains(a))]);
        }
    }

    private async Task<CandidatesAdded> AddAsync(Guid id, string campaign, List<long> accountIds, string source, CancellationToken ct)
    {
        var wanted = accountIds.Distinct().ToList();
        var present = await db.CampaignCandidates.Where(c => c.CampaignId == id && wanted.Contains(c.AccountId)).Select(c => c.AccountId).ToListAsync(ct);
        var added = wanted.Except(present).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        source = source.Length <= 200 ? source : TextCut.Prefix(source, 199) + "…";
        db.CampaignCandidates.AddRange(added.Select(a => new CampaignCandidate { CampaignId = id, AccountId = a, Source = source, AddedAt = now }));
        if (added.Count > 0)
        {
            var campaignRow = await db.Campaigns.SingleAsync(c => c.Id == id, ct);
            campaignRow.UpdatedAt = now;
            audit.Add(AuditActions.CandidatesAdded, Target(campaign), $"{added.Count} from {source}");
        }
        await db.SaveChangesAsync(ct);
        return new CandidatesAdded(added.Count, wanted.Count);
    }

    private async Task<string> NameOfAsync(Guid id, CancellationToken ct) =>
        await db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct) ?? throw NotFound(id);

    private static CampaignDetails Details(Campaign c, IReadOnlyList<CandidateView> candidates) => new(
        c.Id, c.Name, c.Brand, c.BrandValues, c.BrandNiches, c.BrandKeywords, c.Competitors, CampaignRules.GoalName(c.Goal), c.Budget, c.Currency,
        c.StartsOn, c.EndsOn, c.Platforms, c.TargetCountries, c.TargetLanguages, c.TargetAgeMin, c.TargetAgeMax, c.TargetGender, c.TargetInterests,
        [.. c.Deliverables.Select(d => new CampaignDeliverableView(d.Deliverable, d.Count))], c.KpiImpressions, c.KpiReach, c.KpiEngagements,
        c.KpiClicks, c.KpiConversions, c.KpiRevenue, c.ProductCost, c.ClickThroughRate, c.ConversionRate, c.AverageOrderValue, c.FirstTest,
        c.CreatedAt, c.UpdatedAt, c.ArchivedAt, candidates);

    /// <summary>How the audit log names a campaign.</summary>
    public static string Target(Campaign campaign) => Target(campaign.Name);

    public static string Target(string campaignName) => $"campaign '{campaignName}'";

    internal static string Amount(decimal amount) => amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static KeyNotFoundException NotFound(Guid id) => new($"No campaign with id {id}.");
}
