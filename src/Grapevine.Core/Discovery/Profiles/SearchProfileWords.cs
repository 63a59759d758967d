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

    public static IReadOnlySet<string> StopWords => LazyStopWords.Value;

    public static bool IsIndexed(string token) => !LazyStopWords.Value.Contains(token) && !token.All(char.IsAsciiDigit);

    /// <summary>
    /// Adds the indexed tokens of <paramref name="text"/> to <paramref name="words"/> in order, each once, until it
    /// holds <paramref name="max"/>. Mentions, e-mail and web addresses (a whitespace-separated chunk with '@', "://"
    /// or starting "www.") are left out: they name others, not the account.
    /// </summary>
    public static void Collect(string? text, HashSet<string> seen, List<string> words, int max)
    {
        if (string.IsNullOrEmpty(text) || words.Count >= max)
            return;
        foreach (var token in SearchText.Tokenize(WithoutAddresses(text)))
        {
            if (!IsIndexed(token) || !seen.Add(token))
                continue;
            words.Add(token);
            if (words.Count >= max)
                return;
        }
    }

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
