using System.Globalization;

namespace Grapevine.Core.Campaigns;

/// <summary>Shortens text on a text-element boundary, so an emoji or an accented letter is never cut in half.</summary>
public static class TextCut
{
    /// <summary>The longest start of <paramref name="text"/> made of whole text elements and at most <paramref name="maxLength"/> UTF-16 units.</summary>
    public static string Prefix(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > maxLength)
                break;
            end = next;
        }
        return text[..end];
    }
}
