using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Checks a plan request and names every refused field at once (a 400 over the API, exit 2 on the command line).
/// The budget limit is the campaign's (<see cref="CampaignRules.MaxBudget"/>), so any campaign's own budget can be planned.
/// </summary>
public static class PlanRequestValidation
{
    public const decimal MaxBudget = CampaignRules.MaxBudget;
    public const int MaxCreatorsLimit = 1_000;

    /// <exception cref="CampaignInputException">Every refused field with its message (as an ArgumentException it names the first).</exception>
    public static void Check(PlanRequest request)
    {
        var errors = Errors(request);
        if (errors.Count > 0)
            throw new CampaignInputException(errors);
    }

    /// <summary>Each refused field of <paramref name="request"/> with why; empty when it can be planned.</summary>
    public static Dictionary<string, string[]> Errors(PlanRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors.TryAdd(field, [message]);

        if (request.Budget is { } budget && (budget <= 0 || budget > MaxBudget))
            Add("budget", $"The budget must be more than 0 and at most {MaxBudget:N0}.");
        if (request.MinCreators is < 0 or > MaxCreatorsLimit)
            Add("minCreators", $"The minimum number of creators must be between 0 and {MaxCreatorsLimit}.");
        if (request.MaxCreators is { } max && (max < 1 || max > MaxCreatorsLimit))
            Add("maxCreators", $"The maximum number of creators must be between 1 and {MaxCreatorsLimit}.");
        else if (request.MaxCreators is { } most && most < request.MinCreators)
            Add("maxCreators", $"The maximum number of creators ({most}) is below the minimum ({request.MinCreators}).");
        if (request.MaxPerCreator is { } cap && (cap <= 0 || cap > MaxBudget))
            Add("maxPerCreator", $"The most one creator may cost must be more than 0 and at most {MaxBudget:N0}.");
        // Either tier scheme's names: profiles are tiered by the workspace's scheme (celebrity is the alternative one's).
        var tiers = TierScheme.Default.Bands.Concat(TierScheme.Alternative.Bands).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (tier, range) in request.Tiers)
        {
            if (!tiers.Contains(tier))
                Add("tiers", $"Unknown tier '{tier}'; use one of {string.Join(", ", tiers)}.");
            else if (RangeError(range, tier) is { } why)
                Add("tiers", why);
        }
        foreach (var (platform, range) in request.Platforms)
        {
            if (!CatalogueNames.TryParsePlatform(platform, out _))
                Add("platforms", $"Unknown platform '{platform}'.");
            else if (RangeError(range, platform) is { } why)
                Add("platforms", why);
        }
        return errors;
    }

    private static string? RangeError(Planning.CountRange range, string name)
    {
        if (range.Min is < 0 || range.Max is < 0)
            return $"The counts for {name} must be 0 or more.";
        if (range.Min is { } min && range.Max is { } max && min > max)
            return $"The minimum for {name} ({min}) is above its maximum ({max}).";
        return null;
    }
}
