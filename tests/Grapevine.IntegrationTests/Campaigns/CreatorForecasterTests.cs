using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Campaigns;

public class CreatorForecasterTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Theory, BothProviders]
    public async Task Forecasts_a_shortlist_larger_than_one_chunk_per_platform_deliverable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var instagram = new List<Account>();
        await using (var db = database.CreateContext())
        {
            var creator = new Creator { DisplayName = "Many" };
            for (var i = 0; i < CreatorForecaster.ChunkSize + 20; i++)
            {
                var account = new Account { Creator = creator, Platform = Platform.Instagram, Handle = $"ig{i}", Followers = 4000 + i };
                for (var p = 0; p < 3; p++)
                    account.Posts.Add(Post(account, $"ig{i}-{p}", PostType.Photo, Now.AddDays(-3 - 7 * p), likes: 100 + i + 10 * p));
                instagram.Add(account);
            }
            instagram[0].Posts.Add(Post(instagram[0], "old", PostType.Photo, Now.AddDays(-400), likes: 1_000_000));
            instagram[0].Posts.Add(Post(instagram[0], "story", PostType.Story, Now.AddDays(-2), views: 300, reach: 280, impressions: 320));
            db.Accounts.AddRange(instagram);
            db.Accounts.Add(new Account { Creator = creator, Platform = Platform.Instagram, Handle = "silent", Followers = 900 });
            var tiktok = new Account { Creator = creator, Platform = Platform.TikTok, Handle = "tt", Followers = 20_000 };
            for (var p = 0; p < 6; p++)
                tiktok.Posts.Add(Post(tiktok, $"tt-{p}", PostType.Video, Now.AddDays(-2 - p), likes: 500, views: 9000));
            db.Accounts.Add(tiktok);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var ids = read.Accounts.Select(a => a.Id).ToList();
        var silent = read.Accounts.Single(a => a.Handle == "silent").Id;
        var tiktokId = read.Accounts.Single(a => a.Handle == "tt").Id;
        List<CampaignDeliverable> deliverables =
        [
            new() { Deliverable = Deliverables.InstagramPost, Count = 2 },
            new() { Deliverable = Deliverables.InstagramStory, Count = 1 },
            new() { Deliverable = Deliverables.TikTokVideo, Count = 1 },
        ];
        var assumptions = CreatorForecaster.Assumptions(null);

        var forecasts = await new CreatorForecaster(read).ForecastAsync([.. ids, 999_999], deliverables, assumptions, Now, CancellationToken.None);

        Assert.Equal((instagram.Count + 1) * 2 + 1, forecasts.Count);
        Assert.DoesNotContain(forecasts, f => f.AccountId == 999_999);
        Assert.Equal(Deliverables.TikTokVideo, Assert.Single(forecasts, f => f.AccountId == tiktokId).Deliverable);
        Assert.Equal(9000, forecasts.Single(f => f.AccountId == tiktokId).Impressions!.Median, 1.0);

        // The database read gives what the model gives on the same posts (the old post is outside the window).
        var first = instagram[0];
        var history = first.Posts.Select(p => new PostOutcome(p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions)).ToList();
        var expected = ForecastModel.Forecast(first.Id, Platform.Instagram, first.Followers, Deliverables.InstagramPost, 2, history, Now, assumptions);
        var actual = forecasts.Single(f => f.AccountId == first.Id && f.Deliverable == Deliverables.InstagramPost);
        Assert.Equal(expected, actual);
        Assert.Equal(3, actual.PostsUsed);
        Assert.Contains("only 3 comparable posts", actual.Basis);
        Assert.Equal(280, forecasts.Single(f => f.AccountId == first.Id && f.Deliverable == Deliverables.InstagramStory).Reach!.Median, 0.5);

        var quiet = forecasts.Single(f => f.AccountId == silent && f.Deliverable == Deliverables.InstagramPost);
        Assert.Null(quiet.Engagements);
        Assert.Null(quiet.Revenue);
        Assert.Contains("no comparable posts", quiet.Basis);
        var quietStory = forecasts.Single(f => f.AccountId == silent && f.Deliverable == Deliverables.InstagramStory);
        Assert.Equal(900 * 0.0912, quietStory.Reach!.Median, 0.5);
    }

    private static Post Post(Account account, string id, PostType type, DateTime at, long? likes = null, long? views = null, long? reach = null, long? impressions = null) =>
        new()
        {
            ExternalId = $"{account.Handle}-{id}",
            Type = type,
            PostedAt = at,
            Likes = likes,
            Comments = likes is null ? null : 4,
            Views = views,
            Reach = reach,
            Impressions = impressions,
        };
}
