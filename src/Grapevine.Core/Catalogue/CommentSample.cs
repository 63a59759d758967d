namespace Grapevine.Core.Catalogue;

/// <summary>One comment on one of an account's posts, kept for comment-quality checks.</summary>
public class CommentSample
{
    public long AccountId { get; set; }
    public required string CommentId { get; set; }
    public required string PostExternalId { get; set; }
    public string? Author { get; set; }
    public string? Text { get; set; }
    public DateTime? PostedAt { get; set; }
}
