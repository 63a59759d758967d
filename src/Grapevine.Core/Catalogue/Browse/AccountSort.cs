namespace Grapevine.Core.Catalogue.Browse;

/// <summary>The column an account list is ordered by.</summary>
public enum AccountSortField
{
    Followers,
    Er,
    Handle,
    Growth,
}

/// <summary>
/// A sort as users write it: a field name, with a leading '-' for descending (<c>-followers</c>).
/// Accounts whose sort value is unknown always come last, whatever the direction.
/// </summary>
public sealed record AccountSort(AccountSortField Field, bool Descending)
{
    public static readonly AccountSort Default = new(AccountSortField.Followers, true);

    public static readonly IReadOnlyList<string> FieldNames = ["followers", "er", "handle", "growth"];

    public static bool TryParse(string? text, out AccountSort sort)
    {
        sort = Default;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        var name = trimmed.TrimStart('-', '+');
        for (var i = 0; i < FieldNames.Count; i++)
        {
            if (FieldNames[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                sort = new AccountSort((AccountSortField)i, descending);
                return true;
            }
        }
        return false;
    }

    public string FieldName => FieldNames[(int)Field];

    public override string ToString() => (Descending ? "-" : "") + FieldName;
}
