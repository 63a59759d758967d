using System.Text.RegularExpressions;

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
        var type = m.Groups["type"].Value;
        var inner = type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? type["System.Nullable`1[".Length..^1] : type;
        var expected = inner switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" or "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.Guid" => "an id (a GUID such as 3f2b8c1e-…, as the list commands show)",
            "System.DateOnly" => "a date, yyyy-mm-dd",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time, e.g. 2026-12-07T09:00:00Z",
            _ => "a value of another kind",
        };
        return $"{m.Groups["name"].Value}: '{m.Groups["value"].Value}' is not {expected}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.$")]
    private static partial Regex CannotParse();
}
