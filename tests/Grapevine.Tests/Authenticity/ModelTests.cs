using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

public class ModelTests
{
    private static float[][] Features(LabelledProfiles data) => [.. data.Profiles.Select(p => FollowerFeatures.Compute(p, data.Schema))];

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    public void The_fast_path_agrees_with_the_ml_net_transform(TrainerKind trainer)
    {
        var data = SrfData.Load();
        var features = Features(data);
        // Some unknown values too, so the missing-value encoding goes through both paths.
        features[0] = [.. Enumerable.Repeat(FeatureSchema.Missing, features[0].Length)];
        features[1][7] = FeatureSchema.Missing;
        var transformer = MlNetTreeTrainer.FitTransformer(features, data.IsFake, new TrainerSettings(trainer));
        var trees = MlNetTreeTrainer.Extract(transformer);

        var mlNet = MlNetTreeTrainer.Transform(transformer, features);
        var block = new float[features.Length];
        trees.Probabilities([.. features.SelectMany(f => f)], features[0].Length, block);

        Assert.Equal(TrainerSettings.Rounds, trees.Trees.Count);
        for (var i = 0; i < features.Length; i++)
        {
            Assert.Equal(mlNet[i], trees.Probability(features[i]), 1e-5f);
            Assert.Equal(mlNet[i], block[i], 1e-5f);
        }
        Assert.True(mlNet.Max() - mlNet.Min() > 0.5f, "the model separates something");
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm, 975)]
    [InlineData(TrainerKind.FastTree, 975)]
    [InlineData(TrainerKind.LightGbm, 13)]
    public void Scoring_eight_rows_at_once_gives_the_bits_of_one_row_at_a_time(TrainerKind trainer, int rows)
    {
        var data = SrfData.Load();
        var features = Features(data)[..rows];
        features[0] = [.. Enumerable.Repeat(FeatureSchema.Missing, features[0].Length)];
        features[^1][3] = float.NaN;
        var trees = MlNetTreeTrainer.Fit(Features(data), data.IsFake, new TrainerSettings(trainer, Bags: 2));
        var block = new float[features.Length];

        // 975 rows: 15 blocks of 64 and a last one of 15, whose padding lanes must not leak into the results.
        trees.Probabilities([.. features.SelectMany(f => f)], features[0].Length, block);

        for (var i = 0; i < features.Length; i++)
            Assert.Equal(trees.Probability(features[i]), block[i]);
    }

    [Fact]
    public void Trees_of_uneven_depth_and_single_leaves_are_scored_like_their_definition()
    {
        // Tree 1: x0 <= 1 ? (x1 <= 5 ? 1 : 2) : 3. Tree 2: one leaf, 10.
        var trees = new BoostedTrees(0.5, -1, 0, [
            new BoostedTree(2, [0, 1], [1f, 5f], [1, ~0], [~2, ~1], [1, 2, 3]),
            new BoostedTree(0.1, [], [], [], [], [10]),
        ]);

        Assert.Equal(0.5 + 2 * 1 + 1, trees.Score([1f, 5f]), 6);
        Assert.Equal(0.5 + 2 * 2 + 1, trees.Score([0f, 6f]), 6);
        Assert.Equal(0.5 + 2 * 3 + 1, trees.Score([1.5f, 0f]), 6);
        Assert.Equal(1 / (1 + Math.Exp(-(0.5 + 6 + 1))), trees.Probability([2f, 0f]), 6);
        var block = new float[2];
        trees.Probabilities([1f, 5f, 1.5f, 0f], 2, block);
        Assert.Equal(trees.Probability([1f, 5f]), block[0]);
        Assert.Equal(trees.Probability([1.5f, 0f]), block[1]);
        // Ten rows take the eight-at-once path (with AVX2): the same bits.
        float[][] rows = [.. Enumerable.Range(0, 10).Select(i => new[] { i * 0.4f, i % 3 * 3f })];
        var many = new float[rows.Length];
        trees.Probabilities([.. rows.SelectMany(r => r)], 2, many);
        Assert.Equal(rows.Select(r => trees.Probability(r)), many);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_predictions()
    {
        var data = SrfData.Load();
        var model = AuthenticityTrainer.Train(data, new TrainerSettings(Bags: 1));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = AuthenticityModel.Load(stream);

        Assert.Equal(model.Threshold, loaded.Threshold);
        Assert.Equal(model.Description, loaded.Description);
        Assert.Equal(model.Schema.FeatureNames, loaded.Schema.FeatureNames);
        var expected = new float[data.Profiles.Count];
        var actual = new float[data.Profiles.Count];
        model.PredictFakeProbabilities(data.Profiles, expected);
        loaded.PredictFakeProbabilities(data.Profiles, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_clear_error()
    {
        using var stream = new MemoryStream("not a zip"u8.ToArray());

        var error = Assert.Throws<AuthenticityDataException>(() => AuthenticityModel.Load(stream));

        Assert.StartsWith("not an authenticity model file", error.Message);
    }

    [Fact]
    public void The_default_model_scores_vetting_samples_and_tells_bots_from_people()
    {
        IFollowerClassifier classifier = AuthenticityModel.LoadDefault();
        var model = (AuthenticityModel)classifier;
        Assert.Same(model, AuthenticityModel.LoadDefault());
        Assert.Equal(
            [FollowerField.Username, FollowerField.Followers, FollowerField.Following, FollowerField.Posts, FollowerField.HasProfilePic, FollowerField.IsPrivate],
            model.Schema.Fields);
        Assert.InRange(classifier.Threshold, 0.05f, 0.95f);
        Assert.Contains("975 labelled profiles", classifier.Description);

        FollowerProfile[] profiles =
        [
            new("anna.muster", "Anna Muster", null, 40, 850, 420, 230, true, false, false),
            new("xk7391220", null, null, 0, 2, 6800, 0, false, false, false),
        ];
        var probabilities = new float[2];
        classifier.PredictFakeProbabilities(profiles, probabilities);

        Assert.True(probabilities[0] < classifier.Threshold, $"person scored {probabilities[0]}");
        Assert.True(probabilities[1] >= classifier.Threshold, $"bot scored {probabilities[1]}");
    }

    [Fact]
    public void Batch_scoring_in_parallel_matches_one_at_a_time()
    {
        var model = AuthenticityModel.LoadDefault();
        var random = new Random(5);
        var profiles = Enumerable.Range(0, 20_000).Select(i => new FollowerProfile(
            $"user{random.Next(100_000)}", Followers: random.Next(3) == 0 ? null : random.Next(5000), Following: random.Next(7500),
            Posts: random.Next(300), HasProfilePic: random.Next(2) == 0, IsPrivate: random.Next(2) == 0)).ToArray();
        var batch = new float[profiles.Length];

        model.PredictFakeProbabilities(profiles, batch);

        for (var i = 0; i < profiles.Length; i += 97)
            Assert.Equal(model.PredictFakeProbability(profiles[i]), batch[i], 1e-6f);
        Assert.Throws<ArgumentException>(() => model.PredictFakeProbabilities(profiles, new float[3]));
    }
}
