using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery;

/// <summary>
/// What discovery knows about one account, derived from its profile, posts, metrics and follower sample and
/// kept in step with them after every import. The in-process index is built from these rows, and the SQL
/// engines (SQLite FTS5, PostgreSQL tsvector) answer the same queries from them. Unknown is null.
/// </summary>
public class SearchProfile
{
    public long AccountId { get; set; }
    public Platform Platform { get; set; }
    public required string Handle { get; set; }
    public string? DisplayName { get; set; }
    public string? Tier { get; set; }
    public long? Followers { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public bool? IsVerified { get; set; }
    public bool HasEmail { get; set; }

    /// <summary>The niche with the highest score (an imported category wins), null when no text says anything.</summary>
    public string? PrimaryNiche { get; set; }

    /// <summary>0–1: how far the primary niche stands out from the runner-up, scaled by how much text there was.</summary>
    public double? NicheConfidence { get; set; }

    /// <summary>ER by followers, in percent (the headline metric).</summary>
    public double? EngagementRate { get; set; }

    /// <summary>0–1: the percentile of <see cref="EngagementRate"/> among accounts of the same platform and tier.</summary>
    public double? EngagementPercentile { get; set; }

    /// <summary>0–1: the share of sampled followers classified real; null under the minimum sample.</summary>
    public double? AudienceQuality { get; set; }

    /// <summary>Expected engagements (likes + comments) on one default deliverable: median of recent posts.</summary>
    public double? ExpectedEngagements { get; set; }

    /// <summary>Estimated price in USD of the platform's default deliverable: point estimate and range.</summary>
    public double? PriceEstimate { get; set; }
    public double? PriceLow { get; set; }
    public double? PriceHigh { get; set; }

    /// <summary>Unix seconds (UTC) of the latest post; an integer so that recency is the same arithmetic everywhere.</summary>
    public long? LastPostedAt { get; set; }

    /// <summary>Sponsored share of recent feed posts, in percent.</summary>
    public double? SponsoredShare { get; set; }

    /// <summary>Follower growth over 30 days, in percent.</summary>
    public double? Growth { get; set; }

    /// <summary>0–1: 1 when the default brand-safety lexicon finds nothing in bio and recent captions.</summary>
    public double? SafetyScore { get; set; }

    /// <summary>Distinct lower-case word tokens of handle, name, bio, category and recent captions, space separated.</summary>
    public string Words { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
    public List<SearchProfileNiche> Niches { get; set; } = [];
    public List<SearchProfileTerm> Terms { get; set; } = [];
}
