using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Profiles;

namespace Grapevine.Tests.Discovery.Profiles;

public sealed class SearchProfileWordsTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    // The definition Collect must keep: SearchText.Tokenize of the text without its addresses, indexed tokens, each once.
    private static List<string> Reference(IEnumerable<string?> texts, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text) || words.Count >= max)
                continue;
            foreach (var token in SearchText.Tokenize(SearchProfileWords.WithoutAddresses(text)))
            {
                if (!SearchProfileWords.IsIndexed(token) || !seen.Add(token))
                    continue;
                words.Add(token);
                if (words.Count >= max)
                    break;
            }
        }
        return words;
    }

    private static List<string> Collected(IEnumerable<string?> texts, int max, HashSet<string> seen)
    {
        var words = new List<string>();
        foreach (var text in texts)
            SearchProfileWords.Collect(text, seen, words, max);
        return words;
    }

    [Fact]
    public void Collect_gives_the_tokens_of_SearchText_without_addresses()
    {
        string[] handMade =
        [
            "New #Recipe with @Bob at bob@example.com, see https://x.y/z or www.Shop.com — 2024 ÉTÉ straße İstanbul",
            "café\u0301 naïve résumé ﬁne ǅemal 𝐁𝐨𝐥𝐝 𝒮𝒸𝓇𝒾𝓅𝓉 😀emoji😀 日本語のテキスト Ελληνικά КИРИЛЛИЦА",
            "a b cd 12 123abc 0000 the and of " + new string('x', 40) + " " + new string('y', 41) + " " + new string('é', 39) + "\u0301\u0301",
            "lone \ud800 high \udc00 low \ud800x tab\tnbsp\u00a0line\nbreak WWW.upper.com x://y @start end@",
            "", "   ", "#", "@", "İİ", "\u0130abc",
        ];
        var random = new Random(7);
        const string pool = "abcXYZ éÉß İı 0129 #@_.:/-\t\n\u00a0\u0301\u0903\ud835\udc01\ud800\udc00\ud83d\ude00日本";
        var generated = Enumerable.Range(0, 3000).Select(_ =>
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 80); i > 0; i--)
                text.Append(pool[random.Next(pool.Length)]);
            return text.ToString();
        });
        var demo = new DemoGenerator(new DemoOptions(200, 5, Now)).Generate()
            .SelectMany(a => new[] { a.Account.Bio, a.Account.DisplayName }.Concat(a.Posts.Select(p => p.Caption)));
        string?[] texts = [.. handMade, .. generated, .. demo];

        foreach (var text in texts)
            Assert.Equal(Reference([text], int.MaxValue), Collected([text], int.MaxValue, new HashSet<string>(StringComparer.Ordinal)));
        foreach (var chunk in texts.Chunk(40))
        {
            Assert.Equal(Reference(chunk, SearchProfileBuilder.MaxWords),
                Collected(chunk, SearchProfileBuilder.MaxWords, new HashSet<string>(StringComparer.Ordinal)));
        }
        // A set with another comparer takes the string path, with the same result.
        Assert.Equal(Reference(texts.Take(100), 500), Collected(texts.Take(100), 500, new HashSet<string>(StringComparer.OrdinalIgnoreCase)));
        Assert.True(Reference(texts, int.MaxValue).Count > 200, "the texts hold too few distinct words to prove much");
    }

    [Fact]
    public void Terms_count_uses_and_keep_the_latest_use()
    {
        var older = new ProfilePost(Now.AddDays(-3), PostType.Photo, "x", "vegan  food", "bob", 1, 1);
        var newer = new ProfilePost(Now.AddDays(-1), PostType.Photo, "x", "vegan", null, 1, 1);
        var tooLong = new ProfilePost(Now.AddDays(-2), PostType.Photo, "x", new string('a', SearchProfileBuilder.MaxTermLength), "", 1, 1);
        var terms = SearchProfileBuilder.Terms(5, [older, tooLong, newer]);
        Assert.Equal(["#vegan", "#food", "@bob"], terms.Select(t => t.Term));
        Assert.Equal([2, 1, 1], terms.Select(t => t.Uses));
        Assert.Equal(SearchProfileBuilder.UnixSeconds(newer.PostedAt), terms[0].LastUsedAt);
        Assert.All(terms, t => Assert.Equal(5, t.AccountId));
    }
}
