using System.Globalization;
using System.Text;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// The text of a discovery query split into words, #hashtags and @mentions. Hashtags and mentions follow the
/// rules captions are read with (Catalogue.Import.CaptionTags), so a query term is spelled the way the stored
/// term is: "#Café" is the hashtag "café", "@Brand.Co." the mention "brand.co", "anna@mail.com" is words. A quoted
/// phrase stands for its words (the engines match words, not phrases), and a quote left open runs to the end.
/// Everything else goes through <see cref="SearchText.Tokenize"/>, so punctuation such as <c>'; DROP TABLE --</c>
/// is only ever separators between words.
/// </summary>
public sealed record QueryText(IReadOnlyList<string> Words, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Mentions)
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 32;
    public const int MaxTagLength = 100;

    public static readonly QueryText Empty = new([], [], []);

    public int Count => Words.Count + Hashtags.Count + Mentions.Count;

    /// <summary>Splits <paramref name="text"/>; problems (too long, too many terms) are added to <paramref name="problems"/>.</summary>
    public static QueryText Parse(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Empty;
        if (text.Length > MaxLength)
        {
            problems.Add($"is {text.Length:N0} characters long; at most {MaxLength:N0}");
            return Empty;
        }

        var plain = new StringBuilder(text.Length);
        var hashtags = new List<string>();
        var mentions = new List<string>();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
                plain.Append(' ');
                continue;
            }
            // "anna@mail.com" is an address, not a mention; hashtags may follow anything ("#a#b" is two).
            var marker = !quoted && (c == '#' || (c == '@' && (i == 0 || !IsWordChar(text[i - 1]))));
            if (!marker)
            {
                plain.Append(c);
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (c == '#' ? IsHashtagChar(text[end]) : IsHandleChar(text[end])))
                end++;
            var tag = text.AsSpan(i + 1, end - i - 1);
            if (c == '@')
                tag = tag.TrimEnd('.');
            if (tag.IsEmpty || (c == '#' && !tag.ContainsAnyExceptInRange('0', '9')))
            {
                // A lone '#' or '@' is punctuation; "#2024" is not a hashtag (captions skip it too) but its number is a word.
                plain.Append(' ').Append(tag).Append(' ');
            }
            else if (tag.Length > MaxTagLength)
            {
                problems.Add($"'{c}{tag[..20]}…' is longer than {MaxTagLength} characters");
            }
            else
            {
                var term = tag.ToString().ToLowerInvariant();
                var list = c == '#' ? hashtags : mentions;
                if (!list.Contains(term))
                    list.Add(term);
            }
            plain.Append(' ');
            i = end - 1;
        }

        var words = SearchText.Tokenize(plain.ToString()).Distinct().ToList();
        var parsed = new QueryText(words, hashtags, mentions);
        if (parsed.Count > MaxTerms)
            problems.Add($"has {parsed.Count} words, hashtags and mentions; at most {MaxTerms}");
        return parsed;
    }

    /// <summary>The terms written back as a query ("vegan #glutenfree @brand").</summary>
    public override string ToString() =>
        string.Join(' ', Words.Concat(Hashtags.Select(h => "#" + h)).Concat(Mentions.Select(m => "@" + m)));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    private static bool IsHashtagChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
