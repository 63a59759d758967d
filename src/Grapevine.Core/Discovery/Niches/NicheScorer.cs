using System.Globalization;
using System.Text;

namespace Grapevine.Core.Discovery.Niches;

/// <summary>
/// Scores an account's niches from its text with TF-IDF over the taxonomy's lexicons (docs/discovery-data.md):
/// <code>
/// tf(t)    = Σ weight of each occurrence of term t   (profile text 3, caption hashtag 2, caption word 1;
///                                                     a lexicon term found inside a longer hashtag or handle word × 0.5)
/// idf(t)   = ln(1 + K / df(t))                        (K niches, df(t) of them list t)
/// raw(n)   = Σ over the terms t of niche n: idf(t) × ln(1 + tf(t))
/// share(n) = raw(n) / Σ raw                            (blended 50/50 with the imported category's niche, if it maps)
/// score(n) = 100 × share(n), rounded by largest remainder; scores under 5 are dropped
/// confidence = (share₁ − share₂) / share₁ × (1 − exp(−E / 6)),  E = Σ over matched terms of idf(t) × ln(1 + tf(t))
///              (+ 6 when the category maps)
/// </code>
/// Pure and thread-safe.
/// </summary>
public sealed class NicheScorer
{
    public const double ProfileWeight = 3;
    public const double HashtagWeight = 2;
    public const double CaptionWordWeight = 1;
    public const double CompoundFactor = 0.5;
    public const double CategoryShare = 0.5;
    public const double EvidenceScale = 6;
    public const int MinScore = 5;
    public const int MinCompoundPart = 4;

    private static readonly Lazy<NicheScorer> LazyDefault = new(() => new NicheScorer(NicheTaxonomy.Default));

    private readonly NicheTaxonomy _taxonomy;
    private readonly Dictionary<string, Term> _terms;
    private readonly Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestTerm;

    public NicheScorer(NicheTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        var niches = taxonomy.Niches;
        var members = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var n = 0; n < niches.Count; n++)
        {
            foreach (var term in niches[n].Keywords.Concat(niches[n].Hashtags))
            {
                if (!members.TryGetValue(term, out var set))
                    members[term] = set = [];
                set.Add(n);
            }
        }
        _terms = members.ToDictionary(
            m => m.Key, m => new Term([.. m.Value], Math.Log(1 + (double)niches.Count / m.Value.Count)), StringComparer.Ordinal);
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestTerm = _terms.Keys.Max(k => k.Length);
    }

    public static NicheScorer Default => LazyDefault.Value;

    public NicheTaxonomy Taxonomy => _taxonomy;

    /// <summary>The inverse niche frequency of a lexicon term, or null when no niche lists it.</summary>
    public double? Idf(string term) => _terms.TryGetValue(term, out var t) ? t.Idf : null;

    public NicheAssessment Score(NicheEvidence evidence)
    {
        var categoryNiche = _taxonomy.MapCategory(evidence.Category);
        var tf = new Dictionary<Term, double>();
        Scan(evidence.Handle, tf, ProfileWeight, ProfileWeight, compoundWords: true);
        Scan(evidence.DisplayName, tf, ProfileWeight, ProfileWeight, compoundWords: false);
        Scan(evidence.Bio, tf, ProfileWeight, ProfileWeight, compoundWords: false);
        if (categoryNiche is null)
            Scan(evidence.Category, tf, ProfileWeight, ProfileWeight, compoundWords: false);
        foreach (var caption in evidence.Captions ?? [])
            Scan(caption, tf, CaptionWordWeight, HashtagWeight, compoundWords: false);

        var count = _taxonomy.Niches.Count;
        var raw = new double[count];
        var evidenceTotal = 0.0;
        foreach (var (term, frequency) in tf)
        {
            var weight = term.Idf * Math.Log(1 + frequency);
            evidenceTotal += weight;
            foreach (var n in term.Niches)
                raw[n] += weight;
        }
        var total = raw.Sum();
        var category = categoryNiche is null ? -1 : IndexOf(categoryNiche);
        if (total <= 0 && category < 0)
            return NicheAssessment.None;

        var shares = new double[count];
        for (var n = 0; n < count; n++)
            shares[n] = total > 0 ? raw[n] / total : 0;
        if (category >= 0)
        {
            var textShare = total > 0 ? 1 - CategoryShare : 0;
            for (var n = 0; n < count; n++)
                shares[n] = shares[n] * textShare + (n == category ? 1 - textShare : 0);
            evidenceTotal += EvidenceScale;
        }

        // Primary: the largest share; ties go to the category's niche, then to taxonomy order.
        var primary = category >= 0 ? category : 0;
        for (var n = 0; n < count; n++)
        {
            if (shares[n] > shares[primary])
                primary = n;
        }
        var runnerUp = 0.0;
        for (var n = 0; n < count; n++)
        {
            if (n != primary)
                runnerUp = Math.Max(runnerUp, shares[n]);
        }
        var margin = (shares[primary] - runnerUp) / shares[primary];
        var confidence = Math.Round(margin * (1 - Math.Exp(-evidenceTotal / EvidenceScale)), 3);

        var scores = LargestRemainder(shares);
        var result = new List<NicheScore>();
        foreach (var n in Enumerable.Range(0, count).OrderByDescending(n => scores[n]).ThenBy(n => n == primary ? 0 : 1).ThenBy(n => n))
        {
            if (scores[n] >= MinScore)
                result.Add(new NicheScore(_taxonomy.Niches[n].Slug, scores[n]));
        }
        return new NicheAssessment(result, _taxonomy.Niches[primary].Slug, confidence, categoryNiche);
    }

    /// <summary>Integer percentages summing to exactly 100: floors, then one more to the largest remainders (ties by taxonomy order).</summary>
    internal static int[] LargestRemainder(double[] shares)
    {
        var scores = new int[shares.Length];
        var remainders = new double[shares.Length];
        var assigned = 0;
        for (var n = 0; n < shares.Length; n++)
        {
            var exact = shares[n] * 100;
            scores[n] = (int)Math.Floor(exact + 1e-9);
            remainders[n] = exact - scores[n];
            assigned += scores[n];
        }
        foreach (var n in Enumerable.Range(0, shares.Length).Where(n => shares[n] > 0).OrderByDescending(n => remainders[n]).ThenBy(n => n).Take(Math.Max(0, 100 - assigned)))
            scores[n]++;
        return scores;
    }

    private int IndexOf(string slug)
    {
        for (var n = 0; n < _taxonomy.Niches.Count; n++)
        {
            if (_taxonomy.Niches[n].Slug == slug)
                return n;
        }
        return -1;
    }

    /// <summary>
    /// Walks a text: '#' starts a hashtag (letters, digits, marks, '_'); '@' starts a mention and a chunk with '@' inside
    /// (an address) is skipped, as are web addresses; every other run of letters, digits and marks is a word.
    /// </summary>
    private void Scan(string? text, Dictionary<Term, double> tf, double wordWeight, double hashtagWeight, bool compoundWords)
    {
        if (string.IsNullOrEmpty(text))
            return;
        var token = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                i = Read(text, i + 1, token, hashtag: true);
                Match(token, tf, hashtagWeight, compound: true);
                continue;
            }
            if (c == '@' || StartsAddress(text, i))
            {
                i = SkipChunk(text, i);
                continue;
            }
            if (!Rune.TryGetRuneAt(text, i, out var rune) || !IsWordRune(rune, hashtag: false))
            {
                i += Rune.TryGetRuneAt(text, i, out var skipped) ? skipped.Utf16SequenceLength : 1;
                continue;
            }
            var end = Read(text, i, token, hashtag: false);
            if (end < text.Length && text[end] == '@')
            {
                // name@domain: an address, not words.
                i = SkipChunk(text, end);
                continue;
            }
            i = end;
            Match(token, tf, wordWeight, compound: compoundWords);
        }
    }

    private static int Read(string text, int start, StringBuilder token, bool hashtag)
    {
        token.Clear();
        var i = start;
        Span<char> pair = stackalloc char[2];
        while (i < text.Length && Rune.TryGetRuneAt(text, i, out var rune) && IsWordRune(rune, hashtag))
        {
            if (rune.IsBmp)
                token.Append(char.ToLowerInvariant((char)rune.Value));
            else
                token.Append(pair[..Rune.ToLowerInvariant(rune).EncodeToUtf16(pair)]);
            i += rune.Utf16SequenceLength;
        }
        return i;
    }

    private static bool IsWordRune(Rune rune, bool hashtag) =>
        Rune.IsLetterOrDigit(rune) || (hashtag && rune.Value == '_')
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool StartsAddress(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]))
        && (text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    private static int SkipChunk(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private void Match(StringBuilder builder, Dictionary<Term, double> tf, double weight, bool compound)
    {
        if (builder.Length < SearchText.MinTokenLength || builder.Length > 100)
            return;
        Span<char> buffer = stackalloc char[builder.Length];
        builder.CopyTo(0, buffer, builder.Length);
        ReadOnlySpan<char> token = buffer.TrimEnd('_');
        if (Find(token) is { } term)
        {
            Add(tf, term, weight);
            return;
        }
        if (!compound || token.Length < MinCompoundPart + 2)
            return;
        // A hashtag or handle made of words ("veganrecipes", "glowwithmia"): its longest lexicon prefix and suffix count half.
        for (var length = Math.Min(token.Length - 2, _longestTerm); length >= MinCompoundPart; length--)
        {
            if (_lookup.TryGetValue(token[..length], out var prefix))
            {
                Add(tf, prefix, weight * CompoundFactor);
                break;
            }
        }
        for (var length = Math.Min(token.Length - 2, _longestTerm); length >= MinCompoundPart; length--)
        {
            if (_lookup.TryGetValue(token[^length..], out var suffix))
            {
                Add(tf, suffix, weight * CompoundFactor);
                break;
            }
        }
    }

    /// <summary>The term itself, or its singular when it ends in a plain 's' ("workouts" → "workout").</summary>
    private Term? Find(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out var term))
            return term;
        if (token.Length > 3 && token[^1] == 's' && token[^2] != 's' && _lookup.TryGetValue(token[..^1], out term))
            return term;
        return null;
    }

    private static void Add(Dictionary<Term, double> tf, Term term, double weight) =>
        tf[term] = tf.GetValueOrDefault(term) + weight;

    /// <summary>A lexicon term: the niches (taxonomy indexes) that list it and its inverse niche frequency.</summary>
    private sealed class Term(int[] niches, double idf)
    {
        public int[] Niches { get; } = niches;
        public double Idf { get; } = idf;
    }
}
