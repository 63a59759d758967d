using System.Collections.Concurrent;
using System.Globalization;

namespace Grapevine.Core.Catalogue;

/// <summary>
/// Whether a language tag (<c>en</c>, <c>pt-br</c>, <c>es-419</c>) names a language the runtime's culture data knows: its
/// ISO 639 language with an optional region or script. Remembered per tag, since an import asks the same few many times
/// (up to a bound, so that a file of made-up tags cannot grow the memory without end).
/// </summary>
public static class LanguageCodes
{
    private const int MaxRemembered = 4096;
    private static readonly ConcurrentDictionary<string, bool> Known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null for a known tag (any case); otherwise why <paramref name="tag"/> is not one, in words for the user.</summary>
    public static string? Problem(string tag)
    {
        if (tag.Length is < 2 or > 8 || !char.IsAsciiLetter(tag[0]) || tag.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            return $"'{tag}' is not a language code (ISO 639, e.g. en, es, pt-br; at most 8 characters)";
        return IsKnown(tag) ? null : $"'{tag}' is not a known language code (ISO 639, e.g. en, es, pt-br)";
    }

    public static bool IsKnown(string tag)
    {
        if (Known.TryGetValue(tag, out var known))
            return known;
        known = Look(tag);
        if (Known.Count < MaxRemembered)
            Known.TryAdd(tag, known);
        return known;
    }

    private static bool Look(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
