using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;

namespace Grapevine.IntegrationTests.Discovery;

/// <summary>
/// Eight hand-made accounts with search profiles written straight into the database, so that each answer of the
/// search API, CLI and page can be worked out by hand. Times are relative to <see cref="Now"/> (the test clock).
/// </summary>
public static class DiscoveryTestData
{
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Creator(
        string Handle, Platform Platform, long? Followers, string? Tier, string? Country, string? Language, (string Niche, int Score)[] Niches,
        double? Er, double? Percentile, double? Quality, double? Engagements, double? Price, int? DaysSincePost, (string Term, int DaysAgo)[] Terms,
        string Words, bool HasEmail = false, bool? Verified = false, double? Sponsored = null, double? Growth = null, double? Safety = 1);

    public static readonly Creator[] Creators =
    [
        new("mara.moves", Platform.Instagram, 24_000, "micro", "DE", "de", [("fitness", 80), ("food", 10)], 3.4, 0.82, 0.9, 800, 250, 2,
            [("#vegan", 5), ("@oatly", 10)], "mara moves vegan strength coach berlin", HasEmail: true, Sponsored: 10, Growth: 2),
        new("kai.lifts", Platform.Instagram, 60_000, "micro", "US", "en", [("fitness", 90)], 2.0, 0.5, 0.7, 1200, 600, 20,
            [("#gym", 3)], "kai lifts gym strength", Verified: true, Sponsored: 30, Growth: 5),
        new("lena.kocht", Platform.Instagram, 5_000, "nano", "DE", "de", [("food", 85)], 6.0, 0.95, null, 300, 80, 1,
            [("#vegan", 200), ("@oatly", 3)], "lena kocht vegan recipes", HasEmail: true, Growth: 1),
        new("tom.travels", Platform.TikTok, 30_000, "micro", "GB", "en", [("travel", 70)], 4.0, 0.7, 0.85, 1200, 150, 100,
            [("#travel", 100)], "tom travels backpacking"),
        new("zoe.glow", Platform.Instagram, 8_000, "nano", "US", "en", [("beauty", 75)], 5.0, 0.9, 0.95, 400, 120, 5,
            [("#skincare", 5), ("#ad", 5)], "zoe glow skincare vegan", HasEmail: true, Sponsored: 50, Growth: 8, Safety: 0.6),
        new("ana.cafe", Platform.Instagram, 15_000, "micro", "DE", "de", [("food", 60), ("travel", 20)], 3.0, 0.6, 0.8, 450, 200, 8,
            [("#café", 8), ("#münchen", 8)], "ana cafe café münchen coffee"),
        new("big.brand", Platform.Instagram, 500_000, "macro", "US", "en", [("fitness", 40)], 1.0, 0.3, 0.6, 5000, 5000, 3,
            [("#gym", 30)], "big brand gym apparel", Verified: true),
        new("quiet.one", Platform.Instagram, null, null, null, null, [], null, null, null, null, null, null, [], "quiet one"),
    ];

    /// <summary>Writes the accounts and their profiles with times relative to <paramref name="asOf"/> (default <see cref="Now"/>); returns the account ids by handle.</summary>
    public static async Task<Dictionary<string, long>> SeedAsync(GrapevineDb db, DateTime? asOf = null)
    {
        var now = new DateTimeOffset(asOf ?? Now).ToUnixTimeSeconds();
        var accounts = Creators.Select(c => new Account
        {
            Creator = new Grapevine.Core.Catalogue.Creator { DisplayName = Display(c.Handle) },
            Platform = c.Platform,
            Handle = c.Handle,
            DisplayName = Display(c.Handle),
            Followers = c.Followers,
            Tier = c.Tier,
            Country = c.Country,
            Language = c.Language,
            UpdatedAt = Now,
        }).ToList();
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync();
        foreach (var (c, a) in Creators.Zip(accounts))
        {
            db.SearchProfiles.Add(new SearchProfile
            {
                AccountId = a.Id,
                Platform = c.Platform,
                Handle = c.Handle,
                DisplayName = Display(c.Handle),
                Tier = c.Tier,
                Followers = c.Followers,
                Country = c.Country,
                Language = c.Language,
                IsVerified = c.Verified,
                HasEmail = c.HasEmail,
                PrimaryNiche = c.Niches.OrderByDescending(n => n.Score).Select(n => n.Niche).FirstOrDefault(),
                NicheConfidence = c.Niches.Length == 0 ? null : 0.8,
                EngagementRate = c.Er,
                EngagementPercentile = c.Percentile,
                AudienceQuality = c.Quality,
                ExpectedEngagements = c.Engagements,
                PriceEstimate = c.Price,
                PriceLow = c.Price * 0.6,
                PriceHigh = c.Price * 1.6,
                LastPostedAt = c.DaysSincePost is { } days ? now - days * 86_400L : null,
                SponsoredShare = c.Sponsored,
                Growth = c.Growth,
                SafetyScore = c.Safety,
                Words = c.Words,
                UpdatedAt = Now,
                Niches = [.. c.Niches.Select(n => new SearchProfileNiche { AccountId = a.Id, Niche = n.Niche, Score = n.Score })],
                Terms = [.. c.Terms.Select(t => new SearchProfileTerm { AccountId = a.Id, Term = t.Term, LastUsedAt = now - t.DaysAgo * 86_400L, Uses = 1 })],
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return accounts.ToDictionary(a => a.Handle, a => a.Id);
    }

    /// <summary>The day mara.moves' and ana.cafe's followers jumped in <see cref="SeedSnapshotsAsync"/>: the snapshot after the jump.</summary>
    public static readonly DateTime SpikeSeen = Now.AddDays(-14);

    /// <summary>The day ana.cafe's post that went viral was posted: within the week before its jump.</summary>
    public static readonly DateTime ViralPostAt = Now.AddDays(-18);

    /// <summary>
    /// Weekly follower snapshots and the posts that judge their spikes: mara.moves grows 0.5% a week with a +30% jump
    /// between the 7th and 8th of 10 (seen on <see cref="SpikeSeen"/>) while its posts draw the same engagement throughout
    /// (unexplained: the pattern of bought followers); ana.cafe has the same jump with a post 20× its median engagement on
    /// <see cref="ViralPostAt"/> (organic: it went viral); kai.lifts grows 0.5% a week throughout (no spike); lena.kocht
    /// has only 3 snapshots (2 intervals: too few to say).
    /// </summary>
    public static async Task SeedSnapshotsAsync(GrapevineDb db, Dictionary<string, long> ids)
    {
        foreach (var (handle, count, jumpAt) in new[] { ("mara.moves", 10, 7), ("ana.cafe", 10, 7), ("kai.lifts", 10, -1), ("lena.kocht", 3, -1) })
        {
            double followers = 20_000;
            for (var i = 0; i < count; i++)
            {
                followers *= i == jumpAt ? 1.3 : 1.005;
                db.AccountSnapshots.Add(new AccountSnapshot { AccountId = ids[handle], At = Now.AddDays(-7 * (count - 1 - i)), Followers = (long)Math.Round(followers) });
            }
        }
        foreach (var handle in new[] { "mara.moves", "ana.cafe" })
        {
            for (var i = 0; i < 12; i++)
            {
                db.Posts.Add(new Post
                {
                    AccountId = ids[handle],
                    ExternalId = $"{handle[..4]}{i:00}",
                    PostedAt = Now.AddDays(-3 - 6 * i),
                    Type = PostType.Photo,
                    Likes = 300 + i % 3 * 10,
                    Comments = 15,
                });
            }
        }
        db.Posts.Add(new Post { AccountId = ids["ana.cafe"], ExternalId = "anaviral", PostedAt = ViralPostAt, Type = PostType.Photo, Likes = 6_000, Comments = 300 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>"mara.moves" is shown as "Mara Moves".</summary>
    public static string Display(string handle) =>
        string.Join(' ', handle.Split('.').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
