using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Finds a lexicon's keywords in captions: whole words only, case-insensitive, unicode-aware. A keyword written with
/// '#' matches only that hashtag; a plain keyword matches the word anywhere, also as a whole hashtag ("beer" finds
/// "#beer" but not "#craftbeer" or "beers"); a keyword of several words matches them in a row.
/// </summary>
public static class BrandSafetyScanner
{
    private const int ExcerptRadius = 40;

    /// <summary>How many keywords of one category the sentence names before it says how many more there are.</summary>
    public const int KeywordsNamed = 4;

    public const string Formula = "whole_word_keyword_matches_in_captions";

    private sealed record Keyword(string Category, string Text, string[] Words, bool HashtagOnly);

    private readonly record struct Token(string Text, bool IsHashtag, int Start, int End);

    private static readonly ConditionalWeakTable<BrandSafetyLexicon, Dictionary<string, List<Keyword>>> Compiled = [];

    /// <summary>Every (category, keyword) found in each post's caption, once per post, newest post first.</summary>
    public static List<BrandSafetyMatch> Scan(Platform platform, string handle, IEnumerable<VettingPost> posts, BrandSafetyLexicon lexicon)
    {
        var byFirstWord = Compiled.GetValue(lexicon, Compile);
        var matches = new List<BrandSafetyMatch>();
        foreach (var post in posts.OrderByDescending(p => p.PostedAt))
        {
            if (string.IsNullOrEmpty(post.Caption))
                continue;
            var tokens = Tokenize(post.Caption);
            // One match per keyword per post, and one per category at a place ("beer" and "#beer" both find "#beer").
            HashSet<(string, string)>? seen = null;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!byFirstWord.TryGetValue(tokens[i].Text, out var candidates))
                    continue;
                foreach (var keyword in candidates)
                {
                    if (!Matches(keyword, tokens, i) || (seen ??= []).Contains((keyword.Category, keyword.Text))
                        || !seen.Add((keyword.Category, "@" + i.ToString(CultureInfo.InvariantCulture))))
                        continue;
                    seen.Add((keyword.Category, keyword.Text));
                    var end = tokens[i + keyword.Words.Length - 1].End;
                    matches.Add(new BrandSafetyMatch(keyword.Category, keyword.Text, post.PostId, post.PostedAt,
                        PostLinks.For(platform, handle, post.PostId), Excerpt(post.Caption, tokens[i].Start, end)));
                }
            }
        }
        return matches;
    }

    public static VettingSignal Signal(IReadOnlyList<VettingPost> posts, IReadOnlyList<BrandSafetyMatch> matches, BrandSafetyLexicon lexicon)
    {
        const string label = "Brand safety";
        var lists = lexicon.Categories.Where(c => c.Keywords.Any(k => !string.IsNullOrWhiteSpace(k))).Select(c => c.Name).ToList();
        if (lists.Count == 0)
        {
            // Nothing to match against is not a pass: the signal is not checked, so it never helps towards green.
            return new VettingSignal("brand_safety", label, null, "posts", "no caption matching the workspace's brand-safety lists",
                SignalVerdict.NotEnoughData, "Not checked: this workspace has no brand-safety lists.", Formula, 0, null, null);
        }
        var scanned = posts.Where(p => !string.IsNullOrEmpty(p.Caption)).ToList();
        // The shipped lists are the default object itself (a workspace that never edited its lists, and the CLI, use it).
        var whose = ReferenceEquals(lexicon, BrandSafetyLexicon.Default) ? "Grapevine's default brand-safety categories" : "the workspace's brand-safety categories";
        var expected = $"no caption matching {whose} ({string.Join(", ", lists)})";
        if (scanned.Count == 0)
        {
            return new VettingSignal("brand_safety", label, null, "posts", expected, SignalVerdict.NotEnoughData,
                "Not enough data: no caption of the account is known.", Formula, 0, null, null);
        }
        var start = scanned.Min(p => p.PostedAt);
        var end = scanned.Max(p => p.PostedAt);
        var flagged = matches.Select(m => m.PostId).Distinct().Count();
        if (flagged == 0)
        {
            var none = scanned.Count == 1
                ? "The 1 known caption matches no brand-safety keyword."
                : $"None of {Plural.Of(scanned.Count, "caption")} matches a brand-safety keyword.";
            return new VettingSignal("brand_safety", label, 0, "posts", expected, SignalVerdict.Ok, none, Formula, scanned.Count, start, end);
        }
        var found = string.Join("; ", matches.GroupBy(m => m.Category).Select(g => $"{g.Key} ({Keywords(g.Select(m => m.Keyword).Distinct().ToList())})"));
        return new VettingSignal("brand_safety", label, flagged, "posts", expected, SignalVerdict.Watch,
            $"{flagged} of {Plural.Of(scanned.Count, "caption")} {(flagged == 1 ? "matches" : "match")}: {found}. Read the linked posts before deciding.",
            Formula, scanned.Count, start, end);
    }

    private static string Keywords(IReadOnlyList<string> keywords) =>
        string.Join(", ", keywords.Take(KeywordsNamed))
        + (keywords.Count > KeywordsNamed ? $" and {(keywords.Count - KeywordsNamed).ToString(CultureInfo.InvariantCulture)} more" : "");

    private static bool Matches(Keyword keyword, List<Token> tokens, int at)
    {
        if (at + keyword.Words.Length > tokens.Count)
            return false;
        if (keyword.HashtagOnly)
            return tokens[at].IsHashtag;
        if (keyword.Words.Length == 1)
            return true;
        for (var k = 0; k < keyword.Words.Length; k++)
        {
            if (tokens[at + k].IsHashtag || tokens[at + k].Text != keyword.Words[k])
                return false;
        }
        return true;
    }

    private static Dictionary<string, List<Keyword>> Compile(BrandSafetyLexicon lexicon)
    {
        var byFirstWord = new Dictionary<string, List<Keyword>>(StringComparer.Ordinal);
        foreach (var category in lexicon.Categories)
        {
            foreach (var raw in category.Keywords)
            {
                var text = raw.Trim();
                var hashtag = text.StartsWith('#');
                var tokens = Tokenize(hashtag ? text : text.Replace("#", " ", StringComparison.Ordinal));
                if (tokens.Count == 0 || (hashtag && tokens.Count != 1))
                    continue;
                var words = tokens.Select(t => t.Text).ToArray();
                if (!byFirstWord.TryGetValue(words[0], out var list))
                    byFirstWord[words[0]] = list = [];
                list.Add(new Keyword(category.Name, text.ToLowerInvariant(), words, hashtag));
            }
        }
        return byFirstWord;
    }

    /// <summary>Words (runs of letters, digits and combining marks) and hashtags ('#' then letters, digits or '_'), lower case.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var hashtag = text[i] == '#';
            var start = hashtag ? i + 1 : i;
            var end = start;
            while (end < text.Length && Rune.TryGetRuneAt(text, end, out var rune) && IsWordRune(rune, hashtag, continuing: end > start))
                end += rune.Utf16SequenceLength;
            if (end > start)
            {
                tokens.Add(new Token(text[start..end].ToLowerInvariant(), hashtag, i, end));
                i = end;
            }
            else
            {
                i += Rune.TryGetRuneAt(text, i, out var skipped) ? skipped.Utf16SequenceLength : 1;
            }
        }
        return tokens;
    }

    private static bool IsWordRune(Rune rune, bool hashtag, bool continuing) =>
        Rune.IsLetterOrDigit(rune) || (hashtag && rune.Value == '_') || (continuing && CommentClassifier.IsCombiningMark(rune));

    private static string Excerpt(string caption, int start, int end)
    {
        var from = Math.Max(0, start - ExcerptRadius);
        var to = Math.Min(caption.Length, end + ExcerptRadius);
        // Never cut a surrogate pair in half.
        if (from > 0 && char.IsLowSurrogate(caption[from]))
            from--;
        if (to < caption.Length && char.IsLowSurrogate(caption[to]))
            to++;
        var excerpt = caption[from..to].ReplaceLineEndings(" ").Trim();
        return (from > 0 ? "…" : "") + excerpt + (to < caption.Length ? "…" : "");
    }
}
