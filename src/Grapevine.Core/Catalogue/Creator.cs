namespace Grapevine.Core.Catalogue;

/// <summary>A person behind one or more platform accounts.</summary>
public class Creator
{
    public long Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public List<Account> Accounts { get; set; } = [];
}
