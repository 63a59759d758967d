namespace Grapevine.Core.Authenticity;

/// <summary>
/// Which fields and extra columns a model was trained with, and so which features it computes, in order.
/// Features of fields the schema lacks are not computed at all.
/// </summary>
public sealed class FeatureSchema
{
    /// <summary>Missing values become this value: below any real feature, so a tree can split them off on their own.</summary>
    public const float Missing = -1e9f;

    public FeatureSchema(IEnumerable<FollowerField> fields, IReadOnlyList<string> extras)
    {
        Fields = [.. fields.Distinct().Order()];
        _has = new bool[Enum.GetValues<FollowerField>().Length];
        foreach (var field in Fields)
            _has[(int)field] = true;
        Extras = extras;
        FeatureNames = [.. BuildNames()];
    }

    public IReadOnlyList<FollowerField> Fields { get; }
    public IReadOnlyList<string> Extras { get; }
    public IReadOnlyList<string> FeatureNames { get; }
    public int FeatureCount => FeatureNames.Count;

    private readonly bool[] _has;

    public bool Has(FollowerField field) => _has[(int)field];

    private IEnumerable<string> BuildNames()
    {
        if (Has(FollowerField.Username))
        {
            yield return "username_length";
            yield return "username_digits";
            yield return "username_trailing_digits";
            yield return "username_non_letter_share";
            yield return "username_vowel_share";
            yield return "username_longest_consonant_run";
            yield return "username_separators";
        }
        if (Has(FollowerField.FullName))
            yield return "full_name_words";
        if (Has(FollowerField.BioLength))
            yield return "bio_length";
        if (Has(FollowerField.Followers))
            yield return "log_followers";
        if (Has(FollowerField.Following))
            yield return "log_following";
        if (Has(FollowerField.Posts))
            yield return "log_posts";
        if (Has(FollowerField.Followers) && Has(FollowerField.Following))
            yield return "log_followers_per_following";
        if (Has(FollowerField.Posts) && Has(FollowerField.Followers))
            yield return "log_posts_per_follower";
        if (Has(FollowerField.Posts) && Has(FollowerField.Following))
            yield return "log_posts_per_following";
        if (Has(FollowerField.HasProfilePic))
            yield return "has_profile_pic";
        if (Has(FollowerField.IsPrivate))
            yield return "is_private";
        if (Has(FollowerField.HasExternalUrl))
            yield return "has_external_url";
        foreach (var extra in Extras)
            yield return $"extra:{extra}";
    }
}
