using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Builds one account's rows from its identity and its own random generator.</summary>
internal sealed class DemoAccountBuilder(
    DemoIdentity identity,
    Random random,
    DateTime asOf,
    DemoFollowerModel followerModel,
    DemoFollowerProfiles realProfiles,
    DemoFollowerProfiles fakeProfiles)
{
    private const int Days = DemoGenerator.HistoryDays;

    public DemoAccount Build()
    {
        var platform = identity.Platform;
        var log10Followers = followerModel.DrawLog10Followers(random, identity.Niche.DatasetCategory);
        var followers = Math.Max(1, (long)Math.Round(Math.Pow(10, log10Followers)));
        var tier = DemoTiers.NameOf(followers);
        var following = followerModel.DrawFollowing(random, log10Followers);
        var postsCount = followerModel.DrawPosts(random, log10Followers);

        // Bought audiences belong to accounts that want to look bigger: not the verified stars, not private ones.
        var fakeAudience = tier != "mega" && random.Chance(DemoGenerator.FakeAudienceShare);
        var inactive = random.Chance(DemoGenerator.InactiveShare);
        // Viral and bought jumps are kept apart so that the truth of each jump is unambiguous.
        var viral = !inactive && !fakeAudience && random.Chance(DemoGenerator.ViralShare);
        var verified = random.Chance(tier switch { "mega" => 0.6, "macro" => 0.15, "micro" => 0.02, "nano" => 0.003, _ => 0 });
        var isPrivate = !fakeAudience && !verified && random.Chance(tier switch { "emerging" => 0.12, "nano" => 0.03, "micro" => 0.01, _ => 0 });
        var insights = random.Chance(platform switch
        {
            Platform.Instagram => 0.35,
            Platform.TikTok or Platform.YouTube or Platform.Facebook => 0.25,
            _ => 0.1,
        });
        // Most accounts were tracked for the whole history; some joined the catalogue later. Spikes and viral
        // jumps fall inside the tracked window, where a detector can see them.
        var firstTrackedDay = random.Chance(0.85) ? 0 : random.Next(60, 140);
        var growth = DemoGrowth.Simulate(random, followers, log10Followers, Days, firstTrackedDay, fakeAudience, viral, inactive);
        var baselineFake = Math.Clamp(random.LogNormal(0.1, 0.5), 0.01, 0.35);
        var fakeShare = growth.BoughtShareAtEnd + baselineFake * (1 - growth.BoughtShareAtEnd);
        var er = DemoEngagement.MedianPercent(log10Followers, platform) * random.LogNormal(1, DemoEngagement.AccountSigma);

        var profile = new DemoProfileWriter(identity, random).Write(tier, log10Followers);
        var posts = new List<PostRow>();
        var sponsored = new List<DemoSponsoredPost>();
        var viralPostDates = new List<DateTime>();
        // Posts of private accounts are visible only through connected insights.
        if (!isPrivate || insights)
        {
            var writer = new DemoPostWriter(identity, random, asOf, growth, er, log10Followers, insights, inactive);
            writer.Write(posts, sponsored, viralPostDates);
        }

        var feedTimes = posts.Where(p => p.Type.IsFeed()).Select(p => p.PostedAt).ToList();
        postsCount = platform switch
        {
            Platform.YouTube => postsCount / 6,
            Platform.TikTok => postsCount / 2,
            Platform.X => postsCount * 4,
            Platform.Twitch => 0,
            _ => postsCount,
        };
        postsCount = Math.Max(postsCount, feedTimes.Count + random.Next(0, 30));
        long? followingValue = platform is Platform.YouTube or Platform.Twitch ? null : following;
        long? postsValue = platform == Platform.Twitch ? null : postsCount;

        var snapshots = Snapshots(growth, firstTrackedDay, followingValue, postsValue, feedTimes);
        var account = new AccountRow(
            platform, identity.Handle, profile.DisplayName, followers, followingValue, postsValue,
            identity.Country, identity.Language, profile.Bio, profile.Email, profile.ExternalUrl,
            verified, isPrivate, random.Chance(tier == "emerging" ? 0.9 : 0.97),
            random.Chance(DemoGenerator.CategoryFilledShare) ? identity.Niche.Slug : null);

        var followerRows = new List<FollowerRow>();
        if (!isPrivate && random.Chance(DemoGenerator.FollowerSampleShare))
            new DemoAudienceWriter(identity, random, realProfiles, fakeProfiles).Write(followerRows, fakeShare, random.Next(150, 251));

        var comments = new List<CommentRow>();
        if (posts.Count > 0 && random.Chance(DemoGenerator.CommentSampleShare))
            new DemoCommentWriter(identity, random, asOf).Write(comments, posts, followerRows, fakeAudience, fakeShare);

        var day0 = asOf.AddDays(-Days);
        var truth = new DemoAccountTruth(
            identity.Index, platform, identity.Handle, identity.Niche.Slug, tier, fakeAudience, Math.Round(fakeShare, 4),
            growth.SpikeDays.Select(d => day0.AddDays(d)).ToList(),
            viralPostDates,
            Math.Round(er, 4), inactive, insights, sponsored);
        return new DemoAccount(account, posts, snapshots, followerRows, comments, truth);
    }

    private List<SnapshotRow> Snapshots(DemoGrowth growth, int firstDay, long? following, long? postsCount, List<DateTime> feedTimes)
    {
        var rows = new List<SnapshotRow>();
        var followingNow = (double?)following;
        for (var day = Days; day >= firstDay; day -= 7)
        {
            var at = asOf.AddDays(day - Days);
            long? posts = postsCount is { } p ? p - feedTimes.Count(t => t > at) : null;
            rows.Add(new SnapshotRow(identity.Platform, identity.Handle, at, (long)Math.Round(growth.Total(day)),
                followingNow is { } f ? (long)Math.Round(f) : null, posts));
            if (followingNow is { } current)
                followingNow = Math.Max(0, current * (1 + random.Normal() * 0.01));
        }
        rows.Reverse();
        return rows;
    }
}
