using System.Globalization;
using System.Text;

namespace Grapevine.Core.Vetting;

/// <summary>Sorts a comment into a <see cref="CommentKind"/> by its words; unicode-aware, case-insensitive.</summary>
public static class CommentClassifier
{
    public const int VeryShortWords = 2;
    public const int MaxGenericWords = 6;

    // Words of praise that fit any post in any niche; a comment made only of these says nothing about the post.
    private static readonly HashSet<string> GenericWords =
    [
        "nice", "pic", "pics", "photo", "picture", "shot", "great", "post", "love", "loved", "it", "this", "that", "amazing", "wow",
        "so", "very", "beautiful", "awesome", "content", "cool", "perfect", "stunning", "gorgeous", "lovely", "super", "good",
        "wonderful", "pretty", "omg", "yes", "best", "fire", "lit", "insane", "incredible", "fantastic", "excellent", "cute",
        "wowww", "woww", "nicee", "niceee", "fab", "fabulous", "beauty", "the", "a", "such", "what", "just", "really", "keep",
        "up", "work", "job", "well", "done", "goals", "vibes", "feed", "account", "page", "bro", "dear", "girl", "queen",
    ];

    // Phrases of promotion and solicitation that bots leave under posts.
    private static readonly string[] SpamPhrases =
    [
        "dm us", "dm me", "check your dm", "check your dms", "check my page", "check my profile", "check out my page",
        "visit our profile", "visit my profile", "collab offer", "to collaborate", "promote it", "get featured",
        "more followers", "free followers", "buy followers", "earn money", "work with you", "send this pic",
    ];

    public static CommentKind Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CommentKind.EmojiOnly;
        var words = Words(text);
        if (words.Count == 0)
            return CommentKind.EmojiOnly;
        var joined = " " + string.Join(' ', words) + " ";
        foreach (var phrase in SpamPhrases)
        {
            if (joined.Contains(" " + phrase + " ", StringComparison.Ordinal))
                return CommentKind.Spam;
        }
        if (words.Count <= MaxGenericWords && words.All(GenericWords.Contains))
            return CommentKind.Generic;
        return words.Count <= VeryShortWords ? CommentKind.VeryShort : CommentKind.Substantive;
    }

    /// <summary>Lower-case runs of letters and digits (apostrophes inside a word kept), in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && (rune.Value == '\'' || IsCombiningMark(rune))))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().TrimEnd('\''));
                current.Clear();
            }
        }
        if (current.Length > 0)
            words.Add(current.ToString().TrimEnd('\''));
        // Repeated letters are one word ("niceeee" → "nicee") only through the generic list; keep the text as written.
        return words;
    }

    // Accents written as combining marks belong to their letter; emoji variation selectors (U+FE0F after ❤) do not.
    internal static bool IsCombiningMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        && rune.Value is not (>= 0xFE00 and <= 0xFE0F) and not (>= 0xE0100 and <= 0xE01EF);
}
