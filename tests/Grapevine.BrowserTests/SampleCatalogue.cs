using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;

namespace Grapevine.BrowserTests;

/// <summary>A few dozen plausible accounts with posts, snapshots and metrics, for the browser journey and its screenshots.</summary>
public static class SampleCatalogue
{
    public static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] First = ["Mara", "Jonas", "Ana", "Theo", "Lena", "Kofi", "Sofia", "Ravi", "Elif", "Mateo", "Noor", "Hana"];
    private static readonly string[] Last = ["Okafor", "Weber", "Silva", "Martin", "Kowalski", "Mensah", "Rossi", "Patel", "Yilmaz", "García", "Haddad", "Sato"];
    private static readonly (string Category, string Bio, string Caption)[] Niches =
    [
        ("fitness", "Strength coach. Real workouts, no shortcuts.", "Leg day done right: five moves, no machines"),
        ("beauty", "Skincare for sensitive skin, tested for a month before I talk about it.", "My morning routine for dry winter skin"),
        ("food", "Weeknight dinners in 30 minutes.", "One-pan lemon orzo with whatever greens you have"),
        ("travel", "Slow travel on trains across Europe.", "Three days in Porto without a car"),
        ("gaming", "Cozy games and honest reviews.", "Is this farming sim worth 20 hours? A review"),
        ("parenting", "Two toddlers, one small flat, lots of ideas.", "Rainy-day activities with things you already own"),
    ];
    private static readonly (Platform Platform, string Country, string Language)[] Places =
    [
        (Platform.Instagram, "DE", "de"), (Platform.TikTok, "US", "en"), (Platform.Instagram, "BR", "pt"),
        (Platform.YouTube, "GB", "en"), (Platform.Instagram, "FR", "fr"), (Platform.TikTok, "ES", "es"),
    ];

    public static async Task SeedAsync(GrapevineDb db, int count = 36)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var name = $"{First[i % First.Length]} {Last[(i * 5 + i / First.Length) % Last.Length]}";
            var niche = Niches[i % Niches.Length];
            var place = Places[i * 7 % Places.Length];
            // Mostly nano and micro, a few emerging and macro, the shape of a small-creator catalogue.
            var followers = (long)Math.Round(Math.Exp(random.NextDouble() * 5.2 + 6.8));
            var handle = $"{First[i % First.Length]}.{niche.Category}{i}".ToLowerInvariant();
            var account = new Account
            {
                Creator = new Creator { DisplayName = name },
                Platform = place.Platform,
                Handle = handle,
                DisplayName = name,
                Followers = followers,
                Following = 150 + random.Next(900),
                PostsCount = 80 + random.Next(700),
                IsVerified = i % 11 == 3,
                Bio = niche.Bio,
                Email = i % 3 == 0 ? null : $"{handle.Replace('.', '_')}@example.com",
                ExternalUrl = i % 4 == 0 ? null : $"https://example.com/{handle.Replace('.', '-')}",
                Country = place.Country,
                Language = place.Language,
                Category = niche.Category,
                Tier = Tier(followers),
                UpdatedAt = AsOf,
            };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();

            var rate = 0.012 + random.NextDouble() * 0.06 * (followers < 10_000 ? 1.3 : 0.8);
            var ers = new List<double>();
            for (var p = 0; p < 15; p++)
            {
                var type = p % 5 == 2 ? PostType.Story : p % 3 == 0 ? PostType.Reel : p % 4 == 1 ? PostType.Carousel : PostType.Photo;
                var engagement = followers * rate * (0.6 + random.NextDouble() * 0.8);
                var likes = type == PostType.Story ? (long?)null : (long)(engagement * 0.93);
                var comments = type == PostType.Story ? (long?)null : (long)(engagement * 0.07);
                var post = new Post
                {
                    AccountId = account.Id,
                    ExternalId = $"{handle}-{p}",
                    PostedAt = AsOf.AddDays(-2.5 * p - 0.3),
                    Type = type,
                    Caption = $"{niche.Caption} ({p + 1}/15) #{niche.Category}",
                    Likes = likes,
                    Comments = comments,
                    Views = type is PostType.Reel or PostType.Story ? (long)(followers * (0.4 + random.NextDouble())) : null,
                    IsPaidPartnership = type == PostType.Story ? null : p % 6 == 4,
                };
                db.Posts.Add(post);
                if (likes is { } l && comments is { } c && ers.Count < 12)
                    ers.Add((l + c) * 100.0 / followers);
            }
            var start = followers * (0.9 + random.NextDouble() * 0.08);
            for (var w = 0; w < 13; w++)
            {
                db.AccountSnapshots.Add(new AccountSnapshot
                {
                    AccountId = account.Id,
                    At = AsOf.AddDays(-7 * (12 - w)),
                    Followers = w == 12 ? followers : (long)(start + (followers - start) * w / 12.0 * (0.9 + random.NextDouble() * 0.2)),
                });
            }

            ers.Sort();
            var median = (ers[5] + ers[6]) / 2;
            var growth30 = i % 7 == 5 ? (double?)null : Math.Round((random.NextDouble() - 0.25) * 8, 2);
            Add(db, account.Id, MetricDefinitions.ErByFollowers, median, 12, AsOf.AddDays(-30), AsOf);
            Add(db, account.Id, MetricDefinitions.FollowerGrowth30, growth30, growth30 is null ? 0 : 2, AsOf.AddDays(-30), AsOf);
            Add(db, account.Id, MetricDefinitions.FollowerGrowth90, Math.Round((followers - start) / start * 100, 2), 2, AsOf.AddDays(-84), AsOf);
            Add(db, account.Id, MetricDefinitions.PostingFrequency, Math.Round(11 / (90 / 7.0) * 2.2, 1), 11, AsOf.AddDays(-90), AsOf);
            Add(db, account.Id, MetricDefinitions.SponsoredShare, 2 * 100.0 / 11, 11, AsOf.AddDays(-33), AsOf);
            Add(db, account.Id, MetricDefinitions.PaidOrganicRatio, null, 11, AsOf.AddDays(-33), AsOf);
            await db.SaveChangesAsync();
        }
    }

    private static void Add(GrapevineDb db, long accountId, MetricDefinition definition, double? value, int n, DateTime start, DateTime end) =>
        db.AccountMetrics.Add(new AccountMetric
        {
            AccountId = accountId,
            Name = definition.Name,
            Value = value,
            Formula = definition.Formula,
            N = n,
            WindowStart = n == 0 ? null : start,
            WindowEnd = n == 0 ? null : end,
            ComputedAt = AsOf,
        });

    private static string Tier(long followers) => followers switch
    {
        < 1_000 => "emerging",
        < 10_000 => "nano",
        < 100_000 => "micro",
        < 1_000_000 => "macro",
        _ => "mega",
    };
}
