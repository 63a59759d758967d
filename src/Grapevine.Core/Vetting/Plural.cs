using System.Globalization;

namespace Grapevine.Core.Vetting;

/// <summary>A count with its noun in the right number ("1 post", "3 posts", "1.5 posts a week"), for the report's sentences.</summary>
public static class Plural
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Noun(count == 1, singular, plural);

    /// <summary>A value written with <paramref name="format"/>: singular only when it reads exactly "1".</summary>
    public static string Of(double value, string format, string singular, string? plural = null)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text + " " + Noun(text == "1", singular, plural);
    }

    private static string Noun(bool one, string singular, string? plural) => one ? singular : plural ?? singular + "s";
}
