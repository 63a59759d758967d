using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Grapevine.Core.BrandSafety;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Tells, without allocating, whether a text may hold a keyword of a brand-safety lexicon, so that the scanner (which
/// tokenizes and allocates per word) only reads the few captions that might match. A text passes when one of its
/// <see cref="SearchText"/>-style tokens equals a token of some keyword's first word ("#craft_beer" → craft, beer). When
/// a keyword's first word has no such token (one letter, over 40), every text passes.
/// </summary>
internal sealed class SafetyPrefilter
{
    private static readonly ConditionalWeakTable<BrandSafetyLexicon, SafetyPrefilter> Cache = [];

    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _passAll;

    private SafetyPrefilter(BrandSafetyLexicon lexicon)
    {
        foreach (var keyword in lexicon.Categories.SelectMany(c => c.Keywords))
        {
            var first = keyword.Trim().TrimStart('#').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var tokens = SearchText.Tokenize(first?.Replace('_', ' ')).ToList();
            if (first is not null && tokens.Count == 0)
                _passAll = true;
            _tokens.UnionWith(tokens);
        }
        _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static SafetyPrefilter For(BrandSafetyLexicon lexicon) => Cache.GetValue(lexicon, l => new SafetyPrefilter(l));

    public bool MayMatch(string text)
    {
        if (_passAll)
            return true;
        Span<char> token = stackalloc char[SearchText.MaxTokenLength + 2];
        var length = 0;
        var i = 0;
        while (i <= text.Length)
        {
            var inToken = false;
            var width = 1;
            if (i < text.Length && Rune.TryGetRuneAt(text, i, out var rune))
            {
                width = rune.Utf16SequenceLength;
                var category = Rune.GetUnicodeCategory(rune);
                if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                {
                    inToken = true;
                    var lower = Rune.ToLowerInvariant(rune);
                    if (length + lower.Utf16SequenceLength <= token.Length)
                        length += lower.EncodeToUtf16(token[length..]);
                    else
                        length = token.Length + 1; // too long to be a keyword token
                }
            }
            if (!inToken)
            {
                if (length >= SearchText.MinTokenLength && length <= token.Length && _lookup.Contains(token[..length]))
                    return true;
                length = 0;
            }
            i += width;
        }
        return false;
    }
}
