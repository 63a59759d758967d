using System.Globalization;
using System.Text;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Plausible handles for creators and usernames for their followers.</summary>
internal static class DemoUsernames
{
    public const int MaxLength = 30;

    private static readonly string[] FakeSyllables = ["ka", "lo", "mi", "zu", "re", "ta", "xo", "vi", "ne", "qu", "sa", "po", "da", "jy", "fe"];

    /// <summary>SRF's fakes have three or more digits in their username five times as often as real followers.</summary>
    public static bool IsDigitHeavy(string username) => username.Count(char.IsAsciiDigit) >= 3;

    /// <summary>Lower-case ASCII letters and digits only: "Müller" → "muller", "de Jong" → "dejong".</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static string CreatorHandle(Random random, string first, string last, string word)
    {
        var f = Slug(first);
        var l = Slug(last);
        var handle = random.Next(10) switch
        {
            0 => $"{f}{l}",
            1 => $"{f}.{l}",
            2 => $"{f}_{l}",
            3 => $"{f}{word}",
            4 => $"{f}.{word}",
            5 => $"{f}_{word}",
            6 => $"{word}with{f}",
            7 => $"{f}s{word}",
            8 => $"{f}{l}{random.Next(10, 100)}",
            _ => $"{f}.{l[..Math.Min(1, l.Length)]}.{word}",
        };
        return Truncate(handle);
    }

    /// <summary>A different handle for a creator whose first choice was taken.</summary>
    public static string Disambiguate(Random random, string handle) => random.Next(3) switch
    {
        0 => Truncate(handle, MaxLength - 3) + random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
        1 => Truncate(handle, MaxLength - 4) + "_" + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture),
        _ => "the" + Truncate(handle, MaxLength - 5) + random.Next(1, 10).ToString(CultureInfo.InvariantCulture),
    };

    public static string RealFollower(Random random, string first, string last, string word, bool digitHeavy)
    {
        var f = Slug(first);
        var l = Slug(last);
        var name = random.Next(8) switch
        {
            0 => $"{f}{l}",
            1 => $"{f}.{l}",
            2 => $"{f}_{l}",
            3 => $"{f}.{word}",
            4 => $"{f}{l[..Math.Min(1, l.Length)]}",
            5 => $"_{f}.{l}_",
            6 => $"{f}_{word}",
            _ => $"{l}.{f}",
        };
        if (digitHeavy)
            return Truncate(name, MaxLength - 4) + random.Next(100, 10000).ToString(CultureInfo.InvariantCulture);
        // Two-digit years and numbers are common among real people too.
        return random.Chance(0.25) ? Truncate(name, MaxLength - 2) + random.Next(1, 100).ToString(CultureInfo.InvariantCulture) : Truncate(name);
    }

    /// <summary>Usernames of bought followers: digit runs, random syllables, recycled first names.</summary>
    public static string FakeFollower(Random random, string first, bool digitHeavy)
    {
        var f = Slug(first);
        if (digitHeavy)
        {
            return random.Next(4) switch
            {
                0 => $"{f}{random.Next(1000, 1000000)}",
                1 => $"user{random.Next(10000000, 100000000)}",
                2 => $"{Syllables(random, 2)}_{random.Next(100, 100000)}",
                _ => $"{f}.{random.Next(10, 100)}.{random.Next(100, 1000)}",
            };
        }
        return random.Next(4) switch
        {
            0 => Syllables(random, 3 + random.Next(3)),
            1 => $"{f}_{Syllables(random, 2)}",
            2 => $"{Syllables(random, 2)}.{f}{random.Next(0, 10)}",
            _ => $"{f}{Syllables(random, 1)}{Syllables(random, 2)}",
        };
    }

    private static string Syllables(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
            builder.Append(random.Pick(FakeSyllables));
        return builder.ToString();
    }

    private static string Truncate(string handle, int max = MaxLength) => handle.Length <= max ? handle : handle[..max].TrimEnd('.', '_');
}
