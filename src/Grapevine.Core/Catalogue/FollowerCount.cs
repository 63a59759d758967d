using System.Globalization;

namespace Grapevine.Core.Catalogue;

/// <summary>A number of followers as people type it in a filter: 10000, 10,000, 10k or 1.5m.</summary>
public static class FollowerCount
{
    /// <summary>The count, or why <paramref name="text"/> is not one (for the field's error).</summary>
    public static bool TryParse(string text, out long count, out string problem)
    {
        (count, problem) = (0, "");
        var clean = text.Trim().Replace(",", "").Replace("_", "").Replace(" ", "");
        var multiplier = 1.0;
        if (clean.Length > 1 && char.ToLowerInvariant(clean[^1]) is 'k' or 'm')
        {
            multiplier = char.ToLowerInvariant(clean[^1]) == 'k' ? 1_000 : 1_000_000;
            clean = clean[..^1];
        }
        if (!double.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            problem = $"'{text.Trim()}' is not a number of followers (e.g. 10000, 10k, 1.5m)";
        else if (Math.Round(number * multiplier) is var rounded && rounded < 0)
            problem = $"must be 0 or more; got {text.Trim()}";
        else if (rounded > 10_000_000_000)
            problem = $"'{text.Trim()}' is more followers than any account has";
        else if (rounded != number * multiplier)
            problem = $"'{text.Trim()}' is not a whole number of followers";
        else
            count = (long)rounded;
        return problem.Length == 0;
    }
}
