using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;

namespace Grapevine.Benchmarks;

// TEMPORARY until disc-profiles' SearchProfileBuilder lands: a plain conversion of a demo account to a profile.
internal static class DiscoveryTemporaryProfiles
{
    public static SearchProfile Build(DemoAccount demo, long accountId, DateTime now)
    {
        var a = demo.Account;
        var feed = demo.Posts.Where(p => p.Type.IsFeed()).OrderByDescending(p => p.PostedAt).ToList();
        var engagements = feed.Take(12).Where(p => p.Likes is not null).Select(p => (double)(p.Likes!.Value + (p.Comments ?? 0))).Order().ToArray();
        double? expected = engagements.Length == 0 ? null : engagements[engagements.Length / 2];
        double? er = expected is { } e && a.Followers is > 0 ? e / a.Followers.Value * 100 : null;
        var tier = a.Followers is { } f ? DemoTiers.NameOf(f) : null;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { a.Handle, a.DisplayName, a.Bio, a.Category }.Concat(feed.Take(12).Select(p => p.Caption)))
            words.UnionWith(SearchText.Tokenize(text));
        var terms = new Dictionary<string, SearchProfileTerm>(StringComparer.Ordinal);
        foreach (var post in demo.Posts)
        {
            var (hashtags, mentions) = CaptionTags.Extract(post.Caption);
            var at = FitPlan.UnixSeconds(post.PostedAt);
            foreach (var term in Split(hashtags, '#').Concat(Split(mentions, '@')))
            {
                if (terms.TryGetValue(term, out var seen))
                {
                    seen.LastUsedAt = Math.Max(seen.LastUsedAt, at);
                    seen.Uses++;
                }
                else
                {
                    terms[term] = new SearchProfileTerm { AccountId = accountId, Term = term, LastUsedAt = at, Uses = 1 };
                }
            }
        }
        var niche = demo.Truth.Niche;
        var mainScore = 55 + (int)(accountId % 40);
        List<SearchProfileNiche> niches = [new() { AccountId = accountId, Niche = niche, Score = mainScore }];
        var second = DemoNiches.All[(int)(accountId % DemoNiches.All.Count)].Slug;
        if (second != niche)
            niches.Add(new SearchProfileNiche { AccountId = accountId, Niche = second, Score = 100 - mainScore - (int)(accountId % 7) });
        double? sponsored = feed.Count == 0 ? null : 100.0 * feed.Count(p => p.IsPaidPartnership == true || (p.Caption ?? "").Contains("#ad", StringComparison.Ordinal)) / feed.Count;
        var snapshots = demo.Snapshots.Where(s => s.Followers is not null).ToList();
        double? growth = snapshots.Count >= 5 && snapshots[^5].Followers is > 0
            ? (snapshots[^1].Followers!.Value - snapshots[^5].Followers!.Value) * 100.0 / snapshots[^5].Followers!.Value : null;
        return new SearchProfile
        {
            AccountId = accountId,
            Platform = a.Platform,
            Handle = a.Handle,
            DisplayName = a.DisplayName,
            Tier = tier,
            Followers = a.Followers,
            Country = a.Country,
            Language = a.Language,
            IsVerified = a.IsVerified,
            HasEmail = a.Email is not null,
            PrimaryNiche = niche,
            NicheConfidence = 0.8,
            EngagementRate = er,
            EngagementPercentile = er is { } rate ? Math.Min(1, rate / 10) : null,
            AudienceQuality = demo.Followers.Count > 0 ? 1 - demo.Truth.FakeFollowerShare : null,
            ExpectedEngagements = expected,
            PriceEstimate = a.Followers is { } followers ? Math.Round(Math.Max(10, followers * 0.01), 2) : null,
            LastPostedAt = feed.Count == 0 ? null : FitPlan.UnixSeconds(feed[0].PostedAt),
            SponsoredShare = sponsored,
            Growth = growth,
            SafetyScore = 1,
            Words = string.Join(' ', words),
            UpdatedAt = now,
            Niches = niches,
            Terms = [.. terms.Values],
        };
    }

    private static IEnumerable<string> Split(string? tags, char marker) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(' ').Select(t => marker + t);
}
