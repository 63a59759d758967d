namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// Discovery input that does not parse: every problem keyed by its field (the names in <see cref="DiscoveryFields"/>),
/// so the API answers a 400 validation problem naming each field and the CLI a line per field.
/// </summary>
public sealed class DiscoveryQueryException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
