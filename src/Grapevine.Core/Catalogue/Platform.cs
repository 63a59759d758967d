namespace Grapevine.Core.Catalogue;

/// <summary>A social platform an account lives on. Stored and written in lower case.</summary>
public enum Platform
{
    Instagram,
    TikTok,
    YouTube,
    X,
    Facebook,
    Twitch,
    Pinterest,
}
