using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>A sample of an account's followers, each one fake with the account's fake-follower share.</summary>
internal sealed class DemoAudienceWriter(DemoIdentity identity, Random random, DemoFollowerProfiles realProfiles, DemoFollowerProfiles fakeProfiles)
{
    public void Write(List<FollowerRow> rows, double fakeShare, int size)
    {
        var names = new HashSet<string>();
        var languages = DemoCountries.FirstNames.Keys.ToArray();
        for (var i = 0; i < size; i++)
        {
            var fake = random.Chance(fakeShare);
            var profile = (fake ? fakeProfiles : realProfiles).Draw(random);
            // Followers mostly share the creator's language; bought ones come from anywhere.
            var language = !fake && random.Chance(0.7) ? identity.Language : random.Pick(languages);
            var first = random.Pick(DemoCountries.FirstNames[language]);
            var last = random.Pick(DemoCountries.LastNames[language]);
            var username = fake
                ? DemoUsernames.FakeFollower(random, first, profile.DigitHeavyUsername)
                : DemoUsernames.RealFollower(random, first, last, random.Pick(identity.Niche.HandleWords), profile.DigitHeavyUsername);
            while (!names.Add(username))
                username = DemoUsernames.Disambiguate(random, username);
            string? fullName = profile.HasFullName ? (fake && random.Chance(0.5) ? first : $"{first} {last}") : null;
            rows.Add(new FollowerRow(identity.Platform, identity.Handle, username, fullName,
                profile.Followers, profile.Following, profile.Posts, profile.HasProfilePic, profile.IsPrivate,
                profile.BioLength, profile.HasExternalUrl));
        }
    }
}
