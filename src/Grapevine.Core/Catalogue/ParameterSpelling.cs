namespace Grapevine.Core.Catalogue;

/// <summary>
/// Which known parameter an unknown one was meant to be when it is only spelled another way: minFollowers,
/// min-followers and MIN_FOLLOWERS all mean min_followers. Lists and search refuse unknown parameters with it.
/// </summary>
public static class ParameterSpelling
{
    /// <summary>The name in <paramref name="known"/> equal to <paramref name="key"/> but for case and punctuation, or null.</summary>
    public static string? Meant(string key, IEnumerable<string> known)
    {
        var loose = Loose(key);
        return known.FirstOrDefault(name => Loose(name) == loose);
    }

    /// <summary>Letters and digits only, lower case.</summary>
    public static string Loose(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
