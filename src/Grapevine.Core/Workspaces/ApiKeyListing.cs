namespace Grapevine.Core.Workspaces;

/// <summary>An API key as the keys page and API list it: the key and who created it (their e-mail).</summary>
public sealed record ApiKeyListing(ApiKey Key, string? CreatedBy);
