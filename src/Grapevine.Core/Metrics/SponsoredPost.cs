namespace Grapevine.Core.Metrics;

/// <summary>Whether a post counts as sponsored for the sponsored-share metrics.</summary>
public static class SponsoredPost
{
    // Only disclosures that the rules accept count (reference.json "disclosure.accepted"); vague
    // tags such as #spon or #collab do not make a post measurably sponsored.
    private static readonly string[] DisclosureHashtags = ["ad", "sponsored", "paidpartnership"];

    /// <param name="isPaidPartnership">The platform's paid-partnership label.</param>
    /// <param name="hashtags">The post's hashtags, lower case, space separated, without '#'.</param>
    public static bool IsSponsored(bool? isPaidPartnership, string? hashtags) =>
        isPaidPartnership == true || DisclosureHashtag(hashtags) is not null;

    /// <summary>The first accepted disclosure hashtag among <paramref name="hashtags"/> ("ad"), or null when there is none.</summary>
    public static string? DisclosureHashtag(string? hashtags)
    {
        if (string.IsNullOrEmpty(hashtags))
            return null;
        foreach (var tag in hashtags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(DisclosureHashtags, tag) >= 0)
                return tag;
        }
        return null;
    }
}
