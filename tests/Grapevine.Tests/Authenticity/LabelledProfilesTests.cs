using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

public class LabelledProfilesTests
{
    private static LabelledProfiles Read(string extension, string content, ColumnOptions options, FeatureSchema? required = null)
    {
        var path = TestFiles.Write(extension, content);
        try
        {
            return LabelledProfiles.From(RecordTable.Read(path), options, required);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ColumnOptions Label(string label, params (string Field, string Column)[] map) =>
        new(label, [], [.. map.Select(m => new KeyValuePair<string, string>(m.Field, m.Column))], []);

    [Fact]
    public void Csv_with_quoted_headers_spaces_and_symbols()
    {
        var csv = "\"profile pic\",\"#followers\",\"name==username\",\"fake\"\n1,\"1,200\",0,0\n0,3,1,1\n";
        var options = Label("fake", ("has_profile_pic", "profile pic")) with { Extras = ["name==username"] };

        var error = Assert.Throws<AuthenticityDataException>(() => Read(".csv", csv, options with { Map = [new("followers", "#followers")] }));
        Assert.Equal("line 2: column '#followers' (followers) must be a count (a number ≥ 0), not '1,200'", error.Message);

        var data = Read(".csv", csv.Replace("\"1,200\"", "1200"), options with { Map = [.. options.Map, new("followers", "#followers")] });
        Assert.Equal([false, true], data.IsFake);
        Assert.Equal(true, data.Profiles[0].HasProfilePic);
        Assert.Equal(0f, data.Profiles[0].Extra![0]);
        Assert.Equal(1200, data.Profiles[0].Followers);
        Assert.Equal(false, data.Profiles[1].HasProfilePic);
        Assert.Equal(1f, data.Profiles[1].Extra![0]);
        Assert.Equal([FollowerField.Followers, FollowerField.HasProfilePic], data.Schema.Fields);
        Assert.Equal([2L, 3L], data.Lines);
    }

    [Fact]
    public void Json_array_numbers_strings_booleans_and_nulls()
    {
        var json = """
            [
              {"user_follower_count": 120, "user_has_profil_pic": true, "user_is_private": "no", "username_digit_count": 2, "is_fake": 0},
              {"user_follower_count": "7", "user_has_profil_pic": 0, "user_is_private": null, "username_digit_count": null,
               "is_fake": true}
            ]
            """;
        var options = Label("is_fake", ("followers", "user_follower_count"), ("has_profile_pic", "user_has_profil_pic"), ("is_private", "user_is_private"))
            with
        { Extras = ["username_digit_count"] };

        var data = Read(".json", json, options);

        Assert.Equal([false, true], data.IsFake);
        Assert.Equal([2L, 3L], data.Lines);
        Assert.Equal((120L, true, false, 2f), (data.Profiles[0].Followers!.Value, data.Profiles[0].HasProfilePic!.Value, data.Profiles[0].IsPrivate!.Value, data.Profiles[0].Extra![0]!.Value));
        Assert.Equal(7, data.Profiles[1].Followers);
        Assert.Equal(false, data.Profiles[1].HasProfilePic);
        Assert.Null(data.Profiles[1].IsPrivate);
        Assert.Null(data.Profiles[1].Extra![0]);
    }

    [Fact]
    public void Json_array_errors_name_the_line_of_the_object()
    {
        var json = "[\n  {\"followers\": 1, \"fake\": 1},\n  {\"followers\": 2, \"fake\": 0},\n  {\"followers\": \"many\", \"fake\": 0}\n]";

        var error = Assert.Throws<AuthenticityDataException>(() => Read(".json", json, Label("fake")));

        Assert.Equal("line 4: column 'followers' (followers) must be a count (a number ≥ 0), not 'many'", error.Message);
    }

    [Fact]
    public void Json_lines_skip_blank_lines_and_keep_line_numbers()
    {
        var jsonl = "{\"username\":\"@anna\",\"full_name\":\"\",\"bio\":\"hi\",\"label\":\"a\"}\n\n{\"username\":\"bot99\",\"label\":\"s\"}\n";

        var data = Read(".jsonl", jsonl, new ColumnOptions("label", ["a", "i", "s"], [], []));

        Assert.Equal([1L, 3L], data.Lines);
        Assert.Equal([true, true], data.IsFake);
        Assert.Equal("anna", data.Profiles[0].Username);
        Assert.Equal("", data.Profiles[0].FullName);
        Assert.Equal(2, FollowerFeatures.BioLength(data.Profiles[0]));
        Assert.Null(data.Profiles[1].FullName);
        Assert.Equal([FollowerField.Username, FollowerField.FullName, FollowerField.BioLength], data.Schema.Fields);
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("Yes", true)]
    [InlineData("no", false)]
    public void Boolean_labels(string label, bool fake) =>
        Assert.Equal(fake, Read(".csv", $"followers,label\n5,{label}\n", Label("label")).IsFake[0]);

    [Fact]
    public void Positive_names_the_classes_that_mean_fake()
    {
        var data = Read(".csv", "followers,class\n1,r\n2,a\n3,i\n4,s\n", new ColumnOptions("class", ["a", "i", "s"], [], []));

        Assert.Equal([false, true, true, true], data.IsFake);
    }

    [Fact]
    public void Empty_numeric_cells_are_missing_and_empty_text_is_empty()
    {
        var data = Read(".csv", "username,full_name,external_url,followers,is_private,label\nanna,,,,,0\n", Label("label"));

        var profile = data.Profiles[0];
        Assert.Null(profile.Followers);
        Assert.Null(profile.IsPrivate);
        Assert.Equal("", profile.FullName);
        Assert.Equal(false, profile.HasExternalUrl);
    }

    [Theory]
    [InlineData("followers,fake\n1,0\n", "nope", "label column 'nope' (--label) is not in the data; its columns are: 'followers', 'fake'")]
    [InlineData("followers,fake\n1,0\n2,maybe\n", "fake", "line 3: label 'maybe' in column 'fake' is not TRUE/FALSE, 1/0 or yes/no; name the value(s) that mean fake with --positive")]
    [InlineData("followers,fake\n1,\n", "fake", "line 2: the label column 'fake' is empty")]
    [InlineData("followers,is_private,fake\n1,perhaps,0\n", "fake", "line 2: column 'is_private' (is_private) must be a boolean (true/false, 1/0, yes/no), not 'perhaps'")]
    [InlineData("followers,fake\n1,0,9\n", "fake", "line 2: has 3 fields but the header has 2")]
    public void Errors_name_the_line_and_column(string csv, string label, string message) =>
        Assert.Equal(message, Assert.Throws<AuthenticityDataException>(() => Read(".csv", csv, Label(label))).Message);

    [Fact]
    public void A_mapped_column_that_is_missing_is_an_error()
    {
        var error = Assert.Throws<AuthenticityDataException>(() => Read(".csv", "a,fake\n1,0\n", Label("fake", ("followers", "#followers"))));

        Assert.Equal("column '#followers' (--map followers=#followers) is not in the data; its columns are: 'a', 'fake'", error.Message);
    }

    [Fact]
    public void A_model_schema_requires_its_fields_and_extras()
    {
        var schema = new FeatureSchema([FollowerField.Followers, FollowerField.Posts], ["score"]);

        var noExtra = Assert.Throws<AuthenticityDataException>(() => Read(".csv", "followers,posts,fake\n1,2,0\n", Label("fake"), schema));
        Assert.Equal("the model needs the extra column 'score', which the data lacks; its columns are: 'followers', 'posts', 'fake'", noExtra.Message);
        var noField = Assert.Throws<AuthenticityDataException>(() => Read(".csv", "followers,score,fake\n1,2,0\n", Label("fake"), schema));
        Assert.StartsWith("the model uses posts, which the data does not provide (map it with --map posts=COLUMN)", noField.Message);

        var data = Read(".csv", "username,posts,followers,score,fake\nx,3,1,0.5,0\n", Label("fake"), schema);
        Assert.Same(schema, data.Schema);
        Assert.Null(data.Profiles[0].Username);
        Assert.Equal(0.5f, data.Profiles[0].Extra![0]);
    }
}
