using Grapevine.Core.Metrics;

namespace Grapevine.Core.Catalogue;

/// <summary>A creator's account on one platform. Unknown values are null, never 0.</summary>
public class Account
{
    public long Id { get; set; }
    public long CreatorId { get; set; }
    public Creator? Creator { get; set; }
    public Platform Platform { get; set; }
    public required string Handle { get; set; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }
    public long? Followers { get; set; }
    public long? Following { get; set; }
    public long? PostsCount { get; set; }
    public bool? IsVerified { get; set; }
    public bool? IsPrivate { get; set; }
    public bool? HasProfilePic { get; set; }
    public string? ProfilePictureUrl { get; set; }
    public string? Bio { get; set; }
    public string? Email { get; set; }
    public string? ExternalUrl { get; set; }
    public string? Country { get; set; }
    public string? Language { get; set; }
    public string? Category { get; set; }

    /// <summary>Tier under the default scheme, kept in step with <see cref="Followers"/> for filtering.</summary>
    public string? Tier { get; set; }

    public DateTime UpdatedAt { get; set; }
    public List<Post> Posts { get; set; } = [];
    public List<AccountMetric> Metrics { get; set; } = [];
}
