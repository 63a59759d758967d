using System.Text;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Finds the hashtags and mentions of a caption: lower case, without '#' or '@', each once in order of
/// first appearance, joined by single spaces (as stored in <see cref="Post.Hashtags"/> and <see cref="Post.Mentions"/>).
/// </summary>
public static class CaptionTags
{
    /// <summary>Both are null when the caption is unknown, and empty when it is known but has none.</summary>
    public static (string? Hashtags, string? Mentions) Extract(string? caption)
    {
        if (caption is null)
            return (null, null);
        if (caption.AsSpan().IndexOfAny('#', '@') < 0)
            return ("", "");
        return (Join(caption, '#'), Join(caption, '@'));
    }

    private static string Join(string caption, char marker)
    {
        StringBuilder? result = null;
        HashSet<string>? seen = null;
        for (var i = caption.IndexOf(marker); i >= 0 && i < caption.Length; i = caption.IndexOf(marker, i + 1))
        {
            // "anna@mail.com" is an address, not a mention; hashtags may follow anything ("#a#b" is two).
            if (marker == '@' && i > 0 && IsWordChar(caption[i - 1]))
                continue;
            var end = i + 1;
            while (end < caption.Length && (marker == '#' ? IsHashtagChar(caption[end]) : IsHandleChar(caption[end])))
                end++;
            var tag = caption.AsSpan(i + 1, end - i - 1);
            if (marker == '@')
                tag = tag.TrimEnd('.');
            if (tag.IsEmpty || (marker == '#' && !tag.ContainsAnyExceptInRange('0', '9')))
                continue;
            var text = tag.ToString().ToLowerInvariant();
            if (!(seen ??= []).Add(text))
                continue;
            result = result is null ? new StringBuilder(text) : result.Append(' ').Append(text);
        }
        return result?.ToString() ?? "";
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    private static bool IsHashtagChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
