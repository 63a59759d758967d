using System.Text.Json;
using System.Text.Json.Serialization;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Pricing;

/// <summary>
/// The numbers prices are estimated from (Discovery/Pricing/pricing.json): the Instagram-post anchor curve, each
/// deliverable's factor against it, the engagement benchmarks and the bounds of the engagement adjustment, and the
/// reference figures they were calibrated on.
/// </summary>
public sealed record PricingTable(
    string Source,
    IReadOnlyList<PriceCalibration> Calibration,
    IReadOnlyList<PriceAnchor> Anchors,
    double AboveLastExponent,
    IReadOnlyDictionary<string, DeliverableFactor> Deliverables,
    double Elasticity,
    double MinFactor,
    double MaxFactor,
    IReadOnlyDictionary<Platform, IReadOnlyList<EngagementAnchor>> Benchmarks,
    Platform DefaultBenchmarkPlatform)
{
    private static readonly Lazy<PricingTable> LazyDefault = new(LoadEmbedded);

    public static PricingTable Default => LazyDefault.Value;

    public static PricingTable Load(Stream json)
    {
        PricingFile file;
        try
        {
            file = JsonSerializer.Deserialize<PricingFile>(json, JsonOptions) ?? throw new InvalidDataException("the pricing file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a pricing file: {e.Message}");
        }
        var anchors = file.Anchors.Points;
        if (anchors.Count == 0 || anchors.Any(a => a.Followers <= 0 || a.Low <= 0 || a.High < a.Low)
            || anchors.Zip(anchors.Skip(1)).Any(p => p.Second.Followers <= p.First.Followers))
            throw new InvalidDataException("pricing anchors must have rising follower counts and 0 < low ≤ high");
        foreach (var deliverable in Pricing.Deliverables.All)
        {
            if (!file.Deliverables.TryGetValue(deliverable.Name, out var factor) || factor.Factor <= 0)
                throw new InvalidDataException($"the pricing file has no positive factor for {deliverable.Name}");
        }
        var benchmarks = new Dictionary<Platform, IReadOnlyList<EngagementAnchor>>();
        foreach (var (name, points) in file.Engagement.Benchmarks)
        {
            if (!CatalogueNames.TryParsePlatform(name, out var platform))
                throw new InvalidDataException($"unknown platform '{name}' in the engagement benchmarks");
            if (points.Count == 0 || points.Any(p => p.Followers <= 0 || p.ErPercent <= 0))
                throw new InvalidDataException($"the {name} engagement benchmarks need positive follower counts and rates");
            benchmarks[platform] = [.. points.OrderBy(p => p.Followers)];
        }
        if (!CatalogueNames.TryParsePlatform(file.Engagement.DefaultPlatform, out var fallback) || !benchmarks.ContainsKey(fallback))
            throw new InvalidDataException("the engagement default_platform must name a platform with benchmarks");
        var engagement = file.Engagement;
        if (engagement.MinFactor is <= 0 or > 1 || engagement.MaxFactor < 1 || engagement.Elasticity < 0)
            throw new InvalidDataException("the engagement adjustment needs 0 < min_factor ≤ 1 ≤ max_factor and elasticity ≥ 0");
        return new PricingTable(file.Source, file.Calibration, anchors, file.Anchors.AboveLastExponent, file.Deliverables,
            engagement.Elasticity, engagement.MinFactor, engagement.MaxFactor, benchmarks, fallback);
    }

    private static PricingTable LoadEmbedded()
    {
        using var stream = typeof(PricingTable).Assembly.GetManifestResourceStream("Grapevine.Core.Discovery.Pricing.pricing.json")
            ?? throw new InvalidOperationException("the pricing table is not embedded in Grapevine.Core");
        return Load(stream);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed record PricingFile(string Source, List<PriceCalibration> Calibration, AnchorCurve Anchors,
        Dictionary<string, DeliverableFactor> Deliverables, EngagementSection Engagement);

    private sealed record AnchorCurve(List<PriceAnchor> Points, double AboveLastExponent);

    private sealed record EngagementSection(double Elasticity, double MinFactor, double MaxFactor,
        Dictionary<string, List<EngagementAnchor>> Benchmarks, string DefaultPlatform);
}

/// <summary>A reference figure the estimator reproduces: the low end at the first follower count, the high end at the second.</summary>
public sealed record PriceCalibration(string Deliverable, string Tier, long?[] Followers, double?[] Usd, string Source);

/// <summary>The price range of an Instagram feed post at a follower count.</summary>
public sealed record PriceAnchor(long Followers, double Low, double High, string Source);

/// <summary>A deliverable's price relative to an Instagram feed post, and whether reference data backs it.</summary>
public sealed record DeliverableFactor(double Factor, bool Calibrated, string Source);

/// <summary>A benchmark engagement rate (ER by followers, percent) at a follower count.</summary>
public sealed record EngagementAnchor(string Tier, long Followers, double ErPercent, string Source);
