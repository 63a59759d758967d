using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grapevine.Core.Discovery.Niches;

/// <summary>
/// The niches discovery knows, kept as data (Discovery/Niches/niches.json): each with keyword and hashtag lexicons
/// and the category values that map to it. A lexicon term is one word as <see cref="SearchText.Tokenize"/> cuts it
/// (hashtags may also hold '_'); a term may belong to several niches.
/// </summary>
public sealed class NicheTaxonomy
{
    private static readonly Lazy<NicheTaxonomy> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, NicheDefinition> _bySlug;
    private readonly Dictionary<string, string> _aliases;
    private readonly Dictionary<string, string> _aliasWords;

    private NicheTaxonomy(IReadOnlyList<NicheDefinition> niches, Dictionary<string, string> aliases)
    {
        Niches = niches;
        _bySlug = niches.ToDictionary(n => n.Slug, StringComparer.Ordinal);
        _aliases = aliases;
        // Single-word aliases let a longer category ("Fitness Model") be recognised by one of its words.
        _aliasWords = aliases.Where(a => !a.Key.Contains(' ', StringComparison.Ordinal)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    /// <summary>The shipped taxonomy.</summary>
    public static NicheTaxonomy Default => LazyDefault.Value;

    public IReadOnlyList<NicheDefinition> Niches { get; }

    public NicheDefinition? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    public bool Contains(string slug) => _bySlug.ContainsKey(slug);

    /// <summary>
    /// The niche an imported category means, or null. The category's words (lower case, punctuation dropped) are
    /// looked up as a whole among the aliases, slugs and names; failing that, when the single-word aliases found among
    /// its words all name the same niche, that niche ("Fitness Model" → fitness; "Sports and Outdoors" → null).
    /// </summary>
    public string? MapCategory(string? category)
    {
        var key = Key(category);
        if (key.Length == 0)
            return null;
        if (_aliases.TryGetValue(key, out var slug))
            return slug;
        string? found = null;
        foreach (var word in key.Split(' '))
        {
            if (!_aliasWords.TryGetValue(word, out var niche))
                continue;
            if (found is not null && found != niche)
                return null;
            found = niche;
        }
        return found;
    }

    /// <summary>Reads a taxonomy file (the format of niches.json); throws <see cref="NicheTaxonomyException"/> saying what is wrong.</summary>
    public static NicheTaxonomy Load(Stream json)
    {
        TaxonomyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TaxonomyFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new NicheTaxonomyException($"not a niche taxonomy: {e.Message}");
        }
        if (file?.Niches is not { Count: > 0 } entries)
            throw new NicheTaxonomyException("the taxonomy lists no niches");

        var niches = new List<NicheDefinition>(entries.Count);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var where = $"niche {index + 1}";
            var slug = entry.Slug?.Trim() ?? "";
            if (slug.Length is 0 or > 64 || slug.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
                throw new NicheTaxonomyException($"{where}: slug '{entry.Slug}' must be 1–64 characters of a–z, 0–9 and '-'");
            where = $"niche '{slug}'";
            if (niches.Any(n => n.Slug == slug))
                throw new NicheTaxonomyException($"{where} is listed twice");
            if (string.IsNullOrWhiteSpace(entry.Name))
                throw new NicheTaxonomyException($"{where} has no name");
            var keywords = Terms(entry.Keywords, where, "keyword", hashtag: false);
            var hashtags = Terms(entry.Hashtags, where, "hashtag", hashtag: true);
            if (keywords.Count + hashtags.Count == 0)
                throw new NicheTaxonomyException($"{where} has neither keywords nor hashtags");
            var names = new List<string>();
            foreach (var alias in (entry.Aliases ?? []).Append(slug).Append(entry.Name))
            {
                var key = Key(alias);
                if (key.Length == 0)
                    throw new NicheTaxonomyException($"{where}: alias '{alias}' has no words");
                if (aliases.TryGetValue(key, out var other) && other != slug)
                    throw new NicheTaxonomyException($"{where}: alias '{alias}' already maps to '{other}'");
                aliases[key] = slug;
                names.Add(alias);
            }
            niches.Add(new NicheDefinition(slug, entry.Name.Trim(), keywords, hashtags, names));
        }
        return new NicheTaxonomy(niches, aliases);
    }

    /// <summary>A category or alias as compared: its tokens joined by single spaces.</summary>
    internal static string Key(string? text) => string.Join(' ', SearchText.Tokenize(text));

    private static List<string> Terms(IReadOnlyList<string>? values, string where, string kind, bool hashtag)
    {
        var terms = new List<string>();
        foreach (var value in values ?? [])
        {
            var term = value?.Trim().TrimStart(hashtag ? '#' : ' ') ?? "";
            var valid = hashtag
                ? term.Length is >= 2 and <= 100 && term.All(c => c == '_' || (char.IsLetterOrDigit(c) && !char.IsUpper(c)))
                : SearchText.Tokenize(term).SequenceEqual([term]);
            if (!valid)
                throw new NicheTaxonomyException($"{where}: {kind} '{value}' must be one lower-case word");
            if (!terms.Contains(term))
                terms.Add(term);
        }
        return terms;
    }

    private static NicheTaxonomy LoadEmbedded()
    {
        using var stream = typeof(NicheTaxonomy).Assembly.GetManifestResourceStream("Grapevine.Core.Discovery.Niches.niches.json")
            ?? throw new InvalidOperationException("the niche taxonomy is not embedded in Grapevine.Core");
        return Load(stream);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record TaxonomyFile(List<NicheEntry>? Niches);

    private sealed record NicheEntry(string? Slug, string? Name, List<string>? Aliases, List<string>? Keywords, List<string>? Hashtags);
}
