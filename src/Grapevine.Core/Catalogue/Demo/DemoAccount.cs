using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>One generated account with all its rows, and the truth behind them (never written to the catalogue).</summary>
public sealed record DemoAccount(
    AccountRow Account,
    IReadOnlyList<PostRow> Posts,
    IReadOnlyList<SnapshotRow> Snapshots,
    IReadOnlyList<FollowerRow> Followers,
    IReadOnlyList<CommentRow> Comments,
    DemoAccountTruth Truth)
{
    public int RowCount => 1 + Posts.Count + Snapshots.Count + Followers.Count + Comments.Count;
}
