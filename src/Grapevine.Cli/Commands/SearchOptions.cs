using System.CommandLine;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Cli.Commands;

/// <summary>The filters and ranking options of <c>grapevine search</c>, shared by every command that takes a search (search, plan).</summary>
internal sealed class SearchOptions
{
    public Dictionary<string, Option<string?>> Filters { get; } = new()
    {
        [DiscoveryFields.Platform] = Text(DiscoveryFields.Platform, "Platforms, comma separated: instagram, tiktok, youtube, x, facebook, twitch, pinterest."),
        [DiscoveryFields.Tier] = Text(DiscoveryFields.Tier, "Tiers, comma separated: emerging, nano, micro, macro, mega."),
        [DiscoveryFields.Country] = Text(DiscoveryFields.Country, "Two-letter country codes, comma separated (US,GB)."),
        [DiscoveryFields.Language] = Text(DiscoveryFields.Language, "Language codes, comma separated (en,es)."),
        [DiscoveryFields.Niche] = Text(DiscoveryFields.Niche, "Niches, comma separated (fitness,food); they also rank by niche match."),
        [DiscoveryFields.MinFollowers] = Text(DiscoveryFields.MinFollowers, "At least this many followers (10000, 10k)."),
        [DiscoveryFields.MaxFollowers] = Text(DiscoveryFields.MaxFollowers, "At most this many followers (100k)."),
        [DiscoveryFields.MinEr] = Text(DiscoveryFields.MinEr, "Engagement rate by followers at least, in percent (2.5)."),
        [DiscoveryFields.MaxEr] = Text(DiscoveryFields.MaxEr, "Engagement rate by followers at most, in percent."),
        [DiscoveryFields.MinAuthenticity] = Text(DiscoveryFields.MinAuthenticity, "Share of real followers at least, in percent (0-100)."),
        [DiscoveryFields.MaxPrice] = Text(DiscoveryFields.MaxPrice, "Estimated price of the default deliverable at most, in US dollars."),
        [DiscoveryFields.PostedWithin] = Text(DiscoveryFields.PostedWithin, "Posted within this many days."),
        [DiscoveryFields.MaxSponsored] = Text(DiscoveryFields.MaxSponsored, "Sponsored share of recent posts at most, in percent."),
        [DiscoveryFields.Sort] = Text(DiscoveryFields.Sort, "fit (default), er, followers, price or growth."),
        [DiscoveryFields.Limit] = Text(DiscoveryFields.Limit, $"How many accounts, 1 to {DiscoveryQuery.MaxLimit} (default {DiscoveryQuery.DefaultLimit})."),
        [DiscoveryFields.Offset] = Text(DiscoveryFields.Offset, $"Skip this many of the ranked accounts first, for the next page (0 to {DiscoveryQuery.MaxOffset}; default 0)."),
        [DiscoveryFields.TagWindow] = Text(DiscoveryFields.TagWindow, $"Days within which #hashtags and @mentions count (default {DiscoveryQuery.DefaultTagWindowDays})."),
        [DiscoveryFields.Keywords] = Text(DiscoveryFields.Keywords, "Brand keywords, comma separated (vegan,protein,oat milk): they rank by the share found in each account's words, they do not filter."),
        [DiscoveryFields.Weights] = Text(DiscoveryFields.Weights, "Fit weights to change, e.g. niche=0.4,keywords=0.3."),
    };
    // Not Option<bool>: a bool option leaves a value that is not a boolean ("--has-email maybe") to the search text.
    public Option<string?> HasEmail { get; } = new("--has-email")
    {
        Description = "Only accounts with a contact e-mail (--has-email or --has-email true; --has-email false is no filter).",
        Arity = ArgumentArity.ZeroOrOne,
    };
    public Option<string?> Verified { get; } = new("--verified")
    {
        Description = "Only verified accounts (--verified or --verified true), or only unverified ones (--verified false).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(HasEmail);
        command.Options.Add(Verified);
        foreach (var option in Filters.Values)
            command.Options.Add(option);
    }

    public DiscoveryQueryInput Read(ParseResult result, string text) => new()
    {
        Text = text,
        Platform = result.GetValue(Filters[DiscoveryFields.Platform]),
        Tier = result.GetValue(Filters[DiscoveryFields.Tier]),
        Country = result.GetValue(Filters[DiscoveryFields.Country]),
        Language = result.GetValue(Filters[DiscoveryFields.Language]),
        Niche = result.GetValue(Filters[DiscoveryFields.Niche]),
        MinFollowers = result.GetValue(Filters[DiscoveryFields.MinFollowers]),
        MaxFollowers = result.GetValue(Filters[DiscoveryFields.MaxFollowers]),
        MinEr = result.GetValue(Filters[DiscoveryFields.MinEr]),
        MaxEr = result.GetValue(Filters[DiscoveryFields.MaxEr]),
        MinAuthenticity = result.GetValue(Filters[DiscoveryFields.MinAuthenticity]),
        MaxPrice = result.GetValue(Filters[DiscoveryFields.MaxPrice]),
        PostedWithin = result.GetValue(Filters[DiscoveryFields.PostedWithin]),
        HasEmail = Flag(result, HasEmail),
        MaxSponsored = result.GetValue(Filters[DiscoveryFields.MaxSponsored]),
        Verified = Flag(result, Verified),
        Sort = result.GetValue(Filters[DiscoveryFields.Sort]),
        Limit = result.GetValue(Filters[DiscoveryFields.Limit]),
        Offset = result.GetValue(Filters[DiscoveryFields.Offset]),
        TagWindow = result.GetValue(Filters[DiscoveryFields.TagWindow]),
        Keywords = result.GetValue(Filters[DiscoveryFields.Keywords]),
        Weights = result.GetValue(Filters[DiscoveryFields.Weights]),
    };

    /// <summary>A boolean option's text: "true" when given alone, null when absent; the query parser refuses what is not a boolean.</summary>
    private static string? Flag(ParseResult result, Option<string?> option) => result.GetResult(option) is null ? null : result.GetValue(option) ?? "true";

    private static Option<string?> Text(string field, string description) => new(DiscoveryFields.Option(field)) { Description = description };
}
