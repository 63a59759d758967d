using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Grapevine.Core.Catalogue.Browse;

/// <summary>
/// A keyset position in an ordered account list: the sort value and id of the row next to the
/// page, and whether the page lies after it (next) or before it (previous). Opaque to clients.
/// </summary>
public sealed record AccountCursor(AccountSort Sort, bool Backward, long Id, string? Value)
{
    private const string Version = "c1";

    public string Encode()
    {
        var text = string.Join('|', Version, Backward ? "p" : "n", Sort.ToString(), Id.ToString(CultureInfo.InvariantCulture), Value is null ? "~" : "=" + Value);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string text, out AccountCursor? cursor)
    {
        cursor = null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text.Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        // The value comes last so that a handle containing '|' cannot shift the other parts.
        var parts = decoded.Split('|', 5);
        if (parts.Length != 5 || parts[0] != Version || parts[1] is not ("n" or "p"))
            return false;
        if (parts[2].Length == 0 || !AccountSort.TryParse(parts[2], out var sort))
            return false;
        if (!long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        string? value;
        if (parts[4] == "~")
            value = null;
        else if (parts[4].StartsWith('=') && ValueFits(sort.Field, parts[4][1..]))
            value = parts[4][1..];
        else
            return false;
        cursor = new AccountCursor(sort, parts[1] == "p", id, value);
        return true;
    }

    public long LongValue => long.Parse(Value!, CultureInfo.InvariantCulture);

    public double DoubleValue => double.Parse(Value!, CultureInfo.InvariantCulture);

    public static string? Format(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    // "R" keeps every bit of the double, so equality with the stored value holds on both providers.
    public static string? Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static bool ValueFits(AccountSortField field, string value) => field switch
    {
        AccountSortField.Followers => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        AccountSortField.Er or AccountSortField.Growth => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
        _ => true,
    };
}
