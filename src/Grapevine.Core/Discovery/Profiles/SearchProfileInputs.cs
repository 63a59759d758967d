using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>Search-profile inputs made straight from import rows (the demo generator's, a benchmark's), without a database.</summary>
public static class SearchProfileInputs
{
    /// <summary>
    /// The input the refresher would read after importing these rows: hashtags and mentions extracted as the importer
    /// extracts them, the metrics computed as <see cref="MetricsRecomputer"/> computes them (windows closing at the end
    /// of <paramref name="now"/>'s UTC day), the tier by the default scheme.
    /// </summary>
    public static SearchProfileInput FromRows(
        long accountId,
        AccountRow account,
        IReadOnlyList<PostRow> posts,
        IReadOnlyList<SnapshotRow> snapshots,
        IReadOnlyList<FollowerRow> followers,
        DateTime now)
    {
        var profilePosts = new List<ProfilePost>(posts.Count);
        var observations = new List<PostObservation>(posts.Count);
        foreach (var post in posts)
        {
            var (hashtags, mentions) = CaptionTags.Extract(post.Caption);
            profilePosts.Add(new ProfilePost(post.PostedAt, post.Type, post.Caption, hashtags, mentions, post.Likes, post.Comments));
            observations.Add(new PostObservation(post.PostedAt, post.Type, post.Likes, post.Comments, post.Shares, post.Saves, post.Views,
                post.Reach, SponsoredPost.IsSponsored(post.IsPaidPartnership, hashtags)));
        }
        var snapshotObservations = snapshots.Select(s => new SnapshotObservation(s.At, s.Followers)).ToList();
        var metrics = AccountMetricsCalculator.Compute(account.Followers, observations, snapshotObservations, now.Date.AddDays(1));
        double? Metric(string name) => metrics.First(m => m.Name == name).Value;
        var sample = followers.Select(f => new FollowerProfile(f.FollowerUsername, f.FullName, null, f.BioLength, f.Followers, f.Following,
            f.PostsCount, f.HasProfilePic, f.IsPrivate, f.HasExternalUrl)).ToList();
        return new SearchProfileInput(accountId, account.Platform, Catalogue.CatalogueNames.NormalizeHandle(account.Handle), account.DisplayName, account.Followers,
            TierScheme.Default.Classify(account.Followers), account.Country, account.Language, account.IsVerified, account.Email,
            account.Bio, account.Category, profilePosts, Metric(MetricDefinitions.ErByFollowers.Name),
            Metric(MetricDefinitions.SponsoredShare.Name), Metric(MetricDefinitions.FollowerGrowth30.Name), sample);
    }
}
