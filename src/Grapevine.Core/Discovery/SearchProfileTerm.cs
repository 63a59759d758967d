namespace Grapevine.Core.Discovery;

/// <summary>
/// A hashtag ("#vegan") or mention ("@brand") an account used in a caption, with the time of its latest use
/// (Unix seconds, UTC), so that "who mentioned @brand in the last 90 days" is one range lookup.
/// </summary>
public class SearchProfileTerm
{
    public long AccountId { get; set; }
    public required string Term { get; set; }
    public long LastUsedAt { get; set; }
    public int Uses { get; set; }
}
