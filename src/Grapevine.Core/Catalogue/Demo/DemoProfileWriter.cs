namespace Grapevine.Core.Catalogue.Demo;

/// <summary>The public profile texts of a demo account: display name, bio with niche keywords, contact details.</summary>
internal sealed class DemoProfileWriter(DemoIdentity identity, Random random)
{
    public sealed record Profile(string DisplayName, string? Bio, string? Email, string? ExternalUrl);

    public Profile Write(string tier, double log10Followers)
    {
        var niche = identity.Niche;
        var first = identity.FirstName;
        var displayName = random.Next(10) switch
        {
            < 5 => $"{first} {identity.LastName}",
            < 7 => first,
            < 9 => $"{first} | {niche.Name}",
            _ => $"{first} • {Capitalize(random.Pick(niche.Keywords))}",
        };

        // Reserved domains (RFC 2606) only: demo contacts must never reach a real inbox or site.
        var slug = DemoUsernames.Slug(identity.Handle);
        var emailChance = tier switch { "emerging" => 0.1, "nano" => 0.3, "micro" => 0.45, _ => 0.55 };
        string? email = random.Chance(emailChance)
            ? random.Next(4) switch
            {
                0 => $"{identity.Handle.Replace('_', '.').Trim('.')}@example.com",
                1 => $"hello.{slug}@example.net",
                2 => $"{DemoUsernames.Slug(first)}.{DemoUsernames.Slug(identity.LastName)}@example.org",
                _ => $"collabs.{slug}@example.com",
            }
            : null;
        string? url = random.Chance(0.2 + 0.05 * log10Followers)
            ? random.Next(3) switch
            {
                0 => $"https://{slug}.example",
                1 => $"https://links.example/{identity.Handle}",
                _ => $"https://www.{slug}.example/shop",
            }
            : null;

        string? bio = null;
        // A few accounts leave the bio empty (unknown is null: an empty bio is simply not there).
        if (random.Chance(0.95))
        {
            var parts = new List<string> { Capitalize(random.Pick(niche.BioLines)) + " " + random.Pick(DemoTexts.Emojis) };
            var k1 = random.Pick(niche.Keywords);
            var k2 = random.Pick(niche.Keywords);
            parts.Add(k1 == k2 ? $"#{k1}" : $"{k1} · {k2}");
            var city = random.Pick(DemoTexts.Cities[identity.Country]);
            parts.Add(identity.Language != "en" && random.Chance(0.5) && DemoTexts.LocalHello.TryGetValue(identity.Language, out var hello)
                ? $"{hello} {city}"
                : $"📍 {city}");
            if (email is not null && random.Chance(0.6))
                parts.Add($"📩 {email}");
            bio = string.Join(random.Chance(0.5) ? " | " : "\n", parts);
        }
        return new Profile(displayName, bio, email, url);
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
