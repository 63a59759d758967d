namespace Grapevine.Core.Catalogue.Import;

internal enum ColumnType
{
    Bigint,
    Integer,
    Text,
    Timestamp,
    Boolean,
}

/// <summary>How an upsert treats a column: part of the key, always overwritten, or kept when the new value is empty.</summary>
internal enum ColumnMode
{
    Key,
    Overwrite,
    KeepWhenEmpty,
}

internal sealed record TableColumn(string Name, ColumnType Type, ColumnMode Mode);

/// <summary>Receives the values of one row, in the order of the table's columns.</summary>
internal interface IValueSink
{
    void Add(long? value);
    void Add(int? value);
    void Add(string? value);
    void Add(DateTime? value);
    void Add(bool? value);
}

/// <summary>
/// A catalogue table keyed by (account_id, …) that imports upsert into: its columns and how a
/// validated row fills them. Both providers' writers generate their SQL from it.
/// </summary>
internal sealed class KeyedTable<TRow>(
    string name,
    IReadOnlyList<TableColumn> columns,
    Func<TRow, AccountKey> account,
    Action<TRow, long, IValueSink> write)
{
    public string Name => name;
    public IReadOnlyList<TableColumn> Columns => columns;
    public AccountKey AccountOf(TRow row) => account(row);
    public void Write(TRow row, long accountId, IValueSink sink) => write(row, accountId, sink);
    public IEnumerable<TableColumn> Keys => columns.Where(c => c.Mode == ColumnMode.Key);
}

/// <summary>The tables an import writes, and how each row kind maps onto them.</summary>
internal static class CatalogueTables
{
    private const ColumnMode Keep = ColumnMode.KeepWhenEmpty;

    public static readonly KeyedTable<PostRow> Posts = new(
        "posts",
        [
            new("account_id", ColumnType.Bigint, ColumnMode.Key),
            new("external_id", ColumnType.Text, ColumnMode.Key),
            new("posted_at", ColumnType.Timestamp, ColumnMode.Overwrite),
            new("type", ColumnType.Text, ColumnMode.Overwrite),
            new("caption", ColumnType.Text, Keep),
            new("hashtags", ColumnType.Text, Keep),
            new("mentions", ColumnType.Text, Keep),
            new("likes", ColumnType.Bigint, Keep),
            new("comments", ColumnType.Bigint, Keep),
            new("shares", ColumnType.Bigint, Keep),
            new("saves", ColumnType.Bigint, Keep),
            new("views", ColumnType.Bigint, Keep),
            new("reach", ColumnType.Bigint, Keep),
            new("impressions", ColumnType.Bigint, Keep),
            new("is_paid_partnership", ColumnType.Boolean, Keep),
        ],
        r => new(r.Platform, r.Handle),
        (r, accountId, s) =>
        {
            var (hashtags, mentions) = CaptionTags.Extract(r.Caption);
            s.Add(accountId);
            s.Add(r.PostId);
            s.Add(r.PostedAt);
            s.Add(r.Type.Name());
            s.Add(r.Caption);
            s.Add(hashtags);
            s.Add(mentions);
            s.Add(r.Likes);
            s.Add(r.Comments);
            s.Add(r.Shares);
            s.Add(r.Saves);
            s.Add(r.Views);
            s.Add(r.Reach);
            s.Add(r.Impressions);
            s.Add(r.IsPaidPartnership);
        });

    public static readonly KeyedTable<SnapshotRow> Snapshots = new(
        "account_snapshots",
        [
            new("account_id", ColumnType.Bigint, ColumnMode.Key),
            new("at", ColumnType.Timestamp, ColumnMode.Key),
            new("followers", ColumnType.Bigint, Keep),
            new("following", ColumnType.Bigint, Keep),
            new("posts_count", ColumnType.Bigint, Keep),
        ],
        r => new(r.Platform, r.Handle),
        (r, accountId, s) =>
        {
            s.Add(accountId);
            s.Add(r.At);
            s.Add(r.Followers);
            s.Add(r.Following);
            s.Add(r.PostsCount);
        });

    public static readonly KeyedTable<FollowerRow> Followers = new(
        "follower_samples",
        [
            new("account_id", ColumnType.Bigint, ColumnMode.Key),
            new("follower_username", ColumnType.Text, ColumnMode.Key),
            new("full_name", ColumnType.Text, Keep),
            new("followers", ColumnType.Bigint, Keep),
            new("following", ColumnType.Bigint, Keep),
            new("posts_count", ColumnType.Bigint, Keep),
            new("has_profile_pic", ColumnType.Boolean, Keep),
            new("is_private", ColumnType.Boolean, Keep),
            new("bio_length", ColumnType.Integer, Keep),
            new("has_external_url", ColumnType.Boolean, Keep),
        ],
        r => new(r.Platform, r.Handle),
        (r, accountId, s) =>
        {
            s.Add(accountId);
            s.Add(r.FollowerUsername);
            s.Add(r.FullName);
            s.Add(r.Followers);
            s.Add(r.Following);
            s.Add(r.PostsCount);
            s.Add(r.HasProfilePic);
            s.Add(r.IsPrivate);
            s.Add(r.BioLength);
            s.Add(r.HasExternalUrl);
        });

    public static readonly KeyedTable<CommentRow> Comments = new(
        "comment_samples",
        [
            new("account_id", ColumnType.Bigint, ColumnMode.Key),
            new("comment_id", ColumnType.Text, ColumnMode.Key),
            new("post_external_id", ColumnType.Text, ColumnMode.Overwrite),
            new("author", ColumnType.Text, Keep),
            new("text", ColumnType.Text, Keep),
            new("posted_at", ColumnType.Timestamp, Keep),
        ],
        r => new(r.Platform, r.Handle),
        (r, accountId, s) =>
        {
            s.Add(accountId);
            s.Add(r.CommentId);
            s.Add(r.PostId);
            s.Add(r.Author);
            s.Add(r.Text);
            s.Add(r.PostedAt);
        });

    /// <summary>The account columns an import sets (after platform and handle); all keep their value when empty.</summary>
    public static readonly IReadOnlyList<TableColumn> AccountValues =
    [
        new("display_name", ColumnType.Text, Keep),
        new("followers", ColumnType.Bigint, Keep),
        new("following", ColumnType.Bigint, Keep),
        new("posts_count", ColumnType.Bigint, Keep),
        new("country", ColumnType.Text, Keep),
        new("language", ColumnType.Text, Keep),
        new("bio", ColumnType.Text, Keep),
        new("email", ColumnType.Text, Keep),
        new("external_url", ColumnType.Text, Keep),
        new("is_verified", ColumnType.Boolean, Keep),
        new("is_private", ColumnType.Boolean, Keep),
        new("has_profile_pic", ColumnType.Boolean, Keep),
        new("category", ColumnType.Text, Keep),
    ];

    public static void WriteAccountValues(AccountRow r, IValueSink s)
    {
        s.Add(r.DisplayName);
        s.Add(r.Followers);
        s.Add(r.Following);
        s.Add(r.PostsCount);
        s.Add(r.Country);
        s.Add(r.Language);
        s.Add(r.Bio);
        s.Add(r.Email);
        s.Add(r.ExternalUrl);
        s.Add(r.IsVerified);
        s.Add(r.IsPrivate);
        s.Add(r.HasProfilePic);
        s.Add(r.Category);
    }
}
