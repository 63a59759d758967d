namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Turns the fields of one record into a validated row of each kind, or null with the problem in
/// <see cref="RowFields.Problem"/>. The indexes are the positions in <see cref="ImportColumns"/>.
/// </summary>
internal static class ImportRowParser
{
    public static AccountRow? Account(RowFields f)
    {
        var row = new AccountRow(
            Platform: f.Platform(0),
            Handle: f.Handle(1),
            DisplayName: f.Text(2, 200),
            Followers: f.Count(3),
            Following: f.Count(4),
            PostsCount: f.Count(5),
            Country: f.Country(6),
            Language: f.Language(7),
            Bio: f.Text(8, trim: false),
            Email: f.Email(9),
            ExternalUrl: f.WebAddress(10, 2000),
            IsVerified: f.Boolean(11),
            IsPrivate: f.Boolean(12),
            HasProfilePic: f.Boolean(13),
            Category: f.Text(14, 64));
        return f.Failed ? null : row;
    }

    public static PostRow? Post(RowFields f)
    {
        var row = new PostRow(
            Platform: f.Platform(0),
            Handle: f.Handle(1),
            PostId: f.Identifier(2),
            PostedAt: f.RequiredTimestamp(3),
            Type: f.PostType(4),
            Caption: f.Text(5, trim: false),
            Likes: f.Count(6),
            Comments: f.Count(7),
            Shares: f.Count(8),
            Saves: f.Count(9),
            Views: f.Count(10),
            Reach: f.Count(11),
            Impressions: f.Count(12),
            IsPaidPartnership: f.Boolean(13));
        return f.Failed ? null : row;
    }

    public static SnapshotRow? Snapshot(RowFields f)
    {
        var row = new SnapshotRow(
            Platform: f.Platform(0),
            Handle: f.Handle(1),
            At: f.RequiredTimestamp(2),
            Followers: f.Count(3),
            Following: f.Count(4),
            PostsCount: f.Count(5));
        return f.Failed ? null : row;
    }

    public static FollowerRow? Follower(RowFields f)
    {
        var row = new FollowerRow(
            Platform: f.Platform(0),
            Handle: f.Handle(1),
            FollowerUsername: f.Handle(2),
            FullName: f.Text(3, 200),
            Followers: f.Count(4),
            Following: f.Count(5),
            PostsCount: f.Count(6),
            HasProfilePic: f.Boolean(7),
            IsPrivate: f.Boolean(8),
            BioLength: f.SmallCount(9),
            HasExternalUrl: f.Boolean(10));
        return f.Failed ? null : row;
    }

    public static CommentRow? Comment(RowFields f)
    {
        var row = new CommentRow(
            Platform: f.Platform(0),
            Handle: f.Handle(1),
            PostId: f.Identifier(2),
            CommentId: f.Identifier(3),
            Author: f.OptionalHandle(4),
            Text: f.Text(5, trim: false),
            PostedAt: f.Timestamp(6));
        return f.Failed ? null : row;
    }
}
