using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;

namespace Grapevine.IntegrationTests.Discovery.Engine;

/// <summary>
/// A few hundred randomised search profiles written straight into the database, with every field sometimes unknown,
/// repeated values (ties), unicode words and terms used at all sorts of times, so that the index and SQL are compared
/// on the edges, not on the easy middle.
/// </summary>
internal static class DiscoveryFixture
{
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    public static readonly long NowSeconds = FitPlan.UnixSeconds(Now);

    public static readonly string[] Niches = ["fitness", "food", "travel", "beauty", "tech", "gaming", "pets", "sustainability"];

    private static readonly string[] Vocabulary =
    [
        "vegan", "fitness", "yoga", "recipe", "travel", "coffee", "café", "münchen", "東京", "ramen", "música", "straße",
        "ñandú", "łódź", "москва", "παρίσι", "running", "run", "2024", "k2", "makeup", "skincare", "gamer", "dog", "cat",
        "plant", "zero", "waste", "hike", "camera", "code", "ai", "bike",
    ];

    private static readonly string[] TermPool =
    [
        "#vegan", "#fitness", "#ad", "#café", "#東京", "#travel", "#yoga", "#sponsored", "@nike", "@adidas", "@oatly",
        "@lush", "@café.paris", "@brand_x",
    ];

    public static async Task<List<SearchProfile>> SeedAsync(GrapevineDb db, int count = 400, int seed = 7)
    {
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, count)
            .Select(i => new Account
            {
                Creator = new Creator { DisplayName = $"Creator {i}" },
                Platform = (Platform)Pick(random, [0, 0, 0, 1, 1, 2, 3, 4, 5, 6]),
                Handle = $"creator{i:000}",
                UpdatedAt = Now,
            })
            .ToList();
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync();
        var profiles = accounts.Select(a => Profile(random, a.Id, a.Platform, a.Handle)).ToList();
        db.SearchProfiles.AddRange(profiles);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return profiles;
    }

    public static SearchProfile Profile(Random random, long accountId, Platform platform, string handle)
    {
        long? followers = random.NextDouble() < 0.06 ? null
            : random.NextDouble() < 0.15 ? Pick(random, [5_000L, 25_000L, 120_000L])
            : (long)Math.Pow(10, 2.5 + random.NextDouble() * 4);
        var tier = followers is not { } f || random.NextDouble() < 0.04 ? null
            : f < 1_000 ? "emerging" : f < 10_000 ? "nano" : f < 100_000 ? "micro" : f < 1_000_000 ? "macro" : "mega";
        var niches = new List<SearchProfileNiche>();
        var left = 100;
        foreach (var niche in Niches.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
        {
            var score = random.Next(1, Math.Max(2, left));
            if (score <= 0 || left <= 0)
                break;
            niches.Add(new SearchProfileNiche { AccountId = accountId, Niche = niche, Score = Math.Min(score, left) });
            left -= Math.Min(score, left);
        }
        var text = string.Join(' ', Enumerable.Range(0, random.Next(0, 10)).Select(_ => Pick(random, Vocabulary)));
        var terms = TermPool.OrderBy(_ => random.Next()).Take(random.Next(0, 5))
            .Select(t => new SearchProfileTerm
            {
                AccountId = accountId,
                Term = t,
                LastUsedAt = NowSeconds - random.Next(-2, 200) * 86_400L + random.Next(-3, 3),
                Uses = random.Next(1, 9),
            })
            .ToList();
        return new SearchProfile
        {
            AccountId = accountId,
            Platform = platform,
            Handle = handle,
            Tier = tier,
            Followers = followers,
            Country = Maybe(random, 0.1, () => Pick(random, ["US", "GB", "DE", "FR", "BR", "JP"])),
            Language = Maybe(random, 0.1, () => Pick(random, ["en", "de", "fr", "pt", "ja"])),
            IsVerified = random.Next(3) switch { 0 => null, 1 => true, _ => false },
            HasEmail = random.NextDouble() < 0.5,
            PrimaryNiche = niches.OrderByDescending(n => n.Score).Select(n => n.Niche).FirstOrDefault(),
            NicheConfidence = niches.Count == 0 ? null : random.NextDouble(),
            EngagementRate = MaybeValue(random, 0.1, () => random.NextDouble() < 0.2 ? 2.5 : Math.Round(random.NextDouble() * 12, 3)),
            EngagementPercentile = MaybeValue(random, 0.1, () => random.NextDouble() < 0.3 ? 0.5 : random.NextDouble()),
            AudienceQuality = MaybeValue(random, 0.3, () => random.NextDouble() < 0.2 ? 0.9 : random.NextDouble()),
            ExpectedEngagements = MaybeValue(random, 0.1, () => Math.Round(random.NextDouble() * 5_000, 1)),
            PriceEstimate = MaybeValue(random, 0.1, () => random.NextDouble() < 0.05 ? 0 : random.NextDouble() < 0.2 ? 250 : Math.Round(10 + random.NextDouble() * 2_000, 2)),
            PriceLow = null,
            PriceHigh = null,
            LastPostedAt = random.NextDouble() < 0.1 ? null : NowSeconds - random.Next(-3, 150) * 86_400L - random.Next(86_400),
            SponsoredShare = MaybeValue(random, 0.3, () => Math.Round(random.NextDouble() * 40, 1)),
            Growth = MaybeValue(random, 0.2, () => random.NextDouble() < 0.2 ? 0 : Math.Round(random.NextDouble() * 20 - 5, 2)),
            SafetyScore = MaybeValue(random, 0.1, () => random.NextDouble() < 0.7 ? 1 : random.NextDouble()),
            Words = string.Join(' ', SearchText.Tokenize(handle + " " + text).Distinct()),
            UpdatedAt = Now,
            Niches = niches,
            Terms = terms,
        };
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string? Maybe(Random random, double unknown, Func<string> value) => random.NextDouble() < unknown ? null : value();

    private static double? MaybeValue(Random random, double unknown, Func<double> value) => random.NextDouble() < unknown ? null : value();
}
