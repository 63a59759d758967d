namespace Grapevine.Core.Catalogue;

/// <summary>One post of an account. Counts that the source did not give are null.</summary>
public class Post
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public required string ExternalId { get; set; }
    public DateTime PostedAt { get; set; }
    public PostType Type { get; set; }
    public string? Caption { get; set; }

    /// <summary>Hashtags found in the caption, lower case, space separated, without '#'.</summary>
    public string? Hashtags { get; set; }

    /// <summary>Mentions found in the caption, lower case, space separated, without '@'.</summary>
    public string? Mentions { get; set; }

    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Shares { get; set; }
    public long? Saves { get; set; }
    public long? Views { get; set; }
    public long? Reach { get; set; }
    public long? Impressions { get; set; }
    public bool? IsPaidPartnership { get; set; }
    public string? Transcript { get; set; }
}
