using System.Globalization;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// Trains an <see cref="AuthenticityModel"/>: the threshold comes from an inner cross-validation on the training data
/// (out-of-fold probabilities, threshold maximising MCC), then the trees are fitted on all of it.
/// </summary>
public static class AuthenticityTrainer
{
    public static AuthenticityModel Train(LabelledProfiles data, TrainerSettings settings)
    {
        RequireBothClasses(data);
        var features = Features(data);
        var positives = data.Positives;
        var folds = Math.Min(TrainerSettings.ThresholdFolds, Math.Min(positives, data.IsFake.Length - positives));
        var threshold = 0.5f;
        var summary = "";
        if (folds >= 2)
        {
            var fold = StratifiedFolds.Assign(data.IsFake, folds, settings.Seed);
            var outOfFold = new float[data.IsFake.Length];
            for (var k = 0; k < folds; k++)
            {
                var train = Enumerable.Range(0, fold.Length).Where(i => fold[i] != k).ToArray();
                var trees = MlNetTreeTrainer.Fit([.. train.Select(i => features[i])], [.. train.Select(i => data.IsFake[i])], settings);
                for (var i = 0; i < fold.Length; i++)
                {
                    if (fold[i] == k)
                        outOfFold[i] = trees.Probability(features[i]);
                }
            }
            threshold = ThresholdChoice.MaximiseMcc(outOfFold, data.IsFake);
            var metrics = BinaryMetrics.Compute(outOfFold, data.IsFake, [.. Enumerable.Repeat(threshold, outOfFold.Length)]);
            summary = string.Create(CultureInfo.InvariantCulture,
                $"; {folds}-fold out-of-fold on the training data: accuracy {metrics.Accuracy:P1}, MCC {metrics.Mcc:0.00}, AUC {metrics.Auc:0.000}");
        }
        var model = MlNetTreeTrainer.Fit(features, data.IsFake, settings);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{settings.Trainer} trees on {data.IsFake.Length} labelled profiles ({positives} fake){summary}; threshold {threshold:0.000}");
        return new AuthenticityModel(data.Schema, model, threshold, description, settings);
    }

    internal static float[][] Features(LabelledProfiles data) => [.. data.Profiles.Select(p => FollowerFeatures.Compute(p, data.Schema))];

    internal static void RequireBothClasses(LabelledProfiles data)
    {
        var positives = data.Positives;
        if (positives == 0 || positives == data.IsFake.Length)
        {
            throw new AuthenticityDataException(
                $"the label holds one class only ({data.IsFake.Length - positives} real, {positives} fake); training needs examples of both");
        }
    }
}
