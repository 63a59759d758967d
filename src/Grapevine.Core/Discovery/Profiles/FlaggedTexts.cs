using System.Globalization;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Vetting;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// How many of an account's discovery texts match a brand-safety lexicon: the bio and the captions the profile reads
/// (<see cref="SearchProfileBuilder.CaptionPosts"/> newest captioned posts of the past <see cref="SearchProfileBuilder.RecentDays"/> days),
/// each counted once however many keywords it holds. The search profile's safety score is 1 / (1 + this) with the default
/// lexicon; discovery counts it again with a workspace's own lists for the accounts it shows.
/// </summary>
public static class FlaggedTexts
{
    /// <summary>The flagged texts; null when there is no bio and no caption (nothing was checked).</summary>
    public static int? Count(Platform platform, string handle, string? bio, IReadOnlyList<ProfilePost> captioned, BrandSafetyLexicon lexicon, DateTime now)
    {
        var hasBio = !string.IsNullOrWhiteSpace(bio);
        if (!hasBio && captioned.Count == 0)
            return null;
        // Only texts that may hold a keyword are handed to the scanner, which tokenizes and allocates per word.
        var prefilter = SafetyPrefilter.For(lexicon);
        List<VettingPost>? texts = null;
        if (hasBio && prefilter.MayMatch(bio!))
            (texts ??= []).Add(new VettingPost("bio", now, PostType.Text, bio, null, null, null, null, null, null, null, null));
        for (var i = 0; i < captioned.Count; i++)
        {
            var post = captioned[i];
            if (!prefilter.MayMatch(post.Caption!))
                continue;
            (texts ??= []).Add(new VettingPost(i.ToString(CultureInfo.InvariantCulture), post.PostedAt, post.Type,
                post.Caption, post.Hashtags, null, null, null, null, null, null, null));
        }
        return texts is null ? 0 : BrandSafetyScanner.Scan(platform, handle, texts, lexicon).Select(m => m.PostId).Distinct().Count();
    }

    /// <summary>1 / (1 + flagged texts) to 4 decimals, as search profiles store it; null when nothing was checked.</summary>
    public static double? SafetyScore(int? flagged) => flagged is { } f ? Math.Round(1.0 / (1 + f), 4) : null;

    /// <summary>The newest <see cref="SearchProfileBuilder.CaptionPosts"/> captioned posts of the window, from posts newest first.</summary>
    public static List<ProfilePost> Captioned(IEnumerable<ProfilePost> newestFirst, DateTime now)
    {
        var windowStart = now.AddDays(-SearchProfileBuilder.RecentDays);
        return [.. newestFirst.TakeWhile(p => p.PostedAt >= windowStart).Where(p => !string.IsNullOrWhiteSpace(p.Caption)).Take(SearchProfileBuilder.CaptionPosts)];
    }
}
