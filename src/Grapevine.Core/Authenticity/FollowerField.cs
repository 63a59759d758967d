namespace Grapevine.Core.Authenticity;

/// <summary>
/// The profile fields a model can learn from. A field the training data did not provide is not in the model's
/// <see cref="FeatureSchema"/>, so the model never depends on it.
/// </summary>
public enum FollowerField
{
    Username,
    FullName,
    BioLength,
    Followers,
    Following,
    Posts,
    HasProfilePic,
    IsPrivate,
    HasExternalUrl,
}

/// <summary>The field names used on the command line and in model files.</summary>
public static class FollowerFields
{
    /// <summary>The names <c>--map FIELD=COL</c> accepts, and the field each one fills.</summary>
    public static readonly IReadOnlyDictionary<string, FollowerField> ByMapName = new Dictionary<string, FollowerField>(StringComparer.OrdinalIgnoreCase)
    {
        ["username"] = FollowerField.Username,
        ["full_name"] = FollowerField.FullName,
        ["bio"] = FollowerField.BioLength,
        ["bio_length"] = FollowerField.BioLength,
        ["followers"] = FollowerField.Followers,
        ["following"] = FollowerField.Following,
        ["posts"] = FollowerField.Posts,
        ["has_profile_pic"] = FollowerField.HasProfilePic,
        ["is_private"] = FollowerField.IsPrivate,
        ["has_external_url"] = FollowerField.HasExternalUrl,
        ["external_url"] = FollowerField.HasExternalUrl,
    };

    public static string MapNames => string.Join(", ", ByMapName.Keys);

    public static string Name(this FollowerField field) => field switch
    {
        FollowerField.Username => "username",
        FollowerField.FullName => "full_name",
        FollowerField.BioLength => "bio_length",
        FollowerField.Followers => "followers",
        FollowerField.Following => "following",
        FollowerField.Posts => "posts",
        FollowerField.HasProfilePic => "has_profile_pic",
        FollowerField.IsPrivate => "is_private",
        FollowerField.HasExternalUrl => "has_external_url",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static FollowerField Parse(string name)
    {
        foreach (var field in Enum.GetValues<FollowerField>())
        {
            if (field.Name() == name)
                return field;
        }
        throw new FormatException($"unknown field '{name}'");
    }
}
