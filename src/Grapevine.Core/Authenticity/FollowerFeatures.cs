namespace Grapevine.Core.Authenticity;

/// <summary>Turns a follower profile into the feature vector of a <see cref="FeatureSchema"/>; unknown values become <see cref="FeatureSchema.Missing"/>.</summary>
public static class FollowerFeatures
{
    public static float[] Compute(FollowerProfile profile, FeatureSchema schema)
    {
        var features = new float[schema.FeatureCount];
        Compute(profile, schema, features);
        return features;
    }

    public static void Compute(FollowerProfile profile, FeatureSchema schema, Span<float> features)
    {
        var i = 0;
        if (schema.Has(FollowerField.Username))
        {
            if (profile.Username is { } username)
                UsernameFeatures.WriteAll(username, features.Slice(i, 7));
            else
                features.Slice(i, 7).Fill(FeatureSchema.Missing);
            i += 7;
        }
        if (schema.Has(FollowerField.FullName))
            features[i++] = profile.FullName is null ? FeatureSchema.Missing : UsernameFeatures.Words(profile.FullName);
        if (schema.Has(FollowerField.BioLength))
            features[i++] = BioLength(profile) ?? FeatureSchema.Missing;
        var followers = LogCount(profile.Followers);
        var following = LogCount(profile.Following);
        var posts = LogCount(profile.Posts);
        if (schema.Has(FollowerField.Followers))
            features[i++] = followers;
        if (schema.Has(FollowerField.Following))
            features[i++] = following;
        if (schema.Has(FollowerField.Posts))
            features[i++] = posts;
        if (schema.Has(FollowerField.Followers) && schema.Has(FollowerField.Following))
            features[i++] = LogRatio(followers, following);
        if (schema.Has(FollowerField.Posts) && schema.Has(FollowerField.Followers))
            features[i++] = LogRatio(posts, followers);
        if (schema.Has(FollowerField.Posts) && schema.Has(FollowerField.Following))
            features[i++] = LogRatio(posts, following);
        if (schema.Has(FollowerField.HasProfilePic))
            features[i++] = Flag(profile.HasProfilePic);
        if (schema.Has(FollowerField.IsPrivate))
            features[i++] = Flag(profile.IsPrivate);
        if (schema.Has(FollowerField.HasExternalUrl))
            features[i++] = Flag(profile.HasExternalUrl);
        for (var e = 0; e < schema.Extras.Count; e++)
        {
            var extra = profile.Extra is { } values && e < values.Count ? values[e] : null;
            features[i++] = extra is { } v && float.IsFinite(v) ? v : FeatureSchema.Missing;
        }
    }

    /// <summary>The bio length as given, or counted from the bio text; null when neither is known.</summary>
    public static int? BioLength(FollowerProfile profile) => profile.BioLength ?? profile.Bio?.Length;

    /// <summary>ln(1 + count): counts span six orders of magnitude.</summary>
    public static float LogCount(long? count) => count is { } c ? (float)Math.Log(1 + Math.Max(0, c)) : FeatureSchema.Missing;

    /// <summary>ln((1 + a) / (1 + b)) from the two log counts; missing when either is.</summary>
    public static float LogRatio(float logA, float logB) =>
        logA == FeatureSchema.Missing || logB == FeatureSchema.Missing ? FeatureSchema.Missing : logA - logB;

    public static float Flag(bool? value) => value switch
    {
        true => 1f,
        false => 0f,
        null => FeatureSchema.Missing,
    };
}
