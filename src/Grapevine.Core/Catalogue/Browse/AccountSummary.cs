namespace Grapevine.Core.Catalogue.Browse;

/// <summary>One row of an account list. Unknown values are null.</summary>
public sealed record AccountSummary(
    string Platform,
    string Handle,
    string? DisplayName,
    long? Followers,
    string? Tier,
    string? Country,
    string? Language,
    string? Category,
    bool? IsVerified,
    double? ErFollowers,
    double? FollowerGrowth30d);

/// <summary>A page of an account list and the cursors of its neighbours (null at either end).</summary>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, string? NextCursor, string? PreviousCursor);
