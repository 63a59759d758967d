using System.Globalization;

namespace Grapevine.Core.Authenticity;

/// <summary>Reads numbers and booleans from text cells; blank means unknown (null).</summary>
public static class CellParser
{
    public static bool IsBlank(string? cell) => string.IsNullOrWhiteSpace(cell);

    public static bool TryBoolean(string cell, out bool value)
    {
        switch (cell.Trim().ToLowerInvariant())
        {
            case "true" or "t" or "yes" or "y" or "1" or "1.0":
                value = true;
                return true;
            case "false" or "f" or "no" or "n" or "0" or "0.0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A number, or a boolean as 1/0 (extra columns may hold either).</summary>
    public static bool TryNumberOrBoolean(string cell, out double value)
    {
        if (TryNumber(cell, out value))
            return true;
        if (!TryBoolean(cell, out var flag))
            return false;
        value = flag ? 1 : 0;
        return true;
    }
}
