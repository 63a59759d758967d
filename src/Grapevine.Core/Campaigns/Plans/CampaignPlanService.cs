using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns.FirstTest;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Plans a campaign's candidates, or the top results of a search: reads their profiles, prices and forecasts, solves,
/// and (for a campaign, when asked) saves the plan so the page and the export show exactly what was planned.
/// </summary>
public sealed class CampaignPlanService(
    GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time, DiscoveryService discovery, CreatorForecaster forecaster)
{
    public const int MaxSearchCandidates = 200;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static class AuditActions
    {
        public const string Planned = "campaign_planned";
    }

    /// <summary>
    /// Plans the campaign's candidates; planning needs Member or above even unsaved (viewers read the latest plan). Asked to
    /// save, it keeps only a plan that chooses someone, and says in <see cref="CampaignPlanDocument.NotSaved"/> why not otherwise.
    /// </summary>
    public async Task<CampaignPlanDocument> PlanCampaignAsync(Guid campaignId, PlanRequest request, bool save, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        PlanRequestValidation.Check(request);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Candidates).SingleOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new KeyNotFoundException($"No campaign with id {campaignId}.");
        PlanCurrency.Check(campaign.Currency);
        if (campaign.Candidates.Count == 0)
            throw new WorkspaceRuleException("The campaign has no candidates yet: add creators from a search or a list first.");

        var spec = new PlanSpec(campaign.Id, campaign.Goal, request.Budget ?? campaign.Budget, campaign.Currency, campaign.Deliverables,
            campaign.ProductCost, campaign.FirstTest);
        var refs = campaign.Candidates.Select(c => new PlanCandidateRef(c.AccountId, c.Decision, c.AcceptsGifting)).ToList();
        var document = await PlanAsync(spec, refs, campaign.Platforms, request, CreatorForecaster.Assumptions(campaign), ct);
        if (!save)
            return document;
        if (PlanNotSaved.Reason(document) is { } notSaved)
            return document with { NotSaved = notSaved };
        return await new CampaignPlanSaving(db, current, audit).SaveAsync(campaign, request, document, ct);
    }

    /// <summary>The campaign's last saved plan, or null when it has none.</summary>
    public async Task<CampaignPlanDocument?> LatestAsync(Guid campaignId, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
            throw new KeyNotFoundException($"No campaign with id {campaignId}.");
        var json = await db.CampaignPlans.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .OrderByDescending(p => p.CreatedAt).Select(p => p.Document).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<CampaignPlanDocument>(json, Json);
    }

    /// <summary>Plans over the top <see cref="MaxSearchCandidates"/> results of a search, without a campaign.</summary>
    public async Task<CampaignPlanDocument> PlanSearchAsync(SearchPlanSpec search, PlanRequest request, CancellationToken ct)
    {
        var errors = PlanRequestValidation.Errors(request with { Budget = search.Budget });
        if (search.ProductCost is < 0)
            errors.TryAdd("productCost", ["The amount is 0 or more."]);
        if (errors.Count > 0)
            throw new CampaignInputException(errors);
        var query = search.Query with { Limit = Math.Min(search.Query.Limit, MaxSearchCandidates) };
        var found = await discovery.SearchAsync(query, current.Id, ct);
        var refs = found.Result.Hits.Select(h => new PlanCandidateRef(h.AccountId, CandidateDecision.Open, AcceptsGifting: search.ProductCost is not null)).ToList();
        var spec = new PlanSpec(null, search.Goal, request.Budget ?? search.Budget, PlanCurrency.Prices, [], search.ProductCost, false);
        return await PlanAsync(spec, refs, [], request, CreatorForecaster.Assumptions(null), ct);
    }

    private async Task<CampaignPlanDocument> PlanAsync(
        PlanSpec spec, List<PlanCandidateRef> refs, IReadOnlyList<string> platforms, PlanRequest request, ForecastAssumptions assumptions, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reader = new PlanCandidateReader(db);
        var platformsSeen = await db.SearchProfiles.AsNoTracking().Where(p => refs.Select(r => r.AccountId).Contains(p.AccountId))
            .Select(p => p.Platform).Distinct().ToListAsync(ct);
        var requests = PlanCandidateReader.ForecastRequests(spec.Deliverables, platformsSeen);
        var forecasts = await forecaster.ForecastAsync([.. refs.Select(r => r.AccountId)], requests, assumptions, now, ct);
        var inputs = await reader.ReadAsync(refs, [.. requests.Select(r => r.Deliverable).Distinct()], forecasts, now, ct);

        var known = inputs.Select(i => i.AccountId).ToHashSet();
        var leftOut = refs.Where(r => !known.Contains(r.AccountId))
            .Select(r => new LeftOut(r.AccountId, $"account {r.AccountId}", "no search profile yet (it appears after its next import)")).ToList();
        if (platforms.Count > 0)
        {
            var allowed = platforms.ToHashSet(StringComparer.Ordinal);
            leftOut.AddRange(inputs.Where(i => !allowed.Contains(i.Platform.Name()))
                .Select(i => new LeftOut(i.AccountId, i.Handle, $"on {i.Platform.Name()}, not one of the campaign's platforms")));
            inputs = [.. inputs.Where(i => allowed.Contains(i.Platform.Name()))];
        }
        var rules = new PlanRules
        {
            Budget = (double)spec.Budget,
            MinCreators = request.MinCreators,
            MaxCreators = request.MaxCreators,
            MaxPerCreator = request.MaxPerCreator is { } cap ? (double)cap : null,
            Tiers = request.Tiers,
            Platforms = request.Platforms,
        };
        // A must-include creator left out before planning stays a must-include, so the plan answers with the conflict
        // and its reason rather than silently planning without them.
        var mustInclude = refs.Where(r => r.Decision == CandidateDecision.MustInclude).Select(r => r.AccountId).ToHashSet();
        rules = rules with
        {
            MustInclude = [.. leftOut.Where(l => mustInclude.Contains(l.AccountId)).Select(l => l.AccountId.ToString(CultureInfo.InvariantCulture))],
        };
        IReadOnlyList<string> notes = [];
        Func<double, PlanRules>? rulesAt = null;
        if (spec.FirstTest)
        {
            var asked = rules;
            rules = FirstTestPlanRules(spec, asked, request, inputs);
            notes = FirstTestRules.Explain(spec.Budget, rules, spec.ProductCost is not null && inputs.Any(i => i.AcceptsGifting && i.Tier == "nano"));
            rulesAt = budget => FirstTestPlanRules(spec with { Budget = (decimal)budget }, asked with { Budget = budget }, request, inputs);
        }
        var document = CampaignPlanning.Plan(spec, rules, inputs, request.BudgetCurve, assumptions, now, rulesAt: rulesAt, leftOutBefore: leftOut);
        return document with { LeftOut = [.. document.LeftOut, .. leftOut], Notes = notes };
    }

    /// <summary>
    /// A first test's rules (docs/first-test.md) with what the marketer set on top: their own minimum and maximum
    /// number of creators and tier counts win.
    /// </summary>
    private static PlanRules FirstTestPlanRules(PlanSpec spec, PlanRules asked, PlanRequest request, IReadOnlyList<PlanCandidateInput> inputs)
    {
        var cheapest = inputs.Where(i => i.Tier is "nano" or "micro")
            .Select(i => CheapestOption(i, spec))
            .OfType<double>();
        var rules = FirstTestRules.For(spec.Budget, cheapest, asked);
        var tiers = new Dictionary<string, CountRange>(rules.Tiers);
        foreach (var (tier, range) in request.Tiers)
            tiers[tier] = range;
        return rules with
        {
            MinCreators = request.MinCreators > 0 ? request.MinCreators : rules.MinCreators,
            MaxCreators = request.MaxCreators ?? rules.MaxCreators,
            Tiers = tiers,
        };
    }

    private static double? CheapestOption(PlanCandidateInput input, PlanSpec spec)
    {
        var fees = CampaignProblemBuilder.Bundle(spec.Deliverables, input)
            .Select(d => input.Prices.TryGetValue(d.Deliverable, out var p) ? p.PriceUsd : (double?)null).OfType<double>().ToList();
        if (spec.ProductCost is { } gift && input.AcceptsGifting && input.Tier == "nano")
            fees.Add((double)gift);
        return fees.Count == 0 ? null : fees.Min();
    }

    /// <summary>A first test's verdicts: who to keep by cost per result, with the reason (docs/first-test.md).</summary>
    public async Task<List<KeepView>> KeepAsync(Guid campaignId, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Candidates).SingleOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new KeyNotFoundException($"No campaign with id {campaignId}.");
        var ids = campaign.Candidates.Select(c => c.AccountId).ToList();
        var handles = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Platform, a.Handle }).ToDictionaryAsync(a => a.Id, ct);
        var candidates = campaign.Candidates.ToDictionary(c => c.AccountId);
        var outcomes = campaign.Candidates.OrderBy(c => c.AccountId).Select(TestOutcome.From).ToList();
        // Keepers first, then the dropped, then those without enough data; by rank within each.
        return [.. KeepRule.Decide(outcomes, campaign.Goal, campaign.Currency)
            .OrderBy(d => d.Verdict switch { KeepVerdict.Keep => 0, KeepVerdict.Drop => 1, _ => 2 })
            .ThenBy(d => d.Rank ?? int.MaxValue).ThenBy(d => d.AccountId)
            .Select(d => new KeepView(d.AccountId,
                handles.TryGetValue(d.AccountId, out var a) ? a.Platform.Name() : null, handles.TryGetValue(d.AccountId, out var h) ? h.Handle : null,
                d.Verdict.ToString().ToLowerInvariant() switch { "notenoughdata" => "not enough data", var v => v },
                candidates[d.AccountId].TestSpend, candidates[d.AccountId].TestResult,
                d.CostPerResult, d.Rank, d.Reason, campaign.Currency.ToUpperInvariant()))];
    }
}
