using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grapevine.Core.Data;

/// <summary>
/// A System.Text.Json failure as a user should read it: the field (the JSON path without "$.", null for the document
/// itself) and what was expected there, without .NET type names.
/// </summary>
public static partial class JsonErrorText
{
    public static (string? Field, string Message) Of(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (Unmapped().Match(json.Message) is { Success: true } unmapped)
            return (field ?? unmapped.Groups["name"].Value, "not a field of this request");
        if (Conversion().Match(json.Message) is { Success: true } converted)
        {
            // A record's constructor parameter of the wrong type is reported against the record ("could not be converted
            // to CreateListRequest"); the reader's own error underneath says what the field wanted.
            if (field is not null && FromReader(json.InnerException) is { } wanted)
                return (field, $"expected {wanted}");
            return (field, $"expected {Expected(converted.Groups["type"].Value)}");
        }
        var message = json.Message.Split(" Path: ", 2)[0].TrimEnd('.');
        return (field, json.LineNumber is { } line ? $"{message} (line {line + 1}, byte {json.BytePositionInLine + 1})" : message);
    }

    /// <summary>What a value of this .NET type name ("System.Nullable`1[System.Decimal]") is, in words ("a number…").</summary>
    public static string Expected(string type)
    {
        var inner = type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? type["System.Nullable`1[".Length..^1] : type;
        return inner switch
        {
            "System.String" => "text (a JSON string, numbers in quotes too: \"5\")",
            "System.Int32" => "a whole number up to 2,147,483,647",
            "System.Int64" or "System.Int16" => "a whole number",
            "System.Decimal" => "a number no larger than 7.9e28",
            "System.Double" or "System.Single" => "a number",
            "System.Boolean" => "true or false",
            "System.DateOnly" => "a date, yyyy-mm-dd",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time, e.g. 2026-12-07T09:00:00Z",
            "System.Guid" => "an id (a GUID)",
            _ when inner.Contains("List`1", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "a list ([…])",
            _ when inner.Contains("Dictionary`2", StringComparison.Ordinal) => "an object ({…})",
            _ when inner.StartsWith("Grapevine.", StringComparison.Ordinal) => "an object ({…})",
            _ => "a value of another type",
        };
    }

    private static string? FromReader(Exception? inner) => inner switch
    {
        InvalidOperationException when TokenAs().Match(inner.Message) is { Success: true } token => token.Groups["want"].Value switch
        {
            "string" => Expected("System.String"),
            "boolean" => Expected("System.Boolean"),
            "number" => Expected("System.Double"),
            _ => null,
        },
        FormatException when FormatFor().Match(inner.Message) is { Success: true } format => Expected("System." + format.Groups["type"].Value),
        _ => null,
    };

    [GeneratedRegex(@"^Cannot get the value of a token type '\w+' as an? (?<want>\w+)\.")]
    private static partial Regex TokenAs();

    [GeneratedRegex(@"(?:for an? |supported )(?<type>Int16|Int32|Int64|Decimal|Double|Single|DateTime|DateTimeOffset|DateOnly|Guid)\b")]
    private static partial Regex FormatFor();

    [GeneratedRegex(@"could not be converted to (?<type>\S+)\. Path:")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();
}
