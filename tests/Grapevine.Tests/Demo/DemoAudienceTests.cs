using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Demo;

public class DemoAudienceTests(DemoSample sample) : IClassFixture<DemoSample>
{
    private static double Rate(IReadOnlyCollection<FollowerRow> rows, Func<FollowerRow, bool> feature) => (double)rows.Count(feature) / rows.Count;

    [Fact]
    public void About_one_account_in_eleven_has_a_bought_audience()
    {
        var fake = sample.Accounts.Where(a => a.Truth.IsFakeAudience).ToList();
        Assert.InRange((double)fake.Count / sample.Accounts.Count, 0.07, 0.11);
        Assert.All(fake, a => Assert.InRange(a.Truth.FakeFollowerShare, 0.15, 0.9));
        Assert.InRange(DemoSample.Median(fake.Select(a => a.Truth.FakeFollowerShare)), 0.35, 0.6);
        Assert.All(fake, a => Assert.NotEmpty(a.Truth.FollowerSpikeDates));
        var organic = sample.Accounts.Where(a => !a.Truth.IsFakeAudience).Select(a => a.Truth.FakeFollowerShare).ToList();
        Assert.InRange(DemoSample.Median(organic), 0.05, 0.2);
    }

    [Fact]
    public void Bought_followers_look_like_srf_fakes()
    {
        var calibration = DemoCalibration.Default;
        var fakes = sample.Accounts.Where(a => a.Truth.IsFakeAudience).SelectMany(a => a.Followers).ToList();
        var organic = sample.Accounts.Where(a => !a.Truth.IsFakeAudience && a.Truth.FakeFollowerShare < 0.1).SelectMany(a => a.Followers).ToList();
        Assert.True(fakes.Count > 5000 && organic.Count > 20_000, $"{fakes.Count} / {organic.Count} sampled followers");

        static double RatioMedian(List<FollowerRow> rows) => DemoSample.Median(rows.Select(r => (r.Following!.Value + 1.0) / (r.Followers!.Value + 1.0)));

        // Following far more than they are followed, few posts, digit-heavy names, fewer pictures, names and bios.
        Assert.True(RatioMedian(fakes) > 2 * RatioMedian(organic), $"{RatioMedian(fakes):0.0} vs {RatioMedian(organic):0.0}");
        void MoreOften(Func<FollowerRow, bool> feature, double factor, string name)
        {
            var (f, o) = (Rate(fakes, feature), Rate(organic, feature));
            Assert.True(f > factor * o, $"{name}: {f:P1} of bought audiences' followers vs {o:P1} of organic ones");
        }
        MoreOften(r => r.PostsCount == 0, 2, "no posts");
        MoreOften(r => DemoUsernames.IsDigitHeavy(r.FollowerUsername), 2, "3+ digits in username");
        MoreOften(r => r.HasProfilePic == false, 2, "no profile picture");
        MoreOften(r => r.FullName is null, 2, "no full name");
        MoreOften(r => r.BioLength == 0, 1.5, "empty bio");

        // Nearly pure samples reproduce SRF's rates for their class.
        Assert.InRange(Rate(organic, r => r.HasProfilePic == true), calibration.RealFollowers.HasProfilePic - 0.02, 1);
        Assert.InRange(Rate(organic, r => r.IsPrivate == true), calibration.RealFollowers.IsPrivate - 0.04, calibration.RealFollowers.IsPrivate + 0.04);
    }

    [Fact]
    public void Fake_profile_draws_reproduce_the_fitted_quantiles()
    {
        var calibration = DemoCalibration.Default;
        var profiles = new DemoFollowerProfiles(calibration, fake: true);
        var random = new Random(1);
        var drawn = Enumerable.Range(0, 20_000).Select(_ => profiles.Draw(random)).ToList();
        var following = drawn.Select(d => Math.Log10(d.Following + 1.0)).Order().ToArray();
        var want = calibration.Quantiles(calibration.FakeFollowers.Log10Following);
        foreach (var p in new[] { 0.25, 0.5, 0.75 })
            Assert.True(Math.Abs(QuantileFunction.EmpiricalQuantile(following, p) - want.Quantile(p)) < 0.06, $"p{p * 100}");
        Assert.InRange(drawn.Count(d => d.DigitHeavyUsername) / 20_000.0, calibration.FakeFollowers.DigitHeavyUsername - 0.02, calibration.FakeFollowers.DigitHeavyUsername + 0.02);
    }

    [Fact]
    public void Follower_samples_cover_a_subset_of_accounts_with_unique_usernames()
    {
        var sampled = sample.Accounts.Where(a => a.Followers.Count > 0).ToList();
        Assert.InRange((double)sampled.Count / sample.Accounts.Count, 0.15, 0.25);
        Assert.All(sampled, a =>
        {
            Assert.InRange(a.Followers.Count, 150, 250);
            Assert.Equal(a.Followers.Count, a.Followers.Select(f => f.FollowerUsername).Distinct().Count());
            Assert.All(a.Followers, f => Assert.True(f.FollowerUsername.Length <= 30));
        });
    }

    [Fact]
    public void Bought_followers_arrive_as_spikes_without_engagement()
    {
        foreach (var account in sample.Accounts.Where(a => a.Truth.IsFakeAudience && a.Posts.Count >= 10).Take(200))
        {
            var spike = account.Truth.FollowerSpikeDates[0];
            var before = account.Snapshots.Last(s => s.At < spike);
            var after = account.Snapshots.First(s => s.At > spike.AddDays(1));
            Assert.True(after.Followers > before.Followers * 1.1, $"{account.Account.Handle}: {before.Followers} → {after.Followers} around {spike:yyyy-MM-dd}");
        }
        // Bought followers do not like posts: ER by followers is lower than that of organic accounts of the same tier.
        foreach (var tier in new[] { "nano", "micro" })
        {
            var fake = sample.Accounts.Where(a => a.Truth.Tier == tier && a.Truth.IsFakeAudience).Select(DemoSample.ErByFollowers).OfType<double>();
            var organic = sample.Accounts.Where(a => a.Truth.Tier == tier && !a.Truth.IsFakeAudience).Select(DemoSample.ErByFollowers).OfType<double>();
            Assert.True(DemoSample.Median(fake) < 0.8 * DemoSample.Median(organic), tier);
        }
    }

    [Fact]
    public void Viral_jumps_follow_a_post_that_took_off()
    {
        var viral = sample.Accounts.Where(a => a.Truth.ViralPostDates.Count > 0).ToList();
        Assert.InRange((double)viral.Count / sample.Accounts.Count, 0.04, 0.08);
        foreach (var account in viral)
        {
            var date = account.Truth.ViralPostDates[0];
            var feed = account.Posts.Where(p => p.Type.IsFeed()).ToList();
            var post = feed.Single(p => p.PostedAt == date);
            var typical = DemoSample.Median(feed.Where(p => p != post).Select(p => (double)p.Likes!.Value));
            Assert.True(post.Likes > 3 * typical, $"{account.Account.Handle}: viral post {post.Likes} likes, typical {typical}");
            var before = account.Snapshots.Last(s => s.At <= date);
            var later = account.Snapshots.First(s => s.At >= date.AddDays(7));
            Assert.True(later.Followers > before.Followers * 1.05, $"{account.Account.Handle}: {before.Followers} → {later.Followers}");
        }
    }

    [Fact]
    public void Comments_of_bought_audiences_are_generic_and_repetitive()
    {
        var generic = new HashSet<string>(DemoNiches.All.SelectMany(n => n.Comments));
        double NicheShare(IEnumerable<DemoAccount> accounts)
        {
            var comments = accounts.SelectMany(a => a.Comments).ToList();
            return (double)comments.Count(c => generic.Any(n => c.Text!.Contains(n[1..], StringComparison.Ordinal))) / comments.Count;
        }
        double RepeatShare(IEnumerable<DemoAccount> accounts)
        {
            var perAccount = accounts.Where(a => a.Comments.Count >= 5).ToList();
            return perAccount.Average(a => 1 - (double)a.Comments.Select(c => c.Text).Distinct().Count() / a.Comments.Count);
        }
        var fake = sample.Accounts.Where(a => a.Truth.IsFakeAudience).ToList();
        var organic = sample.Accounts.Where(a => !a.Truth.IsFakeAudience).ToList();
        Assert.True(NicheShare(fake) < 0.5 * NicheShare(organic), $"niche comments: {NicheShare(fake):P0} vs {NicheShare(organic):P0}");
        Assert.True(RepeatShare(fake) > RepeatShare(organic) + 0.1, $"repeated comments: {RepeatShare(fake):P0} vs {RepeatShare(organic):P0}");
        Assert.All(sample.Accounts.SelectMany(a => a.Comments.Select(c => (a, c))), x =>
        {
            var post = x.a.Posts.Single(p => p.PostId == x.c.PostId);
            Assert.InRange(x.c.PostedAt!.Value, post.PostedAt, DemoSample.AsOf);
        });
    }
}
