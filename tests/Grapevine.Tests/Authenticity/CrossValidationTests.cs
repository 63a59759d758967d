using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

public class CrossValidationTests
{
    [Fact]
    public void Each_fold_is_scored_by_a_model_that_never_saw_it()
    {
        var data = SrfData.Load();
        var trainedOn = new List<HashSet<long>>();

        var result = CrossValidation.Run(data, 5, new TrainerSettings(Bags: 1), (train, settings) =>
        {
            trainedOn.Add([.. train.Lines]);
            return AuthenticityTrainer.Train(train, settings);
        });

        Assert.Equal(5, trainedOn.Count);
        for (var k = 0; k < 5; k++)
        {
            var test = data.Lines.Where((_, i) => result.Fold[i] == k).ToHashSet();
            Assert.Empty(test.Intersect(trainedOn[k]));
            Assert.Equal(data.Lines.Length, test.Count + trainedOn[k].Count);
            // Stratified: every fold holds about a fifth of the fakes.
            Assert.InRange(data.IsFake.Where((_, i) => result.Fold[i] == k).Count(f => f), 19, 20);
        }
    }

    [Fact]
    public void Random_labels_with_a_unique_id_column_score_near_chance()
    {
        var random = new Random(11);
        var profiles = Enumerable.Range(0, 400).Select(i => new FollowerProfile(Followers: random.Next(1000), Extra: [i])).ToList();
        var labels = profiles.Select(_ => random.NextDouble() < 0.3).ToArray();
        var data = new LabelledProfiles(new FeatureSchema([FollowerField.Followers], ["id"]), profiles, labels, [.. Enumerable.Range(2, 400).Select(i => (long)i)]);

        var result = CrossValidation.Run(data, 5, new TrainerSettings(Bags: 1));

        // Scoring rows the model was trained on (a leak) gives AUC 0.69 and MCC 0.26 on this data.
        Assert.InRange(result.Metrics.Auc, 0.38, 0.62);
        Assert.InRange(result.Metrics.Mcc, -0.15, 0.15);
    }

    [Fact]
    public void Too_few_fakes_for_the_folds_or_one_class_only_is_an_error()
    {
        var profiles = Enumerable.Range(0, 30).Select(i => new FollowerProfile(Followers: i)).ToList();
        LabelledProfiles Data(int fakes) => new(new FeatureSchema([FollowerField.Followers], []), profiles,
            [.. Enumerable.Range(0, 30).Select(i => i < fakes)], [.. Enumerable.Range(2, 30).Select(i => (long)i)]);

        Assert.Equal("the label holds one class only (30 real, 0 fake); training needs examples of both",
            Assert.Throws<AuthenticityDataException>(() => CrossValidation.Run(Data(0), 10, new TrainerSettings())).Message);
        Assert.StartsWith("10 folds need at least 10 profiles of each class",
            Assert.Throws<AuthenticityDataException>(() => CrossValidation.Run(Data(4), 10, new TrainerSettings())).Message);
    }

    [Fact]
    public void Metrics_and_threshold_choice_on_a_hand_made_case()
    {
        float[] p = [0.9f, 0.8f, 0.7f, 0.4f, 0.3f, 0.2f, 0.1f];
        bool[] fake = [true, true, false, true, false, false, false];

        var metrics = BinaryMetrics.Compute(p, fake, [.. Enumerable.Repeat(0.5f, 7)]);

        Assert.Equal(5.0 / 7, metrics.Accuracy, 9);
        Assert.Equal(2.0 / 3, metrics.Precision, 9);
        Assert.Equal(2.0 / 3, metrics.Recall, 9);
        Assert.Equal((2.0 * 3 - 1 * 1) / Math.Sqrt(3.0 * 3 * 4 * 4), metrics.Mcc, 9);
        Assert.Equal(11.0 / 12, metrics.Auc, 9); // of 12 fake–real pairs, 11 are ordered right
        Assert.Equal(0.35f, ThresholdChoice.MaximiseMcc(p, fake), 5); // fakes above 0.35: MCC 0.75, the best cut
        Assert.Equal(0.5, BinaryMetrics.AreaUnderRoc([0.5f, 0.5f], [true, false]), 9);
    }
}
