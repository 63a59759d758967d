using System.Globalization;
using System.Text;
using Grapevine.Core.Discovery.Profiles;

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
    /// <summary>Words of the text left out because no profile can have them (<see cref="SearchableWords"/>).</summary>
    public IReadOnlyList<IgnoredWord> Ignored { get; init; } = [];

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

        var ignored = new List<IgnoredWord>();
        var words = SearchableWords(plain.ToString(), ignored);
        // "@@@" or a lone "#": nothing searchable and nothing else to say, yet it would match everyone.
        if (words.Count + hashtags.Count + mentions.Count == 0 && ignored.Count == 0)
            ignored.Add(new IgnoredWord(text.Trim(), IgnoredReason.Symbols));
        var parsed = new QueryText(words, hashtags, mentions) { Ignored = ignored };
        if (parsed.Count > MaxTerms)
            problems.Add($"has {parsed.Count} words, hashtags and mentions; at most {MaxTerms}");
        return parsed;
    }

    /// <summary>
    /// The distinct words of <paramref name="text"/> that a profile can hold; the others are added to
    /// <paramref name="ignored"/> with the reason: one character or more than <see cref="SearchText.MaxTokenLength"/>
    /// (<see cref="SearchText"/> drops them), a stop word or digits only (profiles leave them out, SearchProfileWords), and
    /// emoji or symbols standing on their own (the tokenizer reads them as separators, so "🔥" would match everyone).
    /// </summary>
    public static List<string> SearchableWords(string text, List<IgnoredWord> ignored)
    {
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!chunk.EnumerateRunes().Any(Rune.IsLetterOrDigit) && chunk.EnumerateRunes().Any(IsSymbol) && !ignored.Any(i => i.Word == chunk))
                ignored.Add(new IgnoredWord(chunk, IgnoredReason.Symbols));
        }
        var words = new List<string>();
        foreach (var run in SearchText.Runs(text))
        {
            IgnoredReason? reason = run.Length < SearchText.MinTokenLength ? IgnoredReason.OneLetter
                : run.Length > SearchText.MaxTokenLength ? IgnoredReason.TooLong
                : run.All(char.IsAsciiDigit) ? IgnoredReason.Number
                : !SearchProfileWords.IsIndexed(run) ? IgnoredReason.CommonWord
                : null;
            if (reason is { } why)
            {
                if (!ignored.Any(i => i.Word == run))
                    ignored.Add(new IgnoredWord(run, why));
            }
            else if (!words.Contains(run))
            {
                words.Add(run);
            }
        }
        return words;
    }

    /// <summary>One sentence per reason, naming the words (e.g. "Ignored 'a', 'x': single letters and digits are not searchable.").</summary>
    public static IEnumerable<QueryNotice> Notices(string field, IEnumerable<IgnoredWord> ignored) =>
        ignored.GroupBy(i => i.Reason).OrderBy(g => g.Key).Select(g => new QueryNotice(field,
            $"Ignored {string.Join(", ", g.Select(i => $"'{Shorten(i.Word)}'"))}: " + g.Key switch
            {
                IgnoredReason.OneLetter => "single letters and digits are not searchable.",
                IgnoredReason.TooLong => $"words longer than {SearchText.MaxTokenLength} characters are not searchable.",
                IgnoredReason.Number => "numbers on their own are not searchable (#2024 and 2024 are read as a number).",
                IgnoredReason.Symbols => "emoji, symbols and punctuation are not searchable; search matches words, #hashtags and @mentions.",
                _ => "such common words are left out of every profile, so they cannot match.",
            }));

    private static bool IsSymbol(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol
        or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol;

    private static string Shorten(string word) => word.Length > 24 ? word[..20] + "…" : word;

    /// <summary>The terms written back as a query ("vegan #glutenfree @brand").</summary>
    public override string ToString() =>
        string.Join(' ', Words.Concat(Hashtags.Select(h => "#" + h)).Concat(Mentions.Select(m => "@" + m)));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    private static bool IsHashtagChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}

/// <summary>A word of a query that no profile can have, and why.</summary>
public sealed record IgnoredWord(string Word, IgnoredReason Reason);

public enum IgnoredReason
{
    OneLetter,
    TooLong,
    Number,
    CommonWord,
    Symbols,
}
