using System.Text.RegularExpressions;
using Grapevine.Core.Data;

namespace Grapevine.Cli;

/// <summary>
/// System.CommandLine's parse errors as a user should read them: a value that does not parse names the option and
/// what it takes (not .NET's type name), and the same message is said once.
/// </summary>
public static partial class UsageErrorText
{
    public static IEnumerable<string> Of(IEnumerable<string> messages)
    {
        var list = messages.Select(Rewrite).Distinct().ToList();
        // "grapevine bogus" reports both; only the second says what went wrong.
        if (list.Count > 1 && list.Any(m => m.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)))
            list.Remove("Required command was not provided.");
        return list;
    }

    public static string Rewrite(string message)
    {
        if (CannotParse().Match(message) is not { Success: true } m)
            return message;
        var expected = JsonErrorText.Expected(m.Groups["type"].Value);
        return $"{m.Groups["name"].Value}: '{m.Groups["value"].Value}' is not {expected}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.$")]
    private static partial Regex CannotParse();
}
