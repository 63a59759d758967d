namespace Grapevine.Core.Catalogue;

/// <summary>The public profile of one follower in a sample of an account's followers.</summary>
public class FollowerSample
{
    public long AccountId { get; set; }
    public required string FollowerUsername { get; set; }
    public string? FullName { get; set; }
    public long? Followers { get; set; }
    public long? Following { get; set; }
    public long? PostsCount { get; set; }
    public bool? HasProfilePic { get; set; }
    public bool? IsPrivate { get; set; }
    public int? BioLength { get; set; }
    public bool? HasExternalUrl { get; set; }
}
