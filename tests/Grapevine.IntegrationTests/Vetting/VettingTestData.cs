using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Vetting;

/// <summary>
/// Two Instagram accounts for the vetting tests: one with a bought audience (a 30% follower jump with no post behind it,
/// 40% of its sampled followers fake, generic comments, a gambling caption) and one steady, genuine account.
/// </summary>
internal static class VettingTestData
{
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    public const string Bought = "bought.followers";
    public const string Steady = "steady.anna";

    /// <summary>The date of the first snapshot after the jump.</summary>
    public static DateTime SpikeSeenAt => Now.AddDays(7 * (16 - 26));

    /// <summary>Comment i is written an hour after its post: the first on 1 Nov 2026, the last on 21 Nov 2026.</summary>
    public static DateTime CommentAt(int i) => Now.AddDays(-2 - 5 * (i % 5)).AddHours(1);

    public static async Task SeedAsync(GrapevineDb db)
    {
        var bought = await AddAsync(db, Bought, spike: true, fakeFollowers: 60, lowQualityComments: true);
        var steady = await AddAsync(db, Steady, spike: false, fakeFollowers: 5, lowQualityComments: false);
        await new MetricsRecomputer(db, new FakeTimeProvider(new DateTimeOffset(Now))).RecomputeAsync([bought, steady], default);
    }

    private static async Task<long> AddAsync(GrapevineDb db, string handle, bool spike, int fakeFollowers, bool lowQualityComments)
    {
        var followers = 10_000.0;
        var snapshots = new List<AccountSnapshot>();
        for (var w = 0; w <= 26; w++)
        {
            if (w > 0)
                followers *= 1.005 + (w % 3 - 1) * 0.001 + (spike && w == 16 ? 0.3 : 0);
            snapshots.Add(new AccountSnapshot { At = Now.AddDays(7 * (w - 26)), Followers = (long)Math.Round(followers) });
        }
        var account = new Account
        {
            Creator = new Creator { DisplayName = handle },
            Platform = Platform.Instagram,
            Handle = handle,
            DisplayName = handle,
            Followers = (long)Math.Round(followers),
            UpdatedAt = Now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();

        foreach (var s in snapshots)
            s.AccountId = account.Id;
        db.AccountSnapshots.AddRange(snapshots);
        for (var i = 0; i < 30; i++)
        {
            var caption = spike && i == 4 ? "Big night at the CASINO with the crew" : $"Morning walk number {i} by the river";
            db.Posts.Add(new Post
            {
                AccountId = account.Id,
                ExternalId = $"{handle[..4]}{i:00}",
                PostedAt = Now.AddDays(-2 - 5 * i),
                Type = PostType.Photo,
                Caption = caption,
                Hashtags = CaptionTags.Extract(caption).Hashtags,
                Likes = 300 + i % 4 * 10,
                Comments = 15,
            });
        }
        for (var i = 0; i < 150; i++)
        {
            db.FollowerSamples.Add(new FollowerSample
            {
                AccountId = account.Id,
                FollowerUsername = i < fakeFollowers ? $"fake_{i}" : $"real_{i}",
                Followers = 100 + i,
                Following = 200,
                PostsCount = 10,
            });
        }
        for (var i = 0; i < 20; i++)
        {
            var text = lowQualityComments
                ? (i % 3) switch { 0 => "Nice pic", 1 => "🔥🔥🔥", _ => "Great content! DM us to collaborate" }
                : $"Which trail is this, the one past the bridge number {i}?";
            db.CommentSamples.Add(new CommentSample
            {
                AccountId = account.Id,
                CommentId = $"{handle}-c{i}",
                PostExternalId = $"{handle[..4]}{i % 5:00}",
                Author = lowQualityComments ? $"user{i % 7}" : $"fan{i}",
                Text = text,
                PostedAt = CommentAt(i),
            });
        }
        await db.SaveChangesAsync();
        return account.Id;
    }
}

/// <summary>A test classifier: usernames starting with "fake" are fake.</summary>
internal sealed class UsernameClassifier : IFollowerClassifier
{
    public float Threshold => 0.5f;

    public string Description => "test: usernames starting with 'fake' are fake";

    public void PredictFakeProbabilities(IReadOnlyList<FollowerProfile> profiles, Span<float> probabilities)
    {
        for (var i = 0; i < profiles.Count; i++)
            probabilities[i] = profiles[i].Username?.StartsWith("fake", StringComparison.Ordinal) == true ? 1f : 0f;
    }
}
