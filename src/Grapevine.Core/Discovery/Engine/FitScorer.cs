using System.Runtime.CompilerServices;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The brand-fit score (docs/discovery-engine.md): eight components, each 0–1 or unknown, an unknown one counting as
/// <see cref="FitPart.NeutralValue"/>, summed as weight × value in a fixed order. Every operation here has a
/// one-to-one twin in <see cref="DiscoverySql"/>, so the SQL engines compute the same doubles.
/// </summary>
public static class FitScorer
{
    /// <summary>Recency falls linearly from 1 (posted now) to 0 (posted 90 days ago or earlier).</summary>
    public const double RecencyHorizonSeconds = 90 * 86_400.0;

    /// <summary>Score of a row whose component values are already known (null = unknown).</summary>
    public static DiscoveryHit Hit(long accountId, FitPlan plan, FitInput input)
    {
        var fit = Breakdown(plan, input);
        return new DiscoveryHit(accountId, Total(fit), fit);
    }

    public static FitBreakdown Breakdown(FitPlan plan, FitInput input)
    {
        var w = plan.Weights;
        return new FitBreakdown(
            Part(w.Niche, plan.NicheApplies ? input.Niche : null),
            Part(w.Keywords, plan.KeywordsApply ? input.Keywords : null),
            Part(w.Audience, plan.AudienceApplies ? Audience(plan, input.Country, input.Language) : null),
            Part(w.Engagement, input.EngagementPercentile),
            Part(w.Quality, input.AudienceQuality),
            Part(w.Cost, Cost(input.ExpectedEngagements, input.Price)),
            Part(w.Recency, Recency(plan.Now, input.LastPostedAt)),
            Part(w.Safety, input.SafetyScore));
    }

    /// <summary>The score: contributions added in the fixed order niche, keywords, audience, engagement, quality, cost, recency, safety.</summary>
    public static double Total(FitBreakdown fit) =>
        Sum(fit.Niche.Contribution, fit.Keywords.Contribution, fit.Audience.Contribution, fit.Engagement.Contribution, fit.Quality.Contribution,
            fit.Cost.Contribution, fit.Recency.Contribution, fit.Safety.Contribution);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(double niche, double keywords, double audience, double engagement, double quality, double cost, double recency, double safety) =>
        niche + keywords + audience + engagement + quality + cost + recency + safety;

    /// <summary>weight × value, the value taken as <see cref="FitPart.NeutralValue"/> when unknown (NaN in the index's columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Contribution(double weight, double valueOrNaN) =>
        weight * (double.IsNaN(valueOrNaN) ? FitPart.NeutralValue : valueOrNaN);

    /// <summary>Sum of the account's integer scores over the brand's niches, out of 100; unknown when it has no niche scores at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Niche(int brandNicheSum, bool hasNiches) => hasNiches ? brandNicheSum / 100.0 : double.NaN;

    /// <summary>The share of the brand keywords found in the account's words: found ÷ keywords, always known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Keywords(int found, int keywords) => (double)found / keywords;

    /// <summary>
    /// The mean of the parts that apply and are known: country (1 when in the brand's countries, else 0) and language
    /// (likewise); unknown when the account's country and language are both unknown (or the one that applies is).
    /// </summary>
    public static double? Audience(FitPlan plan, string? country, string? language)
    {
        double? c = plan.BrandCountries.Count == 0 || country is null ? null : plan.BrandCountries.Contains(country) ? 1.0 : 0.0;
        double? l = plan.BrandLanguages.Count == 0 || language is null ? null : plan.BrandLanguages.Contains(language) ? 1.0 : 0.0;
        return AudienceOf(c ?? double.NaN, l ?? double.NaN) is var v && double.IsNaN(v) ? null : v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AudienceOf(double countryPartOrNaN, double languagePartOrNaN) =>
        double.IsNaN(countryPartOrNaN) ? languagePartOrNaN
        : double.IsNaN(languagePartOrNaN) ? countryPartOrNaN
        : (countryPartOrNaN + languagePartOrNaN) / 2.0;

    /// <summary>epd / (epd + 1) with epd = expected engagements per dollar; unknown without both numbers or with a price ≤ 0.</summary>
    public static double? Cost(double? expectedEngagements, double? price) =>
        expectedEngagements is { } e && price is { } p ? Known(Cost(e, p)) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Cost(double expectedEngagementsOrNaN, double priceOrNaN)
    {
        if (double.IsNaN(expectedEngagementsOrNaN) || double.IsNaN(priceOrNaN) || priceOrNaN <= 0)
            return double.NaN;
        var epd = expectedEngagementsOrNaN / priceOrNaN;
        return epd / (epd + 1.0);
    }

    /// <summary>max(0, 1 − (now − last post) / 90 days), at most 1 (a post dated after now counts as now).</summary>
    public static double? Recency(long now, long? lastPostedAt) => lastPostedAt is { } last ? Recency(now, last) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Recency(long now, long lastPostedAt) =>
        Math.Min(1.0, Math.Max(0.0, 1.0 - (now - lastPostedAt) / RecencyHorizonSeconds));

    private static double? Known(double v) => double.IsNaN(v) ? null : v;

    private static FitPart Part(double weight, double? value) => new(weight, value, Contribution(weight, value ?? double.NaN));
}

/// <summary>
/// One account's inputs to fit; null is unknown. <c>Niche</c> is the niche component already computed by
/// <see cref="FitScorer.Niche"/>, <c>Keywords</c> the keyword component by <see cref="FitScorer.Keywords"/> (null when
/// the query names none); <c>Price</c> is the price that counts: the workspace's rate card, else the estimate.
/// </summary>
public readonly record struct FitInput(
    double? Niche,
    string? Country,
    string? Language,
    double? EngagementPercentile,
    double? AudienceQuality,
    double? ExpectedEngagements,
    double? Price,
    long? LastPostedAt,
    double? SafetyScore,
    double? Keywords = null);
