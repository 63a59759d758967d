using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;

namespace Grapevine.Tests.Discovery.Engine;

/// <summary>Hand-made search profiles for the index's unit tests: everything unknown unless a test says otherwise.</summary>
internal static class IndexProfiles
{
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    public static readonly long NowSeconds = FitPlan.UnixSeconds(Now);
    public static readonly DiscoveryContext Context = new(Now);

    public static SearchProfile Profile(long id, Platform platform = Platform.Instagram, string words = "", params (string Niche, int Score)[] niches) => new()
    {
        AccountId = id,
        Platform = platform,
        Handle = $"account{id}",
        Words = words,
        UpdatedAt = Now,
        Niches = [.. niches.Select(n => new SearchProfileNiche { AccountId = id, Niche = n.Niche, Score = n.Score })],
    };

    public static SearchProfile Term(this SearchProfile profile, string term, int daysAgo)
    {
        profile.Terms.Add(new SearchProfileTerm { AccountId = profile.AccountId, Term = term, LastUsedAt = NowSeconds - daysAgo * 86_400L, Uses = 1 });
        return profile;
    }

    public static DiscoveryIndex Index(params SearchProfile[] profiles) => DiscoveryIndex.FromProfiles(profiles);

    public static long[] Ids(this DiscoveryResult result) => [.. result.Hits.Select(h => h.AccountId)];

    public static long[] Search(this DiscoveryIndex index, DiscoveryQuery query) => index.Search(query, Context).Ids();
}
