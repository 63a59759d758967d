using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Discovery.Pricing;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Builds an account's <see cref="SearchProfile"/> from its fields, posts, metrics and follower sample
/// (docs/discovery-data.md, "Search profiles"). Pure: the same input and <c>now</c> give the same profile.
/// <see cref="SearchProfile.EngagementPercentile"/> is left null: it depends on other accounts and the refresher sets it.
/// </summary>
public sealed class SearchProfileBuilder(
    NicheScorer niches,
    PriceEstimator prices,
    BrandSafetyLexicon safety,
    IFollowerClassifier? classifier)
{
    /// <summary>Posts older than this many days before now give no words, captions or terms.</summary>
    public const int RecentDays = 365;

    /// <summary>The newest posts in the window whose captions give words, niche text and the safety scan.</summary>
    public const int CaptionPosts = 24;

    public const int MaxWords = 120;
    public const int MaxTerms = 100;
    public const int MaxTermLength = 101;

    private static readonly Lazy<SearchProfileBuilder> LazyDefault = new(() =>
        new SearchProfileBuilder(NicheScorer.Default, PriceEstimator.Default, BrandSafetyLexicon.Default, AuthenticityModel.LoadDefault()));

    /// <summary>The shipped taxonomy, prices, default brand-safety lexicon and follower classifier.</summary>
    public static SearchProfileBuilder Default => LazyDefault.Value;

    public SearchProfile Build(SearchProfileInput input, DateTime now)
    {
        var posts = input.Posts.OrderByDescending(p => p.PostedAt).ToList();
        var windowStart = now.AddDays(-RecentDays);
        var recent = posts.TakeWhile(p => p.PostedAt >= windowStart).ToList();
        var captioned = FlaggedTexts.Captioned(recent, now);

        var niche = niches.Score(new NicheEvidence(input.Handle, input.DisplayName, input.Bio, input.Category, [.. captioned.Select(p => p.Caption)]));
        var price = prices.EstimateDefault(input.Platform, input.Followers, input.EngagementRate);

        return new SearchProfile
        {
            AccountId = input.AccountId,
            Platform = input.Platform,
            Handle = input.Handle,
            DisplayName = input.DisplayName,
            Tier = input.Tier ?? TierScheme.Default.Classify(input.Followers),
            Followers = input.Followers,
            Country = input.Country,
            Language = input.Language,
            IsVerified = input.IsVerified,
            HasEmail = !string.IsNullOrWhiteSpace(input.Email),
            PrimaryNiche = niche.Primary,
            NicheConfidence = niche.Confidence,
            EngagementRate = input.EngagementRate,
            AudienceQuality = classifier is null ? null : AudienceQuality.Measure(input.FollowerSample, classifier).RealShare,
            ExpectedEngagements = ExpectedEngagements(posts),
            PriceEstimate = price?.Estimate,
            PriceLow = price?.Low,
            PriceHigh = price?.High,
            LastPostedAt = posts.Count == 0 ? null : UnixSeconds(posts[0].PostedAt),
            SponsoredShare = input.SponsoredShare,
            Growth = input.Growth,
            SafetyScore = SafetyScore(input, captioned, now),
            Words = Words(input, captioned),
            UpdatedAt = now,
            Niches = [.. niche.Scores.Select(s => new SearchProfileNiche { AccountId = input.AccountId, Niche = s.Niche, Score = s.Score })],
            Terms = Terms(input.AccountId, recent),
        };
    }

    public static long UnixSeconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    /// <summary>Median of likes + comments over the newest 12 feed posts that report both (as ER by followers counts them).</summary>
    internal static double? ExpectedEngagements(IReadOnlyList<ProfilePost> newestFirst)
    {
        var engagements = newestFirst
            .Where(p => p.Type.IsFeed() && p.Likes is not null && p.Comments is not null)
            .Take(MetricDefinitions.RecentPosts)
            .Select(p => (double)(p.Likes!.Value + p.Comments!.Value))
            .ToList();
        return engagements.Count == 0 ? null : Statistics.Median(engagements);
    }

    /// <summary>Handle, display name, category, bio, then the captions newest first: distinct indexed tokens, at most <see cref="MaxWords"/>.</summary>
    internal static string Words(SearchProfileInput input, IReadOnlyList<ProfilePost> captioned)
    {
        var seen = new HashSet<string>(MaxWords, StringComparer.Ordinal);
        var words = new List<string>(MaxWords);
        SearchProfileWords.Collect(input.Handle, seen, words, MaxWords);
        SearchProfileWords.Collect(input.DisplayName, seen, words, MaxWords);
        SearchProfileWords.Collect(input.Category, seen, words, MaxWords);
        SearchProfileWords.Collect(input.Bio, seen, words, MaxWords);
        foreach (var post in captioned)
            SearchProfileWords.Collect(post.Caption, seen, words, MaxWords);
        return string.Join(' ', words);
    }

    /// <summary>
    /// "#tag" and "@handle" of the posts in the window with the time of their latest use and the number of posts using
    /// them; at most <see cref="MaxTerms"/>, the most recently used first (then the most used, then by name).
    /// </summary>
    internal static List<SearchProfileTerm> Terms(long accountId, IReadOnlyList<ProfilePost> recent)
    {
        var terms = new Dictionary<string, SearchProfileTerm>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        // "#tag" is put together in a buffer and looked up as a span: a string is made once per distinct term, not per use.
        Span<char> term = stackalloc char[MaxTermLength];
        foreach (var post in recent)
        {
            var at = UnixSeconds(post.PostedAt);
            Add(post.Hashtags, '#', term);
            Add(post.Mentions, '@', term);

            void Add(string? column, char marker, Span<char> term)
            {
                if (string.IsNullOrEmpty(column))
                    return;
                var tags = column.AsSpan();
                foreach (var range in tags.Split(' '))
                {
                    var tag = tags[range];
                    if (tag.IsEmpty || tag.Length + 1 > MaxTermLength)
                        continue;
                    term[0] = marker;
                    tag.CopyTo(term[1..]);
                    var key = term[..(tag.Length + 1)];
                    if (lookup.TryGetValue(key, out var known))
                    {
                        known.Uses++;
                        known.LastUsedAt = Math.Max(known.LastUsedAt, at);
                    }
                    else
                    {
                        var text = key.ToString();
                        terms[text] = new SearchProfileTerm { AccountId = accountId, Term = text, LastUsedAt = at, Uses = 1 };
                    }
                }
            }
        }
        return [.. terms.Values
            .OrderByDescending(t => t.LastUsedAt).ThenByDescending(t => t.Uses).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(MaxTerms)];
    }

    /// <summary>1 / (1 + flagged texts): the bio and the captions scanned with the brand-safety lexicon; null when there is no text.</summary>
    private double? SafetyScore(SearchProfileInput input, IReadOnlyList<ProfilePost> captioned, DateTime now) =>
        FlaggedTexts.SafetyScore(FlaggedTexts.Count(input.Platform, input.Handle, input.Bio, captioned, safety, now));
}
