using System.Text;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// An account's posts over the history: feed posts at an account-specific rate (the newest 20-30 of them, as an
/// import of recent posts would see), stories on Instagram and Facebook, engagement from the real audience at the
/// time of posting, insights (reach, impressions, saves) only where connected, and sponsored posts with the
/// account's disclosure habits.
/// </summary>
internal sealed class DemoPostWriter(
    DemoIdentity identity,
    Random random,
    DateTime asOf,
    DemoGrowth growth,
    double erPercent,
    double log10Followers,
    bool insights,
    bool inactive)
{
    private const int Days = DemoGenerator.HistoryDays;
    private const string ShortcodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // Disclosure habits: ProperAtStart, PlatformLabel, BuriedAtEnd, VagueOnly, Undisclosed.
    private static readonly int[] DisclosureWeights = [32, 13, 18, 17, 20];

    private readonly HashSet<string> _ids = [];

    public void Write(List<PostRow> posts, List<DemoSponsoredPost> sponsored, List<DateTime> viralDates)
    {
        var platform = identity.Platform;
        var captions = new DemoCaptionWriter(identity, random);
        var sponsorRate = random.Chance(0.12) ? 0 : random.Chance(0.06) ? random.Between(0.35, 0.6) : Math.Clamp(random.LogNormal(0.13, 0.5), 0.03, 0.35);
        var habit = (DemoDisclosure)random.PickWeighted(DisclosureWeights);
        var roster = Enumerable.Range(0, 1 + random.Next(4))
            .Select(_ => random.Chance(0.55) ? identity.Niche.Brands[random.Next(DemoNiche.CompetitorCount)] : random.Pick(identity.Niche.Brands))
            .Distinct()
            .ToArray();

        foreach (var (ago, isViral) in FeedSchedule())
        {
            var type = FeedType(platform);
            var sponsor = random.Chance(sponsorRate) ? NextSponsor(roster, habit, platform) : null;
            var postedAt = At(ago);
            var id = NewId(platform, story: false);
            var (caption, paid) = captions.Feed(type, sponsor);
            posts.Add(Engage(id, postedAt, type, caption, paid, ago, sponsor is not null, isViral));
            if (sponsor is not null)
                sponsored.Add(new DemoSponsoredPost(id, sponsor.Brand, sponsor.Disclosure));
            if (isViral)
                viralDates.Add(postedAt);
        }

        if (platform is Platform.Instagram or Platform.Facebook && !inactive)
        {
            var stories = insights ? random.Next(3, 9) : random.Chance(0.4) ? random.Next(1, 5) : 0;
            for (var i = 0; i < stories; i++)
            {
                var ago = random.Between(0.05, 30);
                var sponsor = random.Chance(Math.Min(1, sponsorRate * 1.2)) ? NextSponsor(roster, habit, platform) : null;
                var id = NewId(platform, story: true);
                var (caption, paid) = captions.Story(sponsor);
                posts.Add(Story(id, At(ago), caption, paid, ago));
                if (sponsor is not null)
                    sponsored.Add(new DemoSponsoredPost(id, sponsor.Brand, sponsor.Disclosure));
            }
        }
        posts.Sort((a, b) => a.PostedAt.CompareTo(b.PostedAt));
    }

    /// <summary>Days before the as-of date of each feed post, newest first, and whether it is the one that went viral.</summary>
    private List<(double Ago, bool Viral)> FeedSchedule()
    {
        var perWeek = Math.Clamp(random.LogNormal(1.6, 0.7), 0.15, 10);
        var cap = 20 + random.Next(11);
        var meanGap = 7 / perWeek;
        var schedule = new List<(double Ago, bool Viral)>();
        var ago = inactive ? random.Between(45, 170) : random.Exponential(meanGap) * 0.5;
        while (ago < Days && schedule.Count < cap)
        {
            schedule.Add((ago, false));
            ago += Math.Max(0.1, random.Exponential(meanGap));
        }
        if (growth.ViralDay is { } day)
        {
            // The post that took off went out the day before the follower jump began.
            var viralAgo = Days - day + random.Between(0.2, 0.9);
            schedule.RemoveAll(s => Math.Abs(s.Ago - viralAgo) < 0.5);
            schedule.Add((viralAgo, true));
            schedule.Sort((a, b) => a.Ago.CompareTo(b.Ago));
        }
        return schedule;
    }

    private DateTime At(double ago)
    {
        var at = asOf.AddDays(-ago);
        return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private double RealFollowersAt(double ago) => growth.Real[Math.Clamp((int)Math.Floor(Days - ago), 0, Days)];

    private PostRow Engage(string id, DateTime postedAt, PostType type, string caption, bool? paid, double ago, bool isSponsored, bool isViral)
    {
        var platform = identity.Platform;
        var typeFactor = type switch { PostType.Carousel => 1.15, PostType.Reel => 1.1, PostType.Photo => 0.9, PostType.Text => 0.7, _ => 1.0 };
        // A viral post's reach is beyond the audience's usual variation, so it replaces the per-post noise.
        var boost = isViral ? random.Between(8, 30) : random.LogNormal(1, DemoEngagement.PostSigma);
        var engagements = RealFollowersAt(ago) * erPercent / 100 * typeFactor * (isSponsored ? 0.75 : 1) * boost;
        var ratio = DemoEngagement.CommentRatio(log10Followers) * random.LogNormal(1, 0.4);
        var comments = (long)Math.Round(engagements * ratio / (1 + ratio));
        var likes = Math.Max(0, (long)Math.Round(engagements) - comments);

        long? views = null;
        if (type.IsVideo())
            views = (long)Math.Round(Math.Max(likes, 1) / random.LogNormal(DemoEngagement.LikesPerView(platform), 0.4) * (isViral ? random.Between(1.5, 3) : 1));

        long? shares = platform switch
        {
            Platform.TikTok => (long)Math.Round(likes * random.LogNormal(0.05, 0.6)),
            Platform.YouTube => (long)Math.Round(likes * random.LogNormal(0.02, 0.6)),
            _ when insights => (long)Math.Round(likes * random.LogNormal(0.03, 0.6)),
            _ => null,
        };

        long? reach = null, impressions = null, saves = null;
        if (insights)
        {
            var r = RealFollowersAt(ago) * DemoEngagement.ReachRate(log10Followers) * random.LogNormal(1, 0.3) * (isViral ? boost : 1);
            if (views is { } v)
                r = Math.Max(r, v * random.Between(0.55, 0.85));
            reach = (long)Math.Round(Math.Max(r, (likes + comments) * 1.2));
            impressions = (long)Math.Round(reach.Value * random.Between(1.1, 1.8));
            if (platform is Platform.Instagram or Platform.TikTok or Platform.Pinterest)
                saves = (long)Math.Round(likes * random.LogNormal(0.06, 0.5));
        }
        return new PostRow(platform, identity.Handle, id, postedAt, type, caption, likes, comments, shares, saves, views, reach, impressions, paid);
    }

    private PostRow Story(string id, DateTime postedAt, string caption, bool? paid, double ago)
    {
        // Story viewers are known only from insights; stories have no public likes or comments.
        long? views = null, reach = null, impressions = null;
        if (insights)
        {
            var rate = Math.Clamp(0.14 - 0.025 * (log10Followers - 2.5), 0.02, 0.14) * random.LogNormal(1, 0.3);
            views = (long)Math.Round(RealFollowersAt(ago) * rate);
            reach = (long)Math.Round(views.Value * random.Between(0.85, 0.98));
            impressions = (long)Math.Round(views.Value * random.Between(1.0, 1.3));
        }
        return new PostRow(identity.Platform, identity.Handle, id, postedAt, PostType.Story, caption, null, null, null, null, views, reach, impressions, paid);
    }

    private DemoCaptionWriter.Sponsor NextSponsor(string[] roster, DemoDisclosure habit, Platform platform)
    {
        var disclosure = random.Chance(0.7) ? habit : (DemoDisclosure)random.PickWeighted(DisclosureWeights);
        // X and Twitch have no paid-partnership label to rely on.
        if (disclosure == DemoDisclosure.PlatformLabel && !DemoCaptionWriter.HasPartnershipLabel(platform))
            disclosure = DemoDisclosure.ProperAtStart;
        return new DemoCaptionWriter.Sponsor(random.Pick(roster), random.Pick(identity.Niche.Products), disclosure);
    }

    private PostType FeedType(Platform platform)
    {
        var roll = random.NextDouble();
        return platform switch
        {
            Platform.Instagram => roll < 0.35 ? PostType.Photo : roll < 0.6 ? PostType.Carousel : PostType.Reel,
            Platform.TikTok => roll < 0.95 ? PostType.Video : PostType.Carousel,
            Platform.YouTube => roll < 0.6 ? PostType.Video : PostType.Short,
            Platform.X => roll < 0.6 ? PostType.Text : roll < 0.9 ? PostType.Photo : PostType.Video,
            Platform.Facebook => roll < 0.4 ? PostType.Photo : roll < 0.7 ? PostType.Video : roll < 0.9 ? PostType.Text : PostType.Reel,
            Platform.Twitch => roll < 0.7 ? PostType.Live : PostType.Video,
            _ => roll < 0.9 ? PostType.Photo : PostType.Video,
        };
    }

    private string NewId(Platform platform, bool story)
    {
        while (true)
        {
            var id = platform switch
            {
                Platform.Instagram when !story => Chars(ShortcodeAlphabet, 11),
                Platform.YouTube => Chars(ShortcodeAlphabet, 11),
                Platform.Twitch => "v" + Digits(10),
                Platform.Facebook => Digits(16),
                _ => Digits(19),
            };
            if (_ids.Add(id))
                return id;
        }
    }

    private string Chars(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        return builder.ToString();
    }

    private string Digits(int length) => (char)('1' + random.Next(9)) + Chars("0123456789", length - 1);
}
