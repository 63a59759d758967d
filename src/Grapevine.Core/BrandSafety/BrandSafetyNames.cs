using System.Text;
using System.Text.RegularExpressions;

namespace Grapevine.Core.BrandSafety;

/// <summary>
/// How category names and keywords are written down: trimmed, lower-case, inner whitespace as one
/// space, so that "  Red  Wine " and "red wine" are one keyword and "#Beer" is the hashtag "#beer".
/// </summary>
public static partial class BrandSafetyNames
{
    public const int MaxCategoryNameLength = 50;
    public const int MaxKeywordLength = 100;

    /// <summary>The normalised keyword, or an <see cref="ArgumentException"/> naming <paramref name="field"/>.</summary>
    public static string Keyword(string? raw, string field)
    {
        var keyword = Normalize(raw);
        if (keyword.Length == 0)
            throw new ArgumentException("A keyword cannot be empty.", field);
        if (keyword.Length > MaxKeywordLength)
            throw new ArgumentException($"A keyword has at most {MaxKeywordLength} characters; '{keyword[..20]}…' has {keyword.Length}.", field);
        if (keyword.Any(char.IsControl))
            throw new ArgumentException("A keyword cannot contain control characters.", field);
        if (keyword[0] == '#' && !Hashtag().IsMatch(keyword))
            throw new ArgumentException($"'{keyword}' is not a hashtag: after # come only letters, digits and underscores.", field);
        // Captions are matched word by word (runs of letters and digits), so "🔥" or "!!!" would be accepted and never found.
        if (!keyword.EnumerateRunes().Any(Rune.IsLetterOrDigit))
            throw new ArgumentException($"'{keyword}' has no letter or digit: keywords are matched as whole words, so it could never be found.", field);
        return keyword;
    }

    /// <summary>The normalised category name, or an <see cref="ArgumentException"/> naming <paramref name="field"/>.</summary>
    public static string CategoryName(string? raw, string field)
    {
        var name = Normalize(raw);
        if (name.Length is 0 or > MaxCategoryNameLength || !CategoryNameChars().IsMatch(name))
            throw new ArgumentException($"A category name has 1 to {MaxCategoryNameLength} letters, digits, spaces, hyphens or underscores.", field);
        return name;
    }

    /// <summary>Trimmed, lower-case, one space between words: how a name is compared, before any check.</summary>
    public static string Normalize(string? raw) =>
        Whitespace().Replace((raw ?? "").Normalize(NormalizationForm.FormC), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^#[\p{L}\p{Mn}\p{N}_]+$")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"^[\p{L}\p{Mn}\p{N} _-]+$")]
    private static partial Regex CategoryNameChars();
}
