namespace Grapevine.Core.Authenticity;

/// <summary>
/// Stratified k-fold cross-validation: each fold is scored by a model trained (threshold included) on the other
/// folds only. Metrics pool all out-of-fold predictions, each judged by its own fold's threshold.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(LabelledProfiles data, int folds, TrainerSettings settings) =>
        Run(data, folds, settings, AuthenticityTrainer.Train);

    /// <summary>Tests pass their own <paramref name="train"/> to see exactly which rows each fold's model is trained on.</summary>
    internal static CrossValidationResult Run(LabelledProfiles data, int folds, TrainerSettings settings, Func<LabelledProfiles, TrainerSettings, AuthenticityModel> train)
    {
        AuthenticityTrainer.RequireBothClasses(data);
        var positives = data.Positives;
        var smaller = Math.Min(positives, data.IsFake.Length - positives);
        if (folds < 2 || folds > smaller)
            throw new AuthenticityDataException($"{folds} folds need at least {folds} profiles of each class and at least 2 folds; the data has {positives} fake and {data.IsFake.Length - positives} real");
        var fold = StratifiedFolds.Assign(data.IsFake, folds, settings.Seed);
        var probabilities = new float[fold.Length];
        var thresholds = new float[fold.Length];
        var foldThresholds = new float[folds];
        for (var k = 0; k < folds; k++)
        {
            var trainRows = Enumerable.Range(0, fold.Length).Where(i => fold[i] != k).ToArray();
            var test = Enumerable.Range(0, fold.Length).Where(i => fold[i] == k).ToArray();
            var model = train(data.Subset(trainRows), settings);
            var scored = new float[test.Length];
            model.PredictFakeProbabilities([.. test.Select(i => data.Profiles[i])], scored);
            for (var j = 0; j < test.Length; j++)
            {
                probabilities[test[j]] = scored[j];
                thresholds[test[j]] = model.Threshold;
            }
            foldThresholds[k] = model.Threshold;
        }
        return new CrossValidationResult(BinaryMetrics.Compute(probabilities, data.IsFake, thresholds), folds, foldThresholds.Average(), probabilities, fold);
    }
}

/// <summary>Pooled out-of-fold metrics, the mean of the folds' thresholds, and each row's probability and fold.</summary>
public sealed record CrossValidationResult(BinaryMetrics Metrics, int Folds, float Threshold, float[] Probabilities, int[] Fold);
