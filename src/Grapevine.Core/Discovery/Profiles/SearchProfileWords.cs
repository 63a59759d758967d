using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Which tokens go into a profile's words: <see cref="SearchText.Tokenize"/> tokens that are neither stop words
/// (Discovery/Profiles/stopwords.json) nor digits only. A query should drop the tokens this refuses, or it can never match.
/// </summary>
public static class SearchProfileWords
{
    private static readonly Lazy<HashSet<string>> LazyStopWords = new(LoadStopWords);
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> LazyStopWordSpans =
        new(() => LazyStopWords.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    public static IReadOnlySet<string> StopWords => LazyStopWords.Value;

    public static bool IsIndexed(string token) => !LazyStopWords.Value.Contains(token) && !token.All(char.IsAsciiDigit);

    /// <summary>
    /// Adds the indexed tokens of <paramref name="text"/> to <paramref name="words"/> in order, each once, until it
    /// holds <paramref name="max"/>. Mentions, e-mail and web addresses (a whitespace-separated chunk with '@', "://"
    /// or starting "www.") are left out: they name others, not the account.
    /// </summary>
    /// <remarks>
    /// The same tokens as <see cref="SearchText.Tokenize"/> of <see cref="WithoutAddresses"/>, found in a stack buffer so
    /// that only tokens not seen before become strings: the refresh of a large import tokenizes millions of caption
    /// words, and one string per character and per token was most of its build time.
    /// </remarks>
    public static void Collect(string? text, HashSet<string> seen, List<string> words, int max)
    {
        if (string.IsNullOrEmpty(text) || words.Count >= max)
            return;
        if (!seen.TryGetAlternateLookup<ReadOnlySpan<char>>(out var seenSpans))
        {
            foreach (var word in SearchText.Tokenize(WithoutAddresses(text)))
            {
                if (!IsIndexed(word) || !seen.Add(word))
                    continue;
                words.Add(word);
                if (words.Count >= max)
                    return;
            }
            return;
        }
        Span<char> token = stackalloc char[SearchText.MaxTokenLength];
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            var chunk = text.AsSpan(start, i - start);
            if (chunk.IsEmpty || IsAddress(chunk))
                continue;
            var length = 0;
            var j = 0;
            while (j <= chunk.Length)
            {
                var width = 1;
                if (j < chunk.Length)
                {
                    if (Rune.DecodeFromUtf16(chunk[j..], out var rune, out width) == OperationStatus.Done && IsTokenRune(rune))
                    {
                        var lower = Rune.ToLowerInvariant(rune);
                        if (length + lower.Utf16SequenceLength <= token.Length)
                            lower.EncodeToUtf16(token[length..]);
                        length += lower.Utf16SequenceLength;
                        j += width;
                        continue;
                    }
                }
                if (length >= SearchText.MinTokenLength && length <= SearchText.MaxTokenLength)
                {
                    var found = token[..length];
                    if (IsIndexed(found) && !seenSpans.Contains(found))
                    {
                        var word = found.ToString();
                        seen.Add(word);
                        words.Add(word);
                        if (words.Count >= max)
                            return;
                    }
                }
                length = 0;
                j += width;
            }
        }
    }

    private static bool IsTokenRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsIndexed(ReadOnlySpan<char> token) =>
        !LazyStopWordSpans.Value.Contains(token) && token.ContainsAnyExceptInRange('0', '9');

    private static bool IsAddress(ReadOnlySpan<char> chunk) =>
        chunk.Contains('@') || chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    internal static string WithoutAddresses(string text)
    {
        var span = text.AsSpan();
        if (!span.Contains('@') && !span.Contains("://", StringComparison.Ordinal) && !span.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return text;
        StringBuilder? kept = null;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            var chunk = text.AsSpan(start, i - start);
            var address = chunk.Contains('@') || chunk.Contains("://", StringComparison.Ordinal)
                || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
            if (address)
                kept ??= new StringBuilder(text, 0, start, text.Length);
            else
                kept?.Append(chunk);
            var spaceStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            kept?.Append(text.AsSpan(spaceStart, i - spaceStart));
        }
        return kept?.ToString() ?? text;
    }

    private static HashSet<string> LoadStopWords()
    {
        using var stream = typeof(SearchProfileWords).Assembly.GetManifestResourceStream("Grapevine.Core.Discovery.Profiles.stopwords.json")
            ?? throw new InvalidOperationException("the stop-word list is not embedded in Grapevine.Core");
        using var document = JsonDocument.Parse(stream);
        return new HashSet<string>(
            document.RootElement.GetProperty("words").EnumerateArray().SelectMany(w => SearchText.Tokenize(w.GetString())), StringComparer.Ordinal);
    }
}
