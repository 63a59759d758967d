using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>Checks a plan request; each refusal is an ArgumentException naming the field (a 400 over the API, exit 2 on the command line).</summary>
public static class PlanRequestValidation
{
    public const decimal MaxBudget = 100_000_000m;
    public const int MaxCreatorsLimit = 1_000;

    public static void Check(PlanRequest request)
    {
        if (request.Budget is { } budget && (budget <= 0 || budget > MaxBudget))
            throw new ArgumentException($"The budget must be more than 0 and at most {MaxBudget:N0}.", "budget");
        if (request.MinCreators is < 0 or > MaxCreatorsLimit)
            throw new ArgumentException($"The minimum number of creators must be between 0 and {MaxCreatorsLimit}.", "minCreators");
        if (request.MaxCreators is { } max && (max < 1 || max > MaxCreatorsLimit))
            throw new ArgumentException($"The maximum number of creators must be between 1 and {MaxCreatorsLimit}.", "maxCreators");
        if (request.MaxCreators is { } most && most < request.MinCreators)
            throw new ArgumentException($"The maximum number of creators ({most}) is below the minimum ({request.MinCreators}).", "maxCreators");
        if (request.MaxPerCreator is { } cap && (cap <= 0 || cap > MaxBudget))
            throw new ArgumentException("The most one creator may cost must be more than 0.", "maxPerCreator");
        // Either tier scheme's names: profiles are tiered by the workspace's scheme (celebrity is the alternative one's).
        var tiers = TierScheme.Default.Bands.Concat(TierScheme.Alternative.Bands).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (tier, range) in request.Tiers)
        {
            if (!tiers.Contains(tier))
                throw new ArgumentException($"Unknown tier '{tier}'; use one of {string.Join(", ", tiers)}.", "tiers");
            CheckRange(range, "tiers", tier);
        }
        foreach (var (platform, range) in request.Platforms)
        {
            if (!CatalogueNames.TryParsePlatform(platform, out _))
                throw new ArgumentException($"Unknown platform '{platform}'.", "platforms");
            CheckRange(range, "platforms", platform);
        }
    }

    private static void CheckRange(Planning.CountRange range, string field, string name)
    {
        if (range.Min is < 0 || range.Max is < 0)
            throw new ArgumentException($"The counts for {name} must be 0 or more.", field);
        if (range.Min is { } min && range.Max is { } max && min > max)
            throw new ArgumentException($"The minimum for {name} ({min}) is above its maximum ({max}).", field);
    }
}
