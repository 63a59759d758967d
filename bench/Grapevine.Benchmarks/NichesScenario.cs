using System.Diagnostics;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery.Niches;
using Grapevine.Core.Discovery.Profiles;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>niches</c>: niche accuracy on the demo catalogue, whose true niche of every account is known
/// (<see cref="DemoAccountTruth.Niche"/>). Each account's search profile is built exactly as the refresher builds it
/// (metrics computed from its rows, <see cref="SearchProfileBuilder.Default"/>), and its primary niche compared with
/// the truth. The demo writes the true niche into <c>category</c> for 60% of accounts, and a mapped category wins, so
/// the honest figure is the accuracy on accounts without a category. A stress variant scores those from their
/// profile text alone (no posts). The demo's texts and the lexicons were written from the same general knowledge (most
/// of the demo's keywords and hashtags are lexicon terms), so a second variant scores the uncategorised accounts, with
/// their captions, against lexicons from which every keyword and hashtag of the demo niches is removed: what the rest
/// of each lexicon finds in the demo's other words. Also times the builder, single-threaded.
/// </summary>
public static class NichesScenario
{
    private const int Chunk = 2_000;
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    public static object Run(BenchSettings settings)
    {
        var size = settings.Size ?? 20_000;
        var generator = new DemoGenerator(new DemoOptions(size, settings.Seed, AsOf));
        var builder = SearchProfileBuilder.Default;
        var scorer = NicheScorer.Default;
        var (heldOut, heldOutTerms) = HeldOutScorer(scorer.Taxonomy);
        var slugs = scorer.Taxonomy.Niches.Select(n => n.Slug).ToList();
        var truthCount = slugs.ToDictionary(s => s, _ => 0);
        var truthHits = slugs.ToDictionary(s => s, _ => 0);
        int hits = 0, top2 = 0, uncategorised = 0, uncategorisedHits = 0, uncategorisedTop2 = 0, bioOnlyHits = 0, heldOutHits = 0, noNiche = 0;
        var buildSeconds = 0.0;
        var clock = Stopwatch.StartNew();

        for (var start = 0; start < size; start += Chunk)
        {
            var count = Math.Min(Chunk, size - start);
            var accounts = new DemoAccount[count];
            var inputs = new SearchProfileInput[count];
            Parallel.For(0, count, i =>
            {
                var account = generator.Generate(start + i);
                accounts[i] = account;
                inputs[i] = SearchProfileInputs.FromRows(start + i + 1, account.Account, account.Posts, account.Snapshots, account.Followers, AsOf);
            });
            builder.Build(inputs[0], AsOf); // warm-up, not timed
            var timer = Stopwatch.GetTimestamp();
            var profiles = inputs.Select(input => builder.Build(input, AsOf)).ToArray();
            buildSeconds += Stopwatch.GetElapsedTime(timer).TotalSeconds;

            for (var i = 0; i < count; i++)
            {
                var truth = accounts[i].Truth.Niche;
                var profile = profiles[i];
                var hit = profile.PrimaryNiche == truth;
                var inTop2 = profile.Niches.OrderByDescending(n => n.Score).Take(2).Any(n => n.Niche == truth);
                hits += hit ? 1 : 0;
                top2 += inTop2 ? 1 : 0;
                noNiche += profile.PrimaryNiche is null ? 1 : 0;
                if (!string.IsNullOrWhiteSpace(accounts[i].Account.Category))
                    continue;
                uncategorised++;
                uncategorisedHits += hit ? 1 : 0;
                uncategorisedTop2 += inTop2 ? 1 : 0;
                truthCount[truth]++;
                truthHits[truth] += hit ? 1 : 0;
                var row = accounts[i].Account;
                bioOnlyHits += scorer.Score(new NicheEvidence(row.Handle, row.DisplayName, row.Bio)).Primary == truth ? 1 : 0;
                var captions = accounts[i].Posts
                    .Where(p => p.PostedAt >= AsOf.AddDays(-SearchProfileBuilder.RecentDays) && !string.IsNullOrWhiteSpace(p.Caption))
                    .OrderByDescending(p => p.PostedAt).Take(SearchProfileBuilder.CaptionPosts).Select(p => p.Caption).ToList();
                heldOutHits += heldOut.Score(new NicheEvidence(row.Handle, row.DisplayName, row.Bio, null, captions)).Primary == truth ? 1 : 0;
            }
            Log($"{start + count:N0} of {size:N0} accounts ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var result = new Dictionary<string, object?>
        {
            ["scenario"] = "niches",
            ["accounts"] = size,
            ["seed"] = settings.Seed,
            ["accuracy"] = Ratio(hits, size),
            ["accuracy_uncategorised"] = Ratio(uncategorisedHits, uncategorised),
            ["uncategorised"] = uncategorised,
            ["top2_accuracy"] = Ratio(top2, size),
            ["top2_accuracy_uncategorised"] = Ratio(uncategorisedTop2, uncategorised),
            ["profile_text_only_accuracy_uncategorised"] = Ratio(bioOnlyHits, uncategorised),
            ["held_out_vocabulary_accuracy_uncategorised"] = Ratio(heldOutHits, uncategorised),
            ["held_out_terms"] = heldOutTerms,
            ["no_niche_share"] = Ratio(noNiche, size),
            ["recall_uncategorised"] = slugs.ToDictionary(s => s, s => Ratio(truthHits[s], truthCount[s])),
            ["n_uncategorised"] = truthCount,
            ["build_us_per_account"] = Math.Round(buildSeconds / size * 1e6, 1),
            ["load_average_1m"] = Load(),
        };
        Log($"accuracy {result["accuracy"]}, without category {result["accuracy_uncategorised"]} (n = {uncategorised:N0}), " +
            $"top-2 {result["top2_accuracy"]}, profile text only {result["profile_text_only_accuracy_uncategorised"]}, " +
            $"demo vocabulary held out {result["held_out_vocabulary_accuracy_uncategorised"]}; " +
            $"builder {result["build_us_per_account"]} µs per account");
        return result;
    }

    /// <summary>The taxonomy without any keyword or hashtag of the demo niches, and how many lexicon terms that removed.</summary>
    private static (NicheScorer Scorer, int Removed) HeldOutScorer(NicheTaxonomy taxonomy)
    {
        var demo = DemoNiches.All.SelectMany(n => n.Keywords.Concat(n.Hashtags)).Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        var niches = taxonomy.Niches.Select(n =>
        {
            var keywords = n.Keywords.Where(t => !demo.Contains(t)).ToList();
            var hashtags = n.Hashtags.Where(t => !demo.Contains(t)).ToList();
            removed += n.Keywords.Count - keywords.Count + n.Hashtags.Count - hashtags.Count;
            return new { slug = n.Slug, name = n.Name, aliases = n.Aliases, keywords, hashtags };
        }).ToList();
        using var json = new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { niches }));
        return (new NicheScorer(NicheTaxonomy.Load(json)), removed);
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Load()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Log(string message) => Console.Error.WriteLine($"[niches] {message}");
}
