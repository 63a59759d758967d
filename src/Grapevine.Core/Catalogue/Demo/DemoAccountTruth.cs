namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// What the generator knows about an account and a detector would have to find: the true niche (also when
/// <c>category</c> is left empty), whether the audience was bought, when follower spikes and viral posts
/// happened, and which posts were sponsored and how they were disclosed. For measuring accuracy only.
/// </summary>
public sealed record DemoAccountTruth(
    int Index,
    Platform Platform,
    string Handle,
    string Niche,
    string Tier,
    bool IsFakeAudience,
    double FakeFollowerShare,
    IReadOnlyList<DateTime> FollowerSpikeDates,
    IReadOnlyList<DateTime> ViralPostDates,
    double BaseEngagementRatePercent,
    bool IsInactive,
    bool HasInsights,
    IReadOnlyList<DemoSponsoredPost> SponsoredPosts);

/// <summary>A sponsored post (or story) and how its caption discloses the sponsorship.</summary>
public sealed record DemoSponsoredPost(string PostId, string Brand, DemoDisclosure Disclosure);

/// <summary>How a sponsored post is disclosed (reference.json, "disclosure").</summary>
public enum DemoDisclosure
{
    /// <summary>#ad, #sponsored or "Paid partnership with @brand" at the start of the caption.</summary>
    ProperAtStart,

    /// <summary>Only the platform's paid-partnership label (is_paid_partnership = true), no words in the caption.</summary>
    PlatformLabel,

    /// <summary>#ad present but buried among many hashtags at the end.</summary>
    BuriedAtEnd,

    /// <summary>Only vague tags (#spon, #sp, #collab, #partner, "thanks @brand").</summary>
    VagueOnly,

    /// <summary>A brand mention and a promotion, with no disclosure at all.</summary>
    Undisclosed,
}
