namespace Grapevine.Core.Catalogue.Import;

/// <summary>The columns of each import kind (DESIGN.md, "Import columns"), in their documented order.</summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<string> Accounts =
    [
        "platform", "handle", "display_name", "followers", "following", "posts_count", "country", "language", "bio",
        "email", "external_url", "is_verified", "is_private", "has_profile_pic", "category",
    ];

    public static readonly IReadOnlyList<string> Posts =
    [
        "platform", "handle", "post_id", "posted_at", "type", "caption", "likes", "comments", "shares", "saves", "views",
        "reach", "impressions", "is_paid_partnership",
    ];

    public static readonly IReadOnlyList<string> Snapshots = ["platform", "handle", "at", "followers", "following", "posts_count"];

    public static readonly IReadOnlyList<string> Followers =
    [
        "platform", "handle", "follower_username", "full_name", "followers", "following", "posts_count", "has_profile_pic",
        "is_private", "bio_length", "has_external_url",
    ];

    public static readonly IReadOnlyList<string> Comments = ["platform", "handle", "post_id", "comment_id", "author", "text", "posted_at"];

    /// <summary>
    /// Columns that <c>&lt;file&gt;.rejected.csv</c> adds after the original ones. They are ignored on import, so a
    /// rejected file can be fixed and imported as it is.
    /// </summary>
    public static readonly IReadOnlyList<string> RejectionColumns = ["line", "field", "error"];

    public static IReadOnlyList<string> For(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => Accounts,
        ImportKind.Posts => Posts,
        ImportKind.Snapshots => Snapshots,
        ImportKind.Followers => Followers,
        ImportKind.Comments => Comments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The columns a file of this kind must have: the account and the row's own key (and a post's date and type).</summary>
    public static IReadOnlyList<string> Required(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => ["platform", "handle"],
        ImportKind.Posts => ["platform", "handle", "post_id", "posted_at", "type"],
        ImportKind.Snapshots => ["platform", "handle", "at"],
        ImportKind.Followers => ["platform", "handle", "follower_username"],
        ImportKind.Comments => ["platform", "handle", "post_id", "comment_id"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Name(this ImportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The kind, other than <paramref name="kind"/>, whose columns hold every one of <paramref name="names"/> (the rejection
    /// columns aside) and which has all the columns it requires among them: the kind a file with these columns was meant as.
    /// Null when <paramref name="kind"/> itself could hold them, or no kind fits.
    /// </summary>
    public static ImportKind? MeantKind(ImportKind kind, IReadOnlyCollection<string> names)
    {
        var given = names.Where(n => !RejectionColumns.Contains(n, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Fits(ImportKind k) => given.IsSubsetOf(For(k).ToHashSet(StringComparer.OrdinalIgnoreCase)) && Required(k).All(given.Contains);
        return Fits(kind) ? null : Enum.GetValues<ImportKind>().Where(k => k != kind).Cast<ImportKind?>().FirstOrDefault(k => Fits(k!.Value));
    }

    /// <summary>"an accounts file", "a posts file".</summary>
    public static string FileName(this ImportKind kind) => $"{(kind == ImportKind.Accounts ? "an" : "a")} {kind.Name()} file";

    public static bool TryParseKind(string? text, out ImportKind kind)
    {
        foreach (var candidate in Enum.GetValues<ImportKind>())
        {
            if (string.Equals(text?.Trim(), candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string KindNames => string.Join("|", Enum.GetValues<ImportKind>().Select(k => k.Name()));
}
