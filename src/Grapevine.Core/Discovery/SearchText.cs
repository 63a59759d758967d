using System.Globalization;
using System.Text;

namespace Grapevine.Core.Discovery;

/// <summary>
/// The one tokenizer of discovery: profile words and query words both go through it, so the in-process index,
/// SQLite FTS5 (unicode61) and PostgreSQL ('simple') all see the same tokens. A token is a run of letters and
/// digits, lower-cased invariantly, 2 to 40 characters long.
/// </summary>
public static class SearchText
{
    public const int MinTokenLength = 2;
    public const int MaxTokenLength = 40;

    public static IEnumerable<string> Tokenize(string? text) =>
        Runs(text).Where(run => run.Length is >= MinTokenLength and <= MaxTokenLength);

    /// <summary>
    /// Every run of letters and digits, lower-cased, whatever its length: what <see cref="Tokenize"/> reads, before it
    /// drops the runs that are too short or too long. For saying what a query ignored.
    /// </summary>
    public static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var token = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                token.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }
            if (token.Length > 0)
                yield return token.ToString();
            token.Clear();
        }
        if (token.Length > 0)
            yield return token.ToString();
    }
}
