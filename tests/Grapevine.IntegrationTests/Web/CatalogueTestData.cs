using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;

namespace Grapevine.IntegrationTests.Web;

/// <summary>
/// A small catalogue with every awkward case the list has to handle: unknown followers, ties in
/// every sort value, metrics that were never computed and metrics computed as unknown.
/// </summary>
public static class CatalogueTestData
{
    public static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Platform[] Platforms = [Platform.Instagram, Platform.TikTok, Platform.YouTube];
    private static readonly string?[] Countries = ["US", "DE", "BR", "US", null];
    private static readonly string?[] Languages = ["en", "de", "pt", null];
    private static readonly string?[] Categories = ["fitness", "beauty", "food", "travel", null];

    /// <summary>What the test wrote for one account, to compute the expected answers from.</summary>
    public sealed record Seeded(
        long Id, string Platform, string Handle, long? Followers, string? Tier, string? Country, string? Language,
        string? Category, double? Er, double? Growth);

    public static async Task<List<Seeded>> SeedAsync(GrapevineDb db, int count = 37)
    {
        var accounts = new List<(Account Account, double? Er, bool ErRow, double? Growth)>();
        for (var i = 0; i < count; i++)
        {
            // Handles are letters and digits only, so that ordinal and linguistic collations agree.
            var handle = $"{(char)('a' + i * 7 % 26)}{(char)('a' + i * 11 % 26)}x{i:D2}";
            long? followers = i % 9 == 4 ? null : 500 + i * 7919 % 20 * 6000;
            var account = new Account
            {
                Creator = new Creator { DisplayName = $"Creator {i}" },
                Platform = Platforms[i % Platforms.Length],
                Handle = handle,
                DisplayName = $"Creator {i}",
                Followers = followers,
                Following = 100 + i,
                PostsCount = 50 + i,
                Country = Countries[i % Countries.Length],
                Language = Languages[i % Languages.Length],
                Category = Categories[i % Categories.Length],
                Tier = Tier(followers),
                UpdatedAt = AsOf,
            };
            double? er = i % 6 is 0 or 1 ? null : i * 37 % 10 * 0.5 + 1.25;
            double? growth = i % 4 == 0 ? null : (i * 13 % 11 - 5) * 0.7;
            accounts.Add((account, er, i % 6 != 0, growth));
        }
        db.Accounts.AddRange(accounts.Select(a => a.Account));
        await db.SaveChangesAsync();

        foreach (var (account, er, erRow, growth) in accounts)
        {
            if (erRow)
                db.AccountMetrics.Add(Metric(account.Id, MetricDefinitions.ErByFollowers, er, er is null ? 0 : 12));
            if (growth is not null)
                db.AccountMetrics.Add(Metric(account.Id, MetricDefinitions.FollowerGrowth30, growth, 2));
        }
        await db.SaveChangesAsync();

        return accounts.Select(a => new Seeded(
            a.Account.Id, a.Account.Platform.Name(), a.Account.Handle, a.Account.Followers, a.Account.Tier, a.Account.Country,
            a.Account.Language, a.Account.Category, a.Er, a.Growth)).ToList();
    }

    /// <summary>One fully described account: 13 posts (one a story), 5 weekly snapshots and some metrics.</summary>
    public static async Task<Account> SeedDetailedAsync(GrapevineDb db)
    {
        var account = new Account
        {
            Creator = new Creator { DisplayName = "Mara Okafor" },
            Platform = Platform.Instagram,
            Handle = "mara.moves",
            DisplayName = "Mara Okafor",
            Followers = 20_000,
            Following = 612,
            PostsCount = 340,
            IsVerified = false,
            Bio = "Strength coach. Berlin.",
            Email = "mara@example.com",
            ExternalUrl = "https://example.com/mara",
            Country = "DE",
            Language = "de",
            Category = "fitness",
            Tier = "micro",
            UpdatedAt = AsOf,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();

        for (var i = 0; i < 12; i++)
        {
            db.Posts.Add(new Post
            {
                AccountId = account.Id,
                ExternalId = $"p{i:D2}",
                PostedAt = AsOf.AddDays(-3 * i - 1),
                Type = i % 3 == 0 ? PostType.Reel : PostType.Photo,
                Caption = $"Post number {i} #training",
                Likes = 400 + 10 * i,
                Comments = 20,
                Views = i % 3 == 0 ? 9_000 : null,
                IsPaidPartnership = i == 5,
            });
        }
        db.Posts.Add(new Post { AccountId = account.Id, ExternalId = "s00", PostedAt = AsOf.AddHours(-2), Type = PostType.Story, Likes = null, Comments = null });
        for (var w = 0; w < 5; w++)
            db.AccountSnapshots.Add(new AccountSnapshot { AccountId = account.Id, At = AsOf.AddDays(-7 * (4 - w)), Followers = 19_000 + 250 * w, Following = 600, PostsCount = 330 + w });
        db.AccountMetrics.Add(new AccountMetric
        {
            AccountId = account.Id,
            Name = MetricDefinitions.ErByFollowers.Name,
            Value = 2.35,
            Formula = MetricDefinitions.ErByFollowers.Formula,
            N = 12,
            WindowStart = AsOf.AddDays(-34),
            WindowEnd = AsOf.AddDays(-1),
            ComputedAt = AsOf,
        });
        db.AccountMetrics.Add(new AccountMetric
        {
            AccountId = account.Id,
            Name = MetricDefinitions.PaidOrganicRatio.Name,
            Value = null,
            Formula = MetricDefinitions.PaidOrganicRatio.Formula,
            N = 12,
            WindowStart = AsOf.AddDays(-34),
            WindowEnd = AsOf.AddDays(-1),
            ComputedAt = AsOf,
        });
        await db.SaveChangesAsync();
        return account;
    }

    public static string? Tier(long? followers) => followers switch
    {
        null => null,
        < 1_000 => "emerging",
        < 10_000 => "nano",
        < 100_000 => "micro",
        < 1_000_000 => "macro",
        _ => "mega",
    };

    private static AccountMetric Metric(long accountId, MetricDefinition definition, double? value, int n) => new()
    {
        AccountId = accountId,
        Name = definition.Name,
        Value = value,
        Formula = definition.Formula,
        N = n,
        WindowStart = AsOf.AddDays(-30),
        WindowEnd = AsOf,
        ComputedAt = AsOf,
    };
}
