namespace Grapevine.Core.Authenticity;

/// <summary>
/// How to train: the trainer, the seed, and whether fakes are weighted up to balance the classes (the threshold is
/// tuned on out-of-fold predictions of the training data either way).
/// </summary>
public sealed record TrainerSettings(TrainerKind Trainer = TrainerKind.LightGbm, int Seed = 42, bool BalanceClasses = true)
{
    /// <summary>Folds of the inner cross-validation on the training data that chooses the threshold.</summary>
    public const int ThresholdFolds = 5;
}
