namespace Grapevine.Core.Catalogue;

/// <summary>The counts of an account at one moment; the series gives growth.</summary>
public class AccountSnapshot
{
    public long AccountId { get; set; }
    public DateTime At { get; set; }
    public long? Followers { get; set; }
    public long? Following { get; set; }
    public long? PostsCount { get; set; }
}
