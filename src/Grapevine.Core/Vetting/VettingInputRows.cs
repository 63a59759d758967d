using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>A vetting input from validated import rows (as the demo generator and import files give them), without a database.</summary>
public static class VettingInputRows
{
    public static VettingInput From(
        AccountRow account,
        IEnumerable<PostRow> posts,
        IEnumerable<SnapshotRow> snapshots,
        IEnumerable<FollowerRow> followers,
        IEnumerable<CommentRow> comments) =>
        new(
            account.Platform,
            Catalogue.CatalogueNames.NormalizeHandle(account.Handle),
            account.Followers,
            [.. posts.Select(p => new VettingPost(p.PostId, p.PostedAt, p.Type, p.Caption, CaptionTags.Extract(p.Caption).Hashtags,
                p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.IsPaidPartnership))],
            [.. snapshots.Select(s => new SnapshotObservation(s.At, s.Followers))],
            [.. followers.Select(f => new FollowerProfile(f.FollowerUsername, f.FullName, null, f.BioLength, f.Followers, f.Following,
                f.PostsCount, f.HasProfilePic, f.IsPrivate, f.HasExternalUrl, null))],
            [.. comments.Select(c => new VettingComment(c.PostId, c.Author, c.Text, c.PostedAt))]);
}
