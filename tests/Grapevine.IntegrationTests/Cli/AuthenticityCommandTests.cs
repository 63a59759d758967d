using System.Globalization;
using System.Text;
using System.Text.Json;
using Grapevine.Cli;
using Grapevine.Core.Authenticity;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Cli;

[Collection(nameof(ConsoleOutput))]
public sealed class AuthenticityCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("grapevine-auth-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Profiles shaped like the Kaggle "fake spammer genuine" file: bots follow many, post little, have digits.</summary>
    private static List<(bool Fake, int Pic, double Digits, int Words, int Desc, int Url, int Private, int Posts, int Followers, int Follows)> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var fake = i % 4 == 0;
            return (fake, fake ? random.Next(4) / 3 : 1, fake ? 0.3 + random.NextDouble() * 0.4 : random.NextDouble() * 0.2, fake ? random.Next(2) : 1 + random.Next(3),
                fake ? random.Next(10) : random.Next(150), fake ? 0 : random.Next(4) / 3, random.Next(2), fake ? random.Next(5) : 5 + random.Next(300),
                fake ? random.Next(60) : 50 + random.Next(3000), fake ? 500 + random.Next(5000) : 50 + random.Next(800));
        })];
    }

    private string KaggleCsv(int count = 240, int seed = 1)
    {
        var csv = new StringBuilder("\"profile pic\",\"nums/length username\",\"fullname words\",\"description length\",\"external URL\",\"private\",\"#posts\",\"#followers\",\"#follows\",\"fake\"\n");
        foreach (var r in Rows(count, seed))
            csv.Append(CultureInfo.InvariantCulture, $"{r.Pic},{r.Digits:0.00},{r.Words},{r.Desc},{r.Url},{r.Private},{r.Posts},{r.Followers},{r.Follows},{(r.Fake ? 1 : 0)}\n");
        return File($"kaggle-{seed}.csv", csv.ToString());
    }

    private static string[] KaggleMaps =>
    [
        "--label", "fake", "--map", "has_profile_pic=profile pic", "--map", "bio_length=description length", "--map", "has_external_url=external URL",
        "--map", "is_private=private", "--map", "posts=#posts", "--map", "followers=#followers", "--map", "following=#follows",
        "--extra", "nums/length username,fullname words",
    ];

    private static JsonElement Json(string output) => JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

    [Fact]
    public async Task Cross_validation_on_a_csv_with_quoted_headers_prints_the_json_contract()
    {
        var run = await CliHarness.RunAsync(["authenticity", "evaluate", "--data", KaggleCsv(), .. KaggleMaps, "--folds", "5", "--json"]);

        Assert.Equal(ExitCodes.Success, run.Exit);
        var json = Json(run.Out);
        Assert.Equal(["rows", "positives", "folds", "accuracy", "precision", "recall", "f1", "mcc", "auc", "threshold"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(240, json.GetProperty("rows").GetInt32());
        Assert.Equal(60, json.GetProperty("positives").GetInt32());
        Assert.Equal(5, json.GetProperty("folds").GetInt32());
        Assert.True(json.GetProperty("auc").GetDouble() > 0.95, run.Out);
        Assert.True(json.GetProperty("accuracy").GetDouble() > 0.9, run.Out);
    }

    [Fact]
    public async Task A_model_trained_on_one_file_scores_another_and_needs_its_columns()
    {
        var model = Path.Combine(_folder.FullName, "kaggle.zip");
        var train = await CliHarness.RunAsync(["authenticity", "train", "--data", KaggleCsv(seed: 1), .. KaggleMaps, "--seed", "3", "--out", model]);
        Assert.Equal(ExitCodes.Success, train.Exit);
        Assert.Contains("extra:nums/length username", train.Out);

        var evaluate = await CliHarness.RunAsync(["authenticity", "evaluate", "--model", model, "--data", KaggleCsv(seed: 2), .. KaggleMaps, "--json"]);
        Assert.Equal(ExitCodes.Success, evaluate.Exit);
        var json = Json(evaluate.Out);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("folds").ValueKind);
        Assert.True(json.GetProperty("auc").GetDouble() > 0.95, evaluate.Out);

        var renamed = File("renamed.csv", System.IO.File.ReadAllText(KaggleCsv(seed: 2)).Replace("\"fullname words\"", "\"words\""));
        var withoutExtra = await CliHarness.RunAsync(["authenticity", "evaluate", "--model", model, "--data", renamed, .. KaggleMaps[..^2]]);
        Assert.Equal(ExitCodes.InputRejected, withoutExtra.Exit);
        Assert.Contains("the model needs the extra column 'fullname words'", withoutExtra.Error);
        Assert.DoesNotContain("   at ", withoutExtra.Error);
    }

    [Fact]
    public async Task Train_json_writes_text_as_it_is_like_every_command()
    {
        var model = Path.Combine(_folder.FullName, "modèle d'essai.zip");

        var run = await CliHarness.RunAsync(["authenticity", "train", "--data", KaggleCsv(seed: 1), .. KaggleMaps, "--out", model, "--json"]);

        Assert.True(run.Exit == ExitCodes.Success, run.Error);
        // Before: "mod\u00E8le d\u0027essai.zip", unlike search, vet, plan and the others.
        Assert.Contains("modèle d'essai.zip", run.Out);
        Assert.DoesNotContain("\\u00", run.Out);
        var json = Json(run.Out);
        Assert.Equal(["rows", "positives", "threshold", "features", "description", "model"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(model, json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Json_array_with_instafake_columns()
    {
        var items = Rows(200, 4).Select(r => new Dictionary<string, object>
        {
            ["user_media_count"] = r.Posts,
            ["user_follower_count"] = r.Followers.ToString(CultureInfo.InvariantCulture),
            ["user_following_count"] = r.Follows,
            ["user_has_profil_pic"] = r.Pic,
            ["user_is_private"] = r.Private == 1,
            ["user_biography_length"] = r.Desc,
            ["username_length"] = 10,
            ["username_digit_count"] = (int)(r.Digits * 10),
            ["is_fake"] = r.Fake ? 1 : 0,
        });
        var path = File("instafake.json", JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true }));

        var run = await CliHarness.RunAsync("authenticity", "evaluate", "--data", path, "--label", "is_fake",
            "--map", "posts=user_media_count", "--map", "followers=user_follower_count", "--map", "following=user_following_count",
            "--map", "has_profile_pic=user_has_profil_pic", "--map", "is_private=user_is_private", "--map", "bio_length=user_biography_length",
            "--extra", "username_length,username_digit_count", "--folds", "4", "--json");

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Equal(50, Json(run.Out).GetProperty("positives").GetInt32());
        Assert.True(Json(run.Out).GetProperty("auc").GetDouble() > 0.95, run.Out);
    }

    [Fact]
    public async Task Json_lines_with_positive_classes_and_fields_found_by_name()
    {
        var lines = Rows(160, 5).Select((r, i) => JsonSerializer.Serialize(new
        {
            username = r.Fake ? $"user{i * 7919 % 100000}" : $"anna.m{(char)('a' + i % 26)}",
            followers = r.Followers,
            following = r.Follows,
            posts = r.Posts,
            kind = r.Fake ? (i % 3 == 0 ? "s" : "a") : "r",
        }));
        var path = File("profiles.jsonl", string.Join("\n", lines) + "\n");

        var run = await CliHarness.RunAsync("authenticity", "evaluate", "--data", path, "--label", "kind", "--positive", "a,i,s", "--folds", "4");

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("4-fold stratified cross-validation: 160 profiles, 40 fake", run.Out);
    }

    [Theory]
    [InlineData("followers,fake\n1,0\n2,0\n", "--label|fake", "the label holds one class only (2 real, 0 fake)")]
    [InlineData("followers,fake\n1,0\n2,1\n", "--label|rating", "label column 'rating' (--label) is not in the data")]
    [InlineData("followers,fake\n1,0\n2,1\n", "--label|fake|--map|following=#follows", "column '#follows' (--map following=#follows) is not in the data")]
    [InlineData("followers,fake\n1,0\nlots,1\n", "--label|fake", "line 3: column 'followers' (followers) must be a count (a number ≥ 0), not 'lots'")]
    [InlineData("followers,score,fake\n1,0.5,0\n2,high,1\n", "--label|fake|--extra|score", "line 3: column 'score' (extra) must be a number, not 'high'")]
    [InlineData("followers,fake\n1,0\n2,1\n", "--label|fake|--extra|score", "extra column 'score' (--extra) is not in the data")]
    public async Task Bad_data_exits_1_with_a_clear_message(string csv, string options, string message)
    {
        var path = File("bad.csv", csv);

        var run = await CliHarness.RunAsync(["authenticity", "train", "--data", path, .. options.Split('|'), "--out", Path.Combine(_folder.FullName, "m.zip")]);

        Assert.Equal(ExitCodes.InputRejected, run.Exit);
        Assert.Contains(message, run.Error);
        Assert.StartsWith($"error: {path}: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("train", "", "the file is empty (0 bytes); it needs a header row and labelled profiles")]
    [InlineData("evaluate", "", "the file is empty (0 bytes); it needs a header row and labelled profiles")]
    [InlineData("evaluate", "\n\n", "the file holds only blank lines; it needs a header row and labelled profiles")]
    [InlineData("train", "fake,\"followers\n1,0\n0,5\n", "line 1: the header has a quote that is never closed (\"followers…): close it or remove it")]
    [InlineData("evaluate", "\"fake,followers\n1,0\n0,5\n", "line 1: the header has a quote that is never closed (\"fake,followers…): close it or remove it")]
    public async Task An_empty_file_or_an_unclosed_quote_in_the_header_is_named(string command, string csv, string message)
    {
        var path = File("broken.csv", csv);
        string[] output = command == "train" ? ["--out", Path.Combine(_folder.FullName, "m.zip")] : [];

        var run = await CliHarness.RunAsync(["authenticity", command, "--data", path, "--label", "fake", .. output]);

        Assert.Equal(ExitCodes.InputRejected, run.Exit);
        Assert.Equal($"error: {path}: {message}", run.Error.Trim());
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_model_file_that_is_not_a_model_is_named_in_the_error()
    {
        var notAModel = File("model.zip", "hello");

        var run = await CliHarness.RunAsync("authenticity", "evaluate", "--model", notAModel, "--data", KaggleCsv(), "--label", "fake");

        Assert.Equal(ExitCodes.InputRejected, run.Exit);
        Assert.StartsWith($"error: {notAModel}: not an authenticity model file", run.Error);
    }

    [Fact]
    public async Task An_unknown_field_is_a_usage_error()
    {
        var run = await CliHarness.RunAsync("authenticity", "evaluate", "--data", KaggleCsv(), "--label", "fake", "--map", "likes=#posts");

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Contains("unknown field 'likes'", run.Error);
    }

    [Theory]
    [InlineData("1", "--folds must be between 2 and 100, not 1")]
    [InlineData("-3", "--folds must be between 2 and 100, not -3")]
    [InlineData("abc", "--folds: 'abc' is not a whole number")]
    public async Task Bad_folds_are_a_usage_error_in_plain_words(string folds, string message)
    {
        var run = await CliHarness.RunAsync("authenticity", "evaluate", "--data", KaggleCsv(), "--label", "fake", "--folds", folds);

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Fact]
    public async Task The_documented_train_command_reproduces_the_shipped_model()
    {
        var data = Path.Combine(RepositoryRoot(), "data", "srf-instagram-followers", "labelled_1000_inclprivate.csv");
        var path = Path.Combine(_folder.FullName, "default.zip");

        var run = await CliHarness.RunAsync("authenticity", "train", "--data", data, "--label", "rating",
            "--map", "username=Username", "--map", "posts=Number.of.posts", "--map", "following=Number.of.people.they.follow",
            "--map", "followers=Number.of.followers", "--map", "has_profile_pic=has_profile_picture", "--map", "is_private=Private.account",
            "--seed", "42", "--out", path);

        Assert.Equal(ExitCodes.Success, run.Exit);
        AuthenticityModel retrained;
        using (var stream = System.IO.File.OpenRead(path))
            retrained = AuthenticityModel.Load(stream);
        var shipped = AuthenticityModel.LoadDefault();
        var table = RecordTable.Read(data);
        var columns = new ColumnOptions("rating", [], [
            new("username", "Username"), new("posts", "Number.of.posts"), new("following", "Number.of.people.they.follow"),
            new("followers", "Number.of.followers"), new("has_profile_pic", "has_profile_picture"), new("is_private", "Private.account"),
        ], []);
        var profiles = LabelledProfiles.From(table, columns, shipped.Schema).Profiles;
        var expected = new float[profiles.Count];
        var actual = new float[profiles.Count];
        shipped.PredictFakeProbabilities(profiles, expected);
        retrained.PredictFakeProbabilities(profiles, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(shipped.Threshold, retrained.Threshold);
        Assert.Equal(shipped.Description, retrained.Description);
    }

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder, "Grapevine.slnx")))
            folder = Path.GetDirectoryName(folder);
        return folder ?? throw new InvalidOperationException("not inside the repository");
    }
}
