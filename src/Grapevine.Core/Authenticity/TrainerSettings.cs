namespace Grapevine.Core.Authenticity;

/// <summary>
/// How to train: the trainer, the seed, how many bagged ensembles are averaged, and whether fakes are weighted up to
/// balance the classes. Imbalance is handled by the threshold, tuned on out-of-fold predictions of the training data;
/// weighting on top measured within the noise (docs/authenticity.md), so it is off by default.
/// </summary>
public sealed record TrainerSettings(TrainerKind Trainer = TrainerKind.LightGbm, int Seed = 42, bool BalanceClasses = false, int Bags = 1)
{
    /// <summary>Boosting rounds (trees) of one ensemble: 300 slow (learning rate 0.05) rounds of 4-leaf trees.</summary>
    public const int Rounds = 300;

    /// <summary>At least this many profiles in a leaf: with a few hundred examples a leaf of 20 fits noise.</summary>
    public const int MinimumPerLeaf = 30;

    /// <summary>Folds of the inner cross-validation on the training data that chooses the threshold.</summary>
    public const int ThresholdFolds = 5;
}
