namespace Grapevine.Core.Catalogue.Browse;

/// <summary>An account search as a caller typed it (query string, CLI options); checked by <see cref="AccountQuery.TryCreate"/>.</summary>
public sealed record AccountSearchRequest(
    string? Platform = null,
    string? Tier = null,
    string? Country = null,
    string? Language = null,
    string? Category = null,
    long? MinFollowers = null,
    long? MaxFollowers = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null,
    string? Tag = null);
