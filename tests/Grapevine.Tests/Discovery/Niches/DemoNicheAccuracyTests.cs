using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery.Profiles;

namespace Grapevine.Tests.Discovery.Niches;

/// <summary>
/// A small version of the <c>niches</c> benchmark (docs/benchmarks.md, "Niches"), so that an edit of the lexicons or
/// the scorer that loses the demo's niches fails here. The demo's texts were written from the same general knowledge as
/// the lexicons, so this guards against regressions; it does not measure accuracy on real creators.
/// </summary>
public sealed class DemoNicheAccuracyTests
{
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Profiles_find_the_true_niche_of_demo_accounts_without_a_category()
    {
        var generator = new DemoGenerator(new DemoOptions(600, 11, AsOf));
        int uncategorised = 0, hits = 0;
        var niches = new HashSet<string>();
        for (var i = 0; i < generator.Count; i++)
        {
            var account = generator.Generate(i);
            var input = SearchProfileInputs.FromRows(i + 1, account.Account, account.Posts, account.Snapshots, account.Followers, AsOf);
            var profile = SearchProfileBuilder.Default.Build(input, AsOf);
            if (!string.IsNullOrWhiteSpace(account.Account.Category))
            {
                // A mapped category always wins the primary niche.
                Assert.Equal(account.Truth.Niche, profile.PrimaryNiche);
                continue;
            }
            uncategorised++;
            niches.Add(account.Truth.Niche);
            hits += profile.PrimaryNiche == account.Truth.Niche ? 1 : 0;
        }

        Assert.InRange(uncategorised, 150, 350);
        Assert.True(niches.Count >= 15, $"only {niches.Count} niches among the uncategorised accounts");
        Assert.True(hits >= 0.95 * uncategorised, $"{hits} of {uncategorised} uncategorised demo accounts got their true niche");
    }
}
