using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Tests.Metrics;

internal static class PostBuilder
{
    public static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    public static PostObservation Post(
        int daysAgo,
        long? likes = 100,
        long? comments = 10,
        PostType type = PostType.Photo,
        long? saves = null,
        long? reach = null,
        long? views = null,
        long? shares = null,
        bool sponsored = false) =>
        new(Now.AddDays(-daysAgo), type, likes, comments, shares, saves, views, reach, sponsored);
}
