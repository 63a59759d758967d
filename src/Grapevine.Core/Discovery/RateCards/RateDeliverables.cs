using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Engine;

namespace Grapevine.Core.Discovery.RateCards;

/// <summary>The deliverables a rate can be recorded for: the platform's name, an underscore and the kind (instagram_post).</summary>
public static class RateDeliverables
{
    private static readonly Dictionary<Platform, string[]> Kinds = new()
    {
        [Platform.Instagram] = ["post", "reel", "story", "carousel"],
        [Platform.TikTok] = ["video"],
        [Platform.YouTube] = ["video", "short"],
        [Platform.X] = ["post"],
        [Platform.Facebook] = ["post", "video"],
        [Platform.Twitch] = ["stream"],
        [Platform.Pinterest] = ["pin"],
    };

    public static IReadOnlyList<string> For(Platform platform) => [.. Kinds[platform].Select(k => $"{platform.Name()}_{k}")];

    /// <summary>The deliverable price estimates, the max-price filter and rate cards in searches are about.</summary>
    public static string Default(Platform platform) => RatePrices.DefaultDeliverable(platform);

    /// <summary>The deliverable's name in lower case, or an ArgumentException naming the deliverables of the platform.</summary>
    public static string Validate(Platform platform, string deliverable)
    {
        var name = deliverable.Trim().ToLowerInvariant();
        var known = For(platform);
        return known.Contains(name)
            ? name
            : throw new ArgumentException($"'{deliverable.Trim()}' is not a deliverable of {platform.Name()}; one of {string.Join(", ", known)}.", nameof(deliverable));
    }
}
