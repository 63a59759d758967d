namespace Grapevine.Core.Catalogue;

/// <summary>Parsing and printing of the names users type for platforms, post types and handles.</summary>
public static class CatalogueNames
{
    public static readonly IReadOnlyList<string> Platforms =
        ["instagram", "tiktok", "youtube", "x", "facebook", "twitch", "pinterest"];

    public static readonly IReadOnlyList<string> PostTypes =
        ["photo", "carousel", "reel", "video", "short", "story", "live", "text"];

    public static string Name(this Platform platform) => Platforms[(int)platform];

    /// <summary>How a platform is written in sentences: "TikTok", "YouTube", "X".</summary>
    public static string DisplayName(this Platform platform) => DisplayNames[(int)platform];

    private static readonly string[] DisplayNames = ["Instagram", "TikTok", "YouTube", "X", "Facebook", "Twitch", "Pinterest"];

    public static string Name(this PostType type) => PostTypes[(int)type];

    public static bool TryParsePlatform(ReadOnlySpan<char> text, out Platform platform)
    {
        var trimmed = text.Trim();
        for (var i = 0; i < Platforms.Count; i++)
        {
            if (trimmed.Equals(Platforms[i], StringComparison.OrdinalIgnoreCase))
            {
                platform = (Platform)i;
                return true;
            }
        }
        platform = default;
        return false;
    }

    public static bool TryParsePostType(ReadOnlySpan<char> text, out PostType type)
    {
        var trimmed = text.Trim();
        for (var i = 0; i < PostTypes.Count; i++)
        {
            if (trimmed.Equals(PostTypes[i], StringComparison.OrdinalIgnoreCase))
            {
                type = (PostType)i;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>Feed posts are everything but stories (DESIGN.md).</summary>
    public static bool IsFeed(this PostType type) => type != PostType.Story;

    /// <summary>Post types whose reach is measured in views.</summary>
    public static bool IsVideo(this PostType type) => type is PostType.Reel or PostType.Video or PostType.Short or PostType.Live;

    /// <summary>Handles are matched without a leading @ and without case.</summary>
    public static string NormalizeHandle(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();
}
