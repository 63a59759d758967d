using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

public class FollowerFeaturesTests
{
    private static readonly FeatureSchema Everything = new(Enum.GetValues<FollowerField>(), ["nums/length username"]);
    private const float Missing = FeatureSchema.Missing;

    private static Dictionary<string, float> Named(FollowerProfile profile, FeatureSchema schema)
    {
        var features = FollowerFeatures.Compute(profile, schema);
        return schema.FeatureNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => features[x.i]);
    }

    [Fact]
    public void A_full_profile_gives_every_feature()
    {
        var f = Named(new FollowerProfile("anna99", "Anna Muster", "Baker in Zürich", null, 99, 9, 0, true, false, true, [0.33f]), Everything);

        Assert.Equal(6, f["username_length"]);
        Assert.Equal(2, f["username_digits"]);
        Assert.Equal(2, f["username_trailing_digits"]);
        Assert.Equal(2f / 6, f["username_non_letter_share"], 5);
        Assert.Equal(2, f["full_name_words"]);
        Assert.Equal(15, f["bio_length"]);
        Assert.Equal(MathF.Log(100), f["log_followers"], 5);
        Assert.Equal(MathF.Log(10), f["log_following"], 5);
        Assert.Equal(0, f["log_posts"]);
        Assert.Equal(MathF.Log(10), f["log_followers_per_following"], 5);
        Assert.Equal(-MathF.Log(100), f["log_posts_per_follower"], 5);
        Assert.Equal(-MathF.Log(10), f["log_posts_per_following"], 5);
        Assert.Equal(1, f["has_profile_pic"]);
        Assert.Equal(0, f["is_private"]);
        Assert.Equal(1, f["has_external_url"]);
        Assert.Equal(0.33f, f["extra:nums/length username"]);
    }

    [Fact]
    public void Unknown_values_are_missing_not_zero()
    {
        var f = Named(new FollowerProfile(Followers: 0), Everything);

        Assert.Equal(0, f["log_followers"]);
        Assert.All(f.Where(kv => kv.Key != "log_followers"), kv => Assert.Equal(Missing, kv.Value));
    }

    [Fact]
    public void A_ratio_is_missing_when_either_count_is()
    {
        var f = Named(new FollowerProfile(Followers: 500, Following: null, Posts: 3), Everything);

        Assert.Equal(Missing, f["log_followers_per_following"]);
        Assert.Equal(Missing, f["log_posts_per_following"]);
        Assert.Equal(MathF.Log(4) - MathF.Log(501), f["log_posts_per_follower"], 5);
    }

    [Fact]
    public void The_bio_length_wins_over_the_bio_text()
    {
        Assert.Equal(40, FollowerFeatures.BioLength(new FollowerProfile(Bio: "short", BioLength: 40)));
        Assert.Equal(5, FollowerFeatures.BioLength(new FollowerProfile(Bio: "short")));
        Assert.Equal(0, FollowerFeatures.BioLength(new FollowerProfile(Bio: "")));
        Assert.Null(FollowerFeatures.BioLength(new FollowerProfile()));
    }

    [Fact]
    public void Fields_outside_the_schema_are_not_computed()
    {
        var schema = new FeatureSchema([FollowerField.Followers, FollowerField.HasProfilePic], []);

        Assert.Equal(["log_followers", "has_profile_pic"], schema.FeatureNames);
        var features = FollowerFeatures.Compute(new FollowerProfile("bot123", Followers: 9, HasProfilePic: false, IsPrivate: true), schema);
        Assert.Equal([MathF.Log(10), 0f], features);
    }

    [Fact]
    public void Extras_are_used_as_given_and_missing_when_absent_or_not_finite()
    {
        var schema = new FeatureSchema([], ["a", "b", "c"]);

        Assert.Equal([-2.5f, Missing, Missing], FollowerFeatures.Compute(new FollowerProfile(Extra: [-2.5f, null]), schema));
        Assert.Equal([Missing, Missing, Missing], FollowerFeatures.Compute(new FollowerProfile(Extra: [float.NaN, float.PositiveInfinity, null]), schema));
    }

    [Theory]
    [InlineData(null, Missing)]
    [InlineData(0L, 0f)]
    [InlineData(-5L, 0f)]
    [InlineData(1_000_000L, 13.815512f)]
    public void Counts_are_log_scaled(long? count, float expected) => Assert.Equal(expected, FollowerFeatures.LogCount(count), 4);
}
