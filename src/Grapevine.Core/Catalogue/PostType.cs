namespace Grapevine.Core.Catalogue;

/// <summary>The kind of a post. Stories are not feed posts and never count in feed metrics.</summary>
public enum PostType
{
    Photo,
    Carousel,
    Reel,
    Video,
    Short,
    Story,
    Live,
    Text,
}
