using System.Globalization;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Profiles;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// Says in one sentence why each part of an account's fit score is what it is, from the account's search profile and
/// the brand side of the query. The numbers come from the engine's <see cref="FitBreakdown"/>; this only reads them out.
/// </summary>
public static class FitExplanation
{
    public static readonly IReadOnlyList<(string Component, string Label)> Components =
    [
        ("niche", "Niche match"), ("keywords", "Brand keywords"), ("audience", "Audience match"), ("engagement", "Engagement"), ("quality", "Audience quality"),
        ("cost", "Cost efficiency"), ("recency", "Recency"), ("safety", "Brand safety"),
    ];

    /// <summary>The brand side of a query: its own preferences, or else the niche, country and language filters.</summary>
    public static BrandPreferences BrandOf(DiscoveryQuery query) =>
        query.Brand ?? new BrandPreferences(query.Niches, query.Countries, query.Languages);

    public static IReadOnlyList<FitPartView> Explain(FitBreakdown fit, FitFacts facts)
    {
        FitPart[] parts = [fit.Niche, fit.Keywords, fit.Audience, fit.Engagement, fit.Quality, fit.Cost, fit.Recency, fit.Safety];
        var views = new FitPartView[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var (component, label) = Components[i];
            views[i] = new FitPartView(component, label, parts[i].Weight, parts[i].Value, parts[i].Contribution, Why(component, parts[i], facts));
        }
        return views;
    }

    private static string Why(string component, FitPart part, FitFacts facts)
    {
        var p = facts.Profile;
        if (part.Weight == 0)
        {
            return component switch
            {
                "niche" when facts.Brand.Niches.Count == 0 => "Not counted: this search names no niche (pick one to rank by niche match).",
                "keywords" when facts.Keywords.Count == 0 => "Not counted: this search names no brand keywords (add some to rank by them).",
                "audience" when facts.Brand.Countries.Count == 0 && facts.Brand.Languages.Count == 0 =>
                    "Not counted: this search names no country or language.",
                _ => "Not counted: its weight is 0 in this search.",
            };
        }
        if (part.Value is null)
        {
            var missing = component switch
            {
                "niche" => "No niche scores for this account (too little text)",
                "keywords" => "No words known for this account",
                "audience" => "Country and language unknown",
                "engagement" => "Engagement rate or its percentile unknown",
                "quality" => facts.AudienceSample is { } n
                    ? $"Audience quality not measured from {n.ToString("N0", CultureInfo.InvariantCulture)} sampled followers (it needs at least {Vetting.AudienceQuality.MinSample} and a follower classifier)"
                    : "No follower sample to judge audience quality (N unknown)",
                "cost" => facts.Price is null ? "No price known" : "Expected engagements unknown",
                "recency" => "No posts known",
                _ => "Not checked: no bio or captions",
            };
            return $"{missing}; counted as neutral ({Number(FitPart.NeutralValue)}).";
        }

        var value = part.Value.Value;
        return component switch
        {
            "niche" => NicheWhy(facts, value),
            "keywords" => KeywordsWhy(facts),
            "audience" => AudienceWhy(facts),
            "engagement" => p.EngagementRate is { } er && p.EngagementPercentile is { } pct
                ? $"ER {Number(er)}% is {Standing(pct)} of {p.Tier ?? "similar"} {Platform(p)} accounts."
                : $"Engagement scores {Number(value)}.",
            "quality" => QualityWhy(facts, value),
            "cost" => CostWhy(facts, value),
            "recency" => p.LastPostedAt is { } last ? RecencyWhy(facts.Now, last, value) : $"Recency scores {Number(value)}.",
            _ => SafetyWhy(facts, value),
        };
    }

    // Search profiles are shared by every workspace, so they are scanned with the shipped lexicon; vetting uses the workspace's.
    private static string SafetyWhy(FitFacts facts, double value)
    {
        var p = facts.Profile;
        var captions = p.LastPostedAt is { } last && last >= new DateTimeOffset(facts.Now.AddDays(-SearchProfileBuilder.RecentDays)).ToUnixTimeSeconds()
            ? "the bio and recent captions"
            : "the bio (no captions from the last year)";
        if (value >= 1)
            return $"Nothing in {captions} matches Grapevine's default brand-safety lexicon; the vetting report checks the workspace's own lists.";
        var flagged = (int)Math.Round(1 / value - 1);
        return $"{flagged} of {captions} match{(flagged == 1 ? "es" : "")} Grapevine's default brand-safety lexicon "
            + $"(safety = 1 / (1 + {flagged}) = {Bar(value)}); the vetting report names the words and checks the workspace's own lists.";
    }

    private static string NicheWhy(FitFacts facts, double value)
    {
        var scores = facts.Brand.Niches.Select(n => (Niche: n, Score: facts.NicheScores.GetValueOrDefault(n))).Where(s => s.Score > 0).ToList();
        var primary = facts.Profile.PrimaryNiche is { } niche ? $"; its main niche is {niche}" : "";
        if (scores.Count == 0)
            return $"Scores 0 of 100 in {string.Join(", ", facts.Brand.Niches)}{primary}.";
        return $"Scores {Math.Round(value * 100)} of 100 in the brand's niches ({string.Join(", ", scores.Select(s => $"{s.Niche} {s.Score}"))}){primary}.";
    }

    private static string KeywordsWhy(FitFacts facts)
    {
        var words = facts.Profile.Words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var found = facts.Keywords.Where(k => k.Split(' ').All(words.Contains)).ToList();
        var missing = facts.Keywords.Except(found).ToList();
        if (found.Count == 0)
            return $"None of the brand keywords ({string.Join(", ", missing)}) in its name, bio or recent captions.";
        var share = $"{found.Count} of {facts.Keywords.Count} brand keywords";
        return missing.Count == 0
            ? found.Count == 1 ? $"Uses the brand keyword {found[0]}." : $"Uses all {facts.Keywords.Count} brand keywords ({string.Join(", ", found)})."
            : $"Uses {share}: {string.Join(", ", found)} (not {string.Join(", ", missing)}).";
    }

    private static string AudienceWhy(FitFacts facts)
    {
        var p = facts.Profile;
        var parts = new List<string>();
        if (facts.Brand.Countries.Count > 0)
            parts.Add(Match("country", p.Country, facts.Brand.Countries));
        if (facts.Brand.Languages.Count > 0)
            parts.Add(Match("language", p.Language, facts.Brand.Languages));
        var sentence = string.Join("; ", parts);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";

        static string Match(string what, string? value, IReadOnlyList<string> wanted) => value is null
            ? $"{what} unknown"
            : wanted.Contains(value, StringComparer.OrdinalIgnoreCase)
                ? $"{what} {value} is one the brand wants"
                : $"{what} {value} is not among {string.Join(", ", wanted)}";
    }

    private static string CostWhy(FitFacts facts, double value)
    {
        if (facts.Profile.ExpectedEngagements is not { } engagements || facts.Price is not { } price)
            return $"Cost efficiency scores {Number(value)}.";
        var perDollar = engagements / price.Usd;
        return $"About {Number(perDollar)} expected engagements per dollar (epd): {engagements.ToString("N0", CultureInfo.InvariantCulture)} "
            + $"(median likes + comments of the last {Metrics.MetricDefinitions.RecentPosts} feed posts) for ${price.Usd.ToString("N0", CultureInfo.InvariantCulture)} ({price.Source}); "
            + $"cost = epd / (epd + 1) = {Bar(perDollar)} / {Bar(perDollar + 1)} = {Bar(value)}.";
    }

    private static string RecencyWhy(DateTime now, long lastPostedAt, double value)
    {
        var days = (new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds() - lastPostedAt) / 86_400.0;
        var horizon = FitScorer.RecencyHorizonSeconds / 86_400;
        return $"Last posted {Ago(now, lastPostedAt)}; recency = max(0, 1 − days since the last post / {horizon} days) "
            + $"= max(0, 1 − {Math.Max(0, days).ToString("0.#", CultureInfo.InvariantCulture)} / {horizon}) = {Bar(value)}.";
    }

    private static string QualityWhy(FitFacts facts, double value)
    {
        var sample = facts.AudienceSample is { } n ? $"N = {n.ToString("N0", CultureInfo.InvariantCulture)} sampled followers" : "N unknown";
        return $"{Math.Round(value * 100)}% of sampled followers look real (quality = real ÷ sampled followers, {sample}).";
    }

    private static string Platform(SearchProfile p) => p.Platform.ToString();

    private static string Ago(DateTime now, long unixSeconds)
    {
        var days = (int)Math.Floor((new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds() - unixSeconds) / 86_400.0);
        return days switch
        {
            < 1 => "today",
            1 => "yesterday",
            < 60 => $"{days} days ago",
            _ => $"{days / 30} months ago",
        };
    }

    private static string Standing(double percentile) => (percentile * 100) switch
    {
        >= 99.5 => "in the top 1%",
        < 0.5 => "in the bottom 1%",
        var p => $"at the {Ordinal(p)} percentile",
    };

    public static string Ordinal(double percentile)
    {
        var n = (int)Math.Round(percentile);
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n + suffix;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // A formula that ends in a part's value shows it as the fit bars do (3 decimals), so the two numbers agree.
    private static string Bar(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>
/// What the explanation of one account reads: its search profile, its niche scores, its price, the brand side, the clock
/// and the brand keywords of the query.
/// </summary>
public sealed record FitFacts(
    SearchProfile Profile, IReadOnlyDictionary<string, int> NicheScores, DiscoveryPrice? Price, BrandPreferences Brand, DateTime Now)
{
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>How many followers the account's follower sample holds (the N of audience quality); null when it has none.</summary>
    public int? AudienceSample { get; init; }
}
