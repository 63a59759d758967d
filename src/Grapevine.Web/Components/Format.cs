using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Niches;
using Microsoft.AspNetCore.Components;

namespace Grapevine.Web.Components;

/// <summary>How numbers, dates and names read on the pages. Unknown values say so instead of showing 0.</summary>
public static class Format
{
    public const string Unknown = "unknown";

    /// <summary>The tooltip of every "unknown" on the pages (docs/conventions.md).</summary>
    public const string UnknownTitle = "Not in the data Grapevine has. Unknown never stands for zero.";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// A value as a table cell or fact shows it: the text, or, when it is missing (null, empty or already
    /// <see cref="Unknown"/>), the word "unknown" styled as absent and with <see cref="UnknownTitle"/> as its tooltip.
    /// The one way every page shows an unknown value; never a dash, never 0.
    /// </summary>
    public static RenderFragment Show(string? text) => builder =>
    {
        if (string.IsNullOrWhiteSpace(text) || text == Unknown)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "unknown");
            builder.AddAttribute(2, "title", UnknownTitle);
            builder.AddContent(3, Unknown);
            builder.CloseElement();
        }
        else
        {
            builder.AddContent(4, text);
        }
    };

    public static string Count(long? value) => value?.ToString("N0", Culture) ?? Unknown;

    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", Culture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", Culture) + "k",
        >= 1_000 => (value / 1_000).ToString("0.##", Culture) + "k",
        _ => value.ToString("0.##", Culture),
    };

    public static string Percent(double? value, int decimals = 2) =>
        value is { } v ? v.ToString("F" + decimals, Culture) + "%" : Unknown;

    // Rounded first, so that -0.03 reads 0.0%, not -0.0%.
    public static string SignedPercent(double? value)
    {
        if (value is not { } v)
            return Unknown;
        var rounded = Math.Round(v, 1);
        return rounded == 0 ? "0.0%" : (rounded > 0 ? "+" : "") + rounded.ToString("F1", Culture) + "%";
    }

    /// <summary>"a" or "an" before a word, by its first letter (a nano, an Instagram, an emerging).</summary>
    public static string Article(string word) => word is [var c, ..] && "aeiouAEIOU".Contains(c) ? "an" : "a";

    /// <summary>A metric's value with its unit, e.g. "3.42%", "2.3 posts/week", "12,400 views", "1.35×".</summary>
    public static string Metric(double? value, string unit) => value switch
    {
        null => Unknown,
        { } v => unit switch
        {
            "%" => v.ToString("0.00", Culture) + "%",
            "×" => v.ToString("0.00", Culture) + "×",
            "views" => v.ToString("N0", Culture) + " views",
            _ => v.ToString("0.0", Culture) + " " + unit,
        },
    };

    public static string Date(DateTime? value) => value?.ToString("d MMM yyyy", Culture) ?? Unknown;

    public static string ShortDate(DateTime value) => value.ToString("d MMM", Culture);

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => Unknown };

    public static string Platform(string name) => CatalogueNames.TryParsePlatform(name, out var platform) ? platform.DisplayName() : name;

    /// <summary>
    /// How a niche or an account's category reads on every page: a niche slug or niche name (any casing, dashes or
    /// spaces) is the taxonomy's name ("home-interior" → "Home &amp; interior"); any other category as written, capitalised.
    /// </summary>
    public static string Niche(string? nicheOrCategory)
    {
        if (string.IsNullOrWhiteSpace(nicheOrCategory))
            return Unknown;
        var text = nicheOrCategory.Trim();
        var slug = text.ToLowerInvariant().Replace(' ', '-');
        var niche = NicheTaxonomy.Default.Find(slug)
            ?? NicheTaxonomy.Default.Niches.FirstOrDefault(n => string.Equals(n.Name, text, StringComparison.OrdinalIgnoreCase));
        return niche?.Name ?? Capitalize(text);
    }

    public static string Capitalize(string? text) =>
        string.IsNullOrEmpty(text) ? Unknown : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Excerpt(string? text, int length = 90)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }

    /// <summary>Numbers are written with the invariant culture so that SVG attributes never get a decimal comma.</summary>
    public static string Svg(double value) => value.ToString("0.##", Culture);

    /// <summary>A stable colour for an account's avatar, so neighbouring rows are told apart at a glance.</summary>
    public static int Hue(string handle) => (int)((uint)handle.Aggregate(17, (h, c) => unchecked(h * 31 + c)) % 360);

    public static string AccountPath(string platform, string handle) =>
        $"/accounts/{Uri.EscapeDataString(platform)}/{Uri.EscapeDataString(handle)}";
}
