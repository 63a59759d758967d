namespace Grapevine.Core.Campaigns.FirstTest;

/// <summary>What the first test says to do with a creator.</summary>
public enum KeepVerdict
{
    Keep,
    Drop,

    /// <summary>Too little spend or result recorded to judge; neither kept nor dropped.</summary>
    NotEnoughData,
}
