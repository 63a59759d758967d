using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Grapevine.Core.Data;

namespace Grapevine.Cli;

/// <summary>
/// System.CommandLine's parse errors as a user should read them: a value that does not parse names the option and
/// what it takes (not .NET's type name), and the same message is said once.
/// </summary>
public static partial class UsageErrorText
{
    /// <summary>
    /// The errors of <paramref name="result"/>. A true/false option leaves a word that is not a boolean to the command's
    /// arguments ("--save maybe"); when no argument takes it, it is that option's bad value and named so.
    /// </summary>
    public static IEnumerable<string> Of(ParseResult result)
    {
        var flags = Flags(result.CommandResult);
        var notBooleans = new Dictionary<string, string>(StringComparer.Ordinal);
        var tokens = result.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Argument && tokens[i - 1].Type == TokenType.Option && flags.Contains(tokens[i - 1].Value)
                && result.UnmatchedTokens.Contains(tokens[i].Value))
                notBooleans.TryAdd(tokens[i].Value, tokens[i - 1].Value);
        }
        return Of(result.Errors.Select(e =>
            Unrecognized().Match(e.Message) is { Success: true } m && notBooleans.TryGetValue(m.Groups["value"].Value, out var option)
                ? $"{option}: '{m.Groups["value"].Value}' is not true or false"
                : e.Message));
    }

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

    // The names of the true/false options of the command and of those its parents pass down.
    private static HashSet<string> Flags(CommandResult command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (SymbolResult? at = command; at is not null; at = at.Parent)
        {
            if (at is not CommandResult { Command: var c })
                continue;
            foreach (var option in c.Options.Where(o => o.ValueType == typeof(bool) && (at == command || o.Recursive)))
                names.UnionWith([option.Name, .. option.Aliases]);
        }
        return names;
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<value>.*)'\.$")]
    private static partial Regex Unrecognized();
}
