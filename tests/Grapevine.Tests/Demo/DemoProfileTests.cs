using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

public class DemoProfileTests(DemoSample sample) : IClassFixture<DemoSample>
{
    [Fact]
    public void Handles_are_unique_normalised_and_plausible()
    {
        var keys = sample.Accounts.Select(a => (a.Account.Platform, a.Account.Handle)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(sample.Accounts, a =>
        {
            Assert.Equal(CatalogueNames.NormalizeHandle(a.Account.Handle), a.Account.Handle);
            Assert.Matches("^[a-z0-9._]{2,30}$", a.Account.Handle);
        });
    }

    [Fact]
    public void Mostly_instagram_then_tiktok_and_youtube_and_a_mix_of_countries()
    {
        var platforms = sample.Accounts.GroupBy(a => a.Account.Platform).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(platforms[Platform.Instagram] > platforms[Platform.TikTok]);
        Assert.True(platforms[Platform.TikTok] > platforms[Platform.YouTube]);
        Assert.All(Enum.GetValues<Platform>(), p => Assert.True(platforms.GetValueOrDefault(p) > 0, p.ToString()));
        var countries = sample.Accounts.Select(a => a.Account.Country).Distinct().ToList();
        Assert.Superset(new HashSet<string?> { "US", "GB", "DE", "FR", "ES", "IT", "BR", "IN", "CA", "AU", "NL", "SE" }, countries.ToHashSet());
        Assert.Contains(sample.Accounts, a => a.Account.Country == "DE" && a.Account.Language == "de");
        Assert.Contains(sample.Accounts, a => a.Account.Country == "CA" && a.Account.Language == "fr");
    }

    [Fact]
    public void Category_is_the_true_niche_for_about_sixty_percent()
    {
        var filled = sample.Accounts.Where(a => a.Account.Category is not null).ToList();
        Assert.InRange((double)filled.Count / sample.Accounts.Count, 0.55, 0.65);
        Assert.All(filled, a => Assert.Equal(a.Truth.Niche, a.Account.Category));
        Assert.Equal(20, sample.Accounts.Select(a => a.Truth.Niche).Distinct().Count());
    }

    [Fact]
    public void Bios_use_niche_words_and_contacts_use_reserved_domains()
    {
        var withBio = sample.Accounts.Where(a => a.Account.Bio is not null).ToList();
        Assert.InRange((double)withBio.Count / sample.Accounts.Count, 0.9, 1);
        Assert.All(withBio, a =>
        {
            var niche = DemoNiches.Find(a.Truth.Niche);
            Assert.Contains(niche.Keywords, k => a.Account.Bio!.Contains(k, StringComparison.OrdinalIgnoreCase));
        });
        var emails = sample.Accounts.Select(a => a.Account.Email).OfType<string>().ToList();
        Assert.InRange((double)emails.Count / sample.Accounts.Count, 0.2, 0.5);
        Assert.All(emails, e => Assert.Matches(@"^[a-z0-9._]+@example\.(com|net|org)$", e));
        Assert.All(sample.Accounts.Select(a => a.Account.ExternalUrl).OfType<string>(), u => Assert.EndsWith(".example", new Uri(u).Host));
    }

    [Fact]
    public void Verified_and_private_are_rare_and_profile_pictures_common()
    {
        var n = (double)sample.Accounts.Count;
        Assert.InRange(sample.Accounts.Count(a => a.Account.IsVerified == true) / n, 0.005, 0.06);
        Assert.InRange(sample.Accounts.Count(a => a.Account.IsPrivate == true) / n, 0.005, 0.05);
        Assert.InRange(sample.Accounts.Count(a => a.Account.HasProfilePic == true) / n, 0.93, 0.99);
        double VerifiedShare(string tier) =>
            sample.Accounts.Where(a => a.Truth.Tier == tier).Average(a => a.Account.IsVerified == true ? 1.0 : 0.0);
        Assert.True(VerifiedShare("mega") > VerifiedShare("micro") && VerifiedShare("micro") > VerifiedShare("nano"));
    }

    [Fact]
    public void Snapshots_end_at_the_as_of_date_with_the_account_counts()
    {
        Assert.All(sample.Accounts, a =>
        {
            var last = a.Snapshots[^1];
            Assert.Equal(DemoSample.AsOf, last.At);
            Assert.Equal(a.Account.Followers, last.Followers);
            Assert.Equal(a.Account.PostsCount, last.PostsCount);
            Assert.InRange(a.Snapshots.Count, 6, 27);
            Assert.True(a.Snapshots.Zip(a.Snapshots.Skip(1)).All(p => (p.Second.At - p.First.At).TotalDays == 7));
        });
        Assert.All(sample.Accounts.Where(a => a.Account.Platform is Platform.YouTube or Platform.Twitch), a => Assert.Null(a.Account.Following));
    }

    [Fact]
    public void Private_accounts_show_posts_only_through_insights()
    {
        var hidden = sample.Accounts.Where(a => a.Account.IsPrivate == true && !a.Truth.HasInsights).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, a =>
        {
            Assert.Empty(a.Posts);
            Assert.Empty(a.Followers);
        });
    }
}
