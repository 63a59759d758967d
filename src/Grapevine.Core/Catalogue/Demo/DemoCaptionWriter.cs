using System.Globalization;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Captions in the account's niche: a topic line (in the account's language for some), hashtags from the niche,
/// @mentions of the niche's brands, and for sponsored posts one of the disclosure patterns of
/// <see cref="DemoDisclosure"/>.
/// </summary>
internal sealed class DemoCaptionWriter(DemoIdentity identity, Random random)
{
    public sealed record Sponsor(string Brand, string Product, DemoDisclosure Disclosure);

    public static bool HasPartnershipLabel(Platform platform) => platform is not (Platform.X or Platform.Twitch);

    public (string Caption, bool? Paid) Feed(PostType type, Sponsor? sponsor)
    {
        var platform = identity.Platform;
        var niche = identity.Niche;
        var head = Head(type);
        var lines = new List<string>();
        string hashtags;

        if (sponsor is null)
        {
            lines.Add(head);
            if (random.Chance(0.6))
                lines.Add(Filler());
            // Brands also come up without a deal, most often the niche's big names.
            if (random.Chance(0.08))
            {
                var brand = random.Chance(0.6) ? niche.Brands[random.Next(DemoNiche.CompetitorCount)] : random.Pick(niche.Brands);
                lines.Add(random.Pick(DemoTexts.OrganicMentions).Replace("{brand}", brand));
            }
            hashtags = Hashtags(HashtagCount());
            return (Join(lines, hashtags), Label(false));
        }

        var promo = Fill(random.Pick(DemoTexts.Promotions), sponsor);
        var cta = Fill(random.Pick(DemoTexts.CallsToAction), sponsor);
        switch (sponsor.Disclosure)
        {
            case DemoDisclosure.ProperAtStart:
                var opener = Fill(random.Pick(DemoTexts.ProperOpeners), sponsor);
                lines.Add($"{opener} {head}");
                lines.Add($"{promo} {cta}");
                return (Join(lines, Hashtags(HashtagCount())), Label(random.Chance(0.4)));
            case DemoDisclosure.PlatformLabel:
                lines.Add(head);
                lines.Add($"{promo} {cta}");
                return (Join(lines, Hashtags(HashtagCount())), true);
            case DemoDisclosure.BuriedAtEnd:
                lines.Add(head);
                lines.Add($"{promo} {cta}");
                lines.Add(".\n.\n.");
                var tags = Hashtags(random.Next(10, 21)).Split(' ').ToList();
                tags.Insert(tags.Count - random.Next(0, 3), "#ad");
                return (Join(lines, string.Join(' ', tags)), Label(false));
            case DemoDisclosure.VagueOnly:
                var vague = random.Chance(0.25) ? $"Thanks @{sponsor.Brand}!" : random.Pick(DemoTexts.VagueTags);
                if (random.Chance(0.5))
                {
                    lines.Add($"{vague} {head}");
                    lines.Add($"{promo} {cta}");
                    return (Join(lines, Hashtags(HashtagCount())), Label(false));
                }
                lines.Add(head);
                lines.Add($"{promo} {cta}");
                return (Join(lines, Hashtags(HashtagCount()) + " " + vague), Label(false));
            default:
                lines.Add(head);
                lines.Add($"{promo} {cta}");
                return (Join(lines, Hashtags(HashtagCount())), Label(false));
        }
    }

    public (string Caption, bool? Paid) Story(Sponsor? sponsor)
    {
        if (sponsor is null)
            return (random.Pick(DemoTexts.StoryTexts), Label(false));
        var text = $"{Fill(random.Pick(DemoTexts.Promotions), sponsor)} {Fill(random.Pick(DemoTexts.CallsToAction), sponsor)}";
        return sponsor.Disclosure switch
        {
            DemoDisclosure.ProperAtStart => ($"{Fill(random.Pick(DemoTexts.ProperOpeners), sponsor)} {text}", Label(random.Chance(0.4))),
            DemoDisclosure.PlatformLabel => (text, true),
            DemoDisclosure.BuriedAtEnd => ($"{text} #{random.Pick(identity.Niche.Hashtags)} #{random.Pick(identity.Niche.Hashtags)} #ad", Label(false)),
            DemoDisclosure.VagueOnly => ($"{text} {random.Pick(DemoTexts.VagueTags)}", Label(false)),
            _ => (text, Label(false)),
        };
    }

    // Platforms without a paid-partnership label report nothing about it: unknown, not false.
    private bool? Label(bool value) => HasPartnershipLabel(identity.Platform) ? value : null;

    private string Head(PostType type)
    {
        var niche = identity.Niche;
        var emoji = random.Pick(DemoTexts.Emojis);
        if (DemoTexts.LocalFrames.TryGetValue(identity.Language, out var frames) && random.Chance(0.6))
            return string.Format(CultureInfo.InvariantCulture, random.Pick(frames), random.Pick(niche.Keywords), emoji);
        var topic = DemoProfileWriter.Capitalize(random.Pick(niche.Topics));
        return identity.Platform switch
        {
            Platform.YouTube => $"{topic} | {niche.Name}",
            Platform.Twitch when type == PostType.Live => $"🔴 LIVE: {topic}",
            _ => $"{topic} {emoji}",
        };
    }

    private string Filler() =>
        DemoTexts.LocalFillers.TryGetValue(identity.Language, out var local) && random.Chance(0.6)
            ? random.Pick(local)
            : random.Pick(DemoTexts.Fillers);

    private int HashtagCount() => identity.Platform switch
    {
        Platform.X or Platform.Twitch => random.Next(0, 3),
        Platform.YouTube or Platform.Facebook => random.Next(0, 5),
        Platform.TikTok => random.Next(3, 7),
        _ => random.Next(3, 13),
    };

    private string Hashtags(int count)
    {
        string[] pool = random.Chance(0.3) ? [.. identity.Niche.Hashtags, .. DemoTexts.GenericHashtags] : identity.Niche.Hashtags.ToArray();
        count = Math.Min(count, pool.Length);
        // A partial shuffle: the first count tags, all different.
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return string.Join(' ', pool.Take(count).Select(t => "#" + t));
    }

    private string Fill(string template, Sponsor sponsor) => template
        .Replace("{brand}", sponsor.Brand)
        .Replace("{product}", sponsor.Product)
        .Replace("{code}", Code());

    private string Code()
    {
        var name = DemoUsernames.Slug(identity.FirstName).ToUpperInvariant();
        return (name.Length > 6 ? name[..6] : name) + random.Next(10, 30).ToString(CultureInfo.InvariantCulture);
    }

    private static string Join(List<string> lines, string hashtags) =>
        hashtags.Length == 0 ? string.Join('\n', lines) : string.Join('\n', lines) + "\n\n" + hashtags;
}
