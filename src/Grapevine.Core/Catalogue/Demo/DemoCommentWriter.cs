using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// A few comments on the account's most recent feed posts. Real audiences write about the post; bought
/// audiences leave generic praise, emoji runs, the same few lines again and again, and promotion spam.
/// </summary>
internal sealed class DemoCommentWriter(DemoIdentity identity, Random random, DateTime asOf)
{
    public void Write(List<CommentRow> rows, List<PostRow> posts, List<FollowerRow> followers, bool fakeAudience, double fakeShare)
    {
        var recent = posts.Where(p => p.Type.IsFeed() && p.Comments > 0).OrderByDescending(p => p.PostedAt).Take(random.Next(3, 6)).ToList();
        var ids = new HashSet<string>();
        // Bought engagement repeats itself: each such account gets a small pool of lines it reuses.
        var repeated = Enumerable.Range(0, 3).Select(_ => random.Pick(DemoTexts.GenericComments)).ToArray();
        var fakeAuthors = followers.Where(f => f.HasProfilePic == false || f.PostsCount == 0 || DemoUsernames.IsDigitHeavy(f.FollowerUsername)).ToList();
        foreach (var post in recent)
        {
            var count = (int)Math.Min(post.Comments!.Value, random.Next(2, 7));
            for (var i = 0; i < count; i++)
            {
                var (text, bot) = Text(fakeAudience, fakeShare, repeated);
                var author = Author(bot, followers, fakeAuthors);
                var delay = bot ? random.Between(0.5, 20) : random.Exponential(360);
                var at = post.PostedAt.AddMinutes(delay);
                if (at >= asOf)
                    at = post.PostedAt.AddTicks((long)((asOf - post.PostedAt).Ticks * random.NextDouble()));
                at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
                string id;
                do
                    id = (17_000_000_000_000_000L + random.NextInt64(1_000_000_000_000_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                while (!ids.Add(id));
                rows.Add(new CommentRow(identity.Platform, identity.Handle, post.PostId, id, author, text, at));
            }
        }
    }

    private (string Text, bool Bot) Text(bool fakeAudience, double fakeShare, string[] repeated)
    {
        var roll = random.NextDouble();
        if (fakeAudience)
        {
            return roll switch
            {
                < 0.45 => (random.Pick(repeated), true),
                < 0.65 => (random.Pick(DemoTexts.GenericComments), true),
                < 0.82 => (random.Pick(DemoTexts.BotComments), true),
                _ => (random.Pick(identity.Niche.Comments), false),
            };
        }
        var spam = 0.03 + fakeShare * 0.15;
        return roll switch
        {
            _ when roll < spam => (random.Pick(DemoTexts.BotComments), true),
            < 0.6 => (Personal(random.Pick(identity.Niche.Comments)), false),
            < 0.8 => (random.Pick(DemoTexts.PersonalComments).Replace("{name}", identity.FirstName), false),
            _ => (random.Pick(DemoTexts.GenericComments), false),
        };
    }

    // Real people phrase the same thought in their own way.
    private string Personal(string text)
    {
        if (random.Chance(0.3))
            text = random.Pick(DemoTexts.CommentOpeners) + char.ToLowerInvariant(text[0]) + text[1..];
        if (random.Chance(0.5))
            text += " " + random.Pick(DemoTexts.Emojis);
        return text;
    }

    private string Author(bool bot, List<FollowerRow> followers, List<FollowerRow> fakeAuthors)
    {
        if (bot && fakeAuthors.Count > 0 && random.Chance(0.7))
            return random.Pick(fakeAuthors).FollowerUsername;
        if (!bot && followers.Count > 0 && random.Chance(0.5))
            return random.Pick(followers).FollowerUsername;
        var language = random.Pick(DemoCountries.FirstNames.Keys.ToArray());
        var first = random.Pick(DemoCountries.FirstNames[language]);
        return bot
            ? DemoUsernames.FakeFollower(random, first, random.Chance(0.5))
            : DemoUsernames.RealFollower(random, first, random.Pick(DemoCountries.LastNames[language]), random.Pick(identity.Niche.HandleWords), random.Chance(0.065));
    }
}
