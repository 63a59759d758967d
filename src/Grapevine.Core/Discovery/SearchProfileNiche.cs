namespace Grapevine.Core.Discovery;

/// <summary>
/// One niche score of an account, an integer 0–100 (the scores of an account sum to at most 100), so that
/// sums over niches are exact in every engine. Only scores above zero are stored.
/// </summary>
public class SearchProfileNiche
{
    public long AccountId { get; set; }
    public required string Niche { get; set; }
    public int Score { get; set; }
}
