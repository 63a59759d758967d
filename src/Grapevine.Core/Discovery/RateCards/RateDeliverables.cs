using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Core.Discovery.RateCards;

/// <summary>The deliverables a rate can be recorded for (<see cref="Deliverables"/>), checked against the account's platform.</summary>
public static class RateDeliverables
{
    public static IReadOnlyList<string> For(Platform platform) => [.. Deliverables.For(platform).Select(d => d.Name)];

    /// <summary>The deliverable price estimates, the max-price filter and rate cards in searches are about.</summary>
    public static string Default(Platform platform) => Deliverables.DefaultFor(platform);

    /// <summary>"Instagram feed post" for instagram_post; the name itself when unknown.</summary>
    public static string Label(string deliverable) => Deliverables.Find(deliverable)?.Label ?? deliverable;

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
