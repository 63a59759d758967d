namespace Grapevine.Core.Authenticity;

/// <summary>The ML.NET gradient-boosted tree trainers the classifier can use (docs/authenticity.md compares them).</summary>
public enum TrainerKind
{
    LightGbm,
    FastTree,
}
