using System.Text;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Typed access to the fields of the current record. The first problem is kept in
/// <see cref="Problem"/>; once there is one, the other accessors return defaults without checking.
/// </summary>
internal sealed class RowFields(IReadOnlyList<string> columns)
{
    private ImportRecordSource _source = null!;

    public ImportProblem? Problem { get; private set; }
    public bool Failed => Problem is not null;

    public void Reset(ImportRecordSource source)
    {
        _source = source;
        Problem = null;
    }

    public Platform Platform(int column)
    {
        if (Failed)
            return default;
        var text = FieldParsers.Trim(_source.Field(column));
        if (text.IsEmpty)
            return Fail<Platform>(column, $"is required (one of {string.Join(", ", CatalogueNames.Platforms)})");
        Span<char> chars = stackalloc char[16];
        if (text.Length <= chars.Length && Encoding.UTF8.TryGetChars(text, chars, out var n)
            && CatalogueNames.TryParsePlatform(chars[..n], out var platform))
            return platform;
        return Fail<Platform>(column, $"unknown platform '{FieldParsers.Show(text)}'; expected one of {string.Join(", ", CatalogueNames.Platforms)}");
    }

    public PostType PostType(int column)
    {
        if (Failed)
            return default;
        var text = FieldParsers.Trim(_source.Field(column));
        if (text.IsEmpty)
            return Fail<PostType>(column, $"is required (one of {string.Join(", ", CatalogueNames.PostTypes)})");
        Span<char> chars = stackalloc char[16];
        if (text.Length <= chars.Length && Encoding.UTF8.TryGetChars(text, chars, out var n)
            && CatalogueNames.TryParsePostType(chars[..n], out var type))
            return type;
        return Fail<PostType>(column, $"unknown post type '{FieldParsers.Show(text)}'; expected one of {string.Join(", ", CatalogueNames.PostTypes)}");
    }

    /// <summary>A handle or user name: required, normalised (no @, lower case), no spaces.</summary>
    public string Handle(int column, int maxLength = 100)
    {
        var text = Text(column, maxLength);
        if (Failed)
            return "";
        var handle = text is null ? "" : CatalogueNames.NormalizeHandle(text);
        if (handle.Length == 0)
            return Fail(column, "is required", "");
        if (handle.AsSpan().IndexOfAny(" \t\r\n,") >= 0)
            return Fail(column, $"'{text}' is not a valid handle (no spaces or commas)", "");
        return handle;
    }

    public string? OptionalHandle(int column, int maxLength = 100)
    {
        var text = Text(column, maxLength);
        if (text is null)
            return null;
        var handle = CatalogueNames.NormalizeHandle(text);
        if (handle.AsSpan().IndexOfAny(" \t\r\n,") >= 0)
            return Fail<string?>(column, $"'{text}' is not a valid handle (no spaces or commas)");
        return handle.Length == 0 ? null : handle;
    }

    /// <summary>A required identifier such as a post id: trimmed, case kept.</summary>
    public string Identifier(int column, int maxLength = 100)
    {
        var text = Text(column, maxLength);
        if (Failed)
            return "";
        return text ?? Fail(column, "is required", "");
    }

    /// <summary>Text; empty or only white space is null. <paramref name="trim"/> is off for free text such as captions.</summary>
    public string? Text(int column, int maxLength = int.MaxValue, bool trim = true)
    {
        if (Failed)
            return null;
        var raw = _source.Field(column);
        var bytes = trim ? FieldParsers.Trim(raw) : raw;
        if (bytes.IsEmpty || (!trim && FieldParsers.Trim(bytes).IsEmpty))
            return null;
        if (FieldParsers.CheckUtf8(bytes) is { } error)
            return Fail<string?>(column, error);
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > maxLength)
            return Fail<string?>(column, $"is {text.Length} characters long; at most {maxLength} are allowed");
        return text;
    }

    /// <summary>An ISO 3166-1 alpha-2 country code, stored in upper case.</summary>
    public string? Country(int column)
    {
        var text = Text(column);
        if (text is null)
            return null;
        return CountryCodes.Problem(text) is { } problem ? Fail<string?>(column, problem) : text.ToUpperInvariant();
    }

    /// <summary>A language tag such as en or pt-BR, stored in lower case.</summary>
    public string? Language(int column)
    {
        var text = Text(column);
        if (text is null)
            return null;
        return LanguageCodes.Problem(text) is { } problem ? Fail<string?>(column, problem) : text.ToLowerInvariant();
    }

    /// <summary>A web address: http(s) with a host, or a bare host and path (<c>linktr.ee/name</c>) as profiles often show it.</summary>
    public string? WebAddress(int column, int maxLength)
    {
        var text = Text(column, maxLength);
        if (text is null)
            return null;
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? text : "https://" + text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.Host.Contains('.') || text.Any(char.IsWhiteSpace))
            return Fail<string?>(column, $"'{text}' is not a web address (e.g. https://example.com or linktr.ee/name)");
        return text;
    }

    public string? Email(int column)
    {
        var text = Text(column, 320);
        if (text is null)
            return null;
        var at = text.IndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
            return Fail<string?>(column, $"'{text}' is not an email address");
        return text;
    }

    public long? Count(int column) =>
        Failed ? null : Check(column, FieldParsers.Count(_source.Field(column), out var value), value);

    public int? SmallCount(int column) =>
        Failed ? null : Check(column, FieldParsers.SmallCount(_source.Field(column), out var value), value);

    public bool? Boolean(int column) =>
        Failed ? null : Check(column, FieldParsers.Boolean(_source.Field(column), out var value), value);

    public DateTime? Timestamp(int column) =>
        Failed ? null : Check(column, FieldParsers.Timestamp(_source.Field(column), out var value), value);

    public DateTime RequiredTimestamp(int column)
    {
        var value = Timestamp(column);
        if (Failed)
            return default;
        return value ?? Fail<DateTime>(column, "is required (an ISO 8601 date such as 2024-05-01T14:30:00Z)");
    }

    private T? Check<T>(int column, string? error, T? value) where T : struct
    {
        if (error is not null)
            Problem = new ImportProblem(columns[column], error);
        return value;
    }

    private T Fail<T>(int column, string message, T value = default!)
    {
        Problem ??= new ImportProblem(columns[column], message);
        return value;
    }
}
