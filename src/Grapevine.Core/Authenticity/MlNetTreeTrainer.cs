using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// Fits an ML.NET tree ensemble on feature vectors and copies its trees and calibrator into <see cref="BoostedTrees"/>.
/// Single-threaded with a fixed seed, so the same data and seed give the same model.
/// </summary>
public static class MlNetTreeTrainer
{
    /// <summary>
    /// Fits <see cref="TrainerSettings.Bags"/> ensembles on different subsamples (seed, seed+1, …) and averages their
    /// scores: on a few hundred examples one boosted ensemble's ranking varies a lot with its subsample.
    /// </summary>
    public static BoostedTrees Fit(float[][] features, bool[] isFake, TrainerSettings settings)
    {
        var models = Enumerable.Range(0, settings.Bags)
            .Select(b => Extract(FitTransformer(features, isFake, settings with { Seed = settings.Seed + b })))
            .ToList();
        if (models.Count == 1)
            return models[0];
        // Every bag has the same fixed sigmoid calibrator, so averaging scores is one ensemble with weights / bags.
        if (models.Any(m => m.Slope != models[0].Slope || m.Offset != models[0].Offset))
            throw new InvalidOperationException("bagged models with different calibrators cannot be merged");
        return new BoostedTrees(models.Average(m => m.Bias), models[0].Slope, models[0].Offset,
            [.. models.SelectMany(m => m.Trees.Select(t => t with { Weight = t.Weight / models.Count }))]);
    }

    /// <summary>Fits one ML.NET ensemble (no bagging) and returns ML.NET's own model.</summary>
    public static ITransformer FitTransformer(float[][] features, bool[] isFake, TrainerSettings settings)
    {
        var ml = new MLContext(settings.Seed);
        var data = Load(ml, features, isFake, settings.BalanceClasses);
        return settings.Trainer switch
        {
            TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = TrainerSettings.Rounds,
                LearningRate = 0.05,
                NumberOfLeaves = 4,
                MinimumExampleCountPerLeaf = TrainerSettings.MinimumPerLeaf,
                Booster = new GradientBooster.Options { SubsampleFraction = 0.5, SubsampleFrequency = 1, FeatureFraction = 0.5, L2Regularization = 1 },
                UseCategoricalSplit = false,
                HandleMissingValue = false,
                ExampleWeightColumnName = nameof(TrainingRow.Weight),
                NumberOfThreads = 1,
                Seed = settings.Seed,
                Verbose = false,
                Silent = true,
            }).Fit(data),
            _ => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = TrainerSettings.Rounds,
                LearningRate = 0.05,
                NumberOfLeaves = 4,
                MinimumExampleCountPerLeaf = TrainerSettings.MinimumPerLeaf,
                BaggingSize = 1,
                BaggingExampleFraction = 0.5,
                FeatureFraction = 0.5,
                ExampleWeightColumnName = nameof(TrainingRow.Weight),
                NumberOfThreads = 1,
                Seed = settings.Seed,
            }).Fit(data),
        };
    }

    /// <summary>ML.NET's own probabilities for the given features (to check the fast path and to time it).</summary>
    public static float[] Transform(ITransformer transformer, float[][] features)
    {
        var ml = new MLContext(0);
        var scored = transformer.Transform(Load(ml, features, new bool[features.Length], balance: false));
        return [.. scored.GetColumn<float>("Probability")];
    }

    private static IDataView Load(MLContext ml, float[][] features, bool[] isFake, bool balance)
    {
        var width = features.Length > 0 ? features[0].Length : 0;
        var positives = isFake.Count(f => f);
        var positiveWeight = balance && positives > 0 ? (float)(isFake.Length - positives) / positives : 1f;
        var rows = features.Select((f, i) => new TrainingRow { Features = f, Label = isFake[i], Weight = isFake[i] ? positiveWeight : 1f });
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Copies a fitted LightGBM or FastTree binary model into plain arrays.</summary>
    public static BoostedTrees Extract(ITransformer transformer) => transformer switch
    {
        BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lightGbm =>
            Copy(lightGbm.Model.SubModel.TrainedTreeEnsemble, lightGbm.Model.Calibrator),
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree =>
            Copy(fastTree.Model.SubModel.TrainedTreeEnsemble, fastTree.Model.Calibrator),
        _ => throw new InvalidOperationException($"unexpected ML.NET model {transformer.GetType().Name}"),
    };

    private static BoostedTrees Copy(RegressionTreeEnsemble ensemble, PlattCalibrator calibrator)
    {
        var trees = new List<BoostedTree>(ensemble.Trees.Count);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
                throw new InvalidOperationException("categorical splits are not supported");
            trees.Add(new BoostedTree(
                ensemble.TreeWeights[t],
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues]));
        }
        return new BoostedTrees(ensemble.Bias, calibrator.Slope, calibrator.Offset, trees);
    }

    private sealed class TrainingRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }
    }
}
