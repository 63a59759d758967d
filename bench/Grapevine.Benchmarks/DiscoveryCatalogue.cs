using System.Collections.Concurrent;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Core.Vetting;

namespace Grapevine.Benchmarks;

/// <summary>
/// The discovery scenario's catalogue: the demo generator's accounts with their recent posts (as an import of recent
/// posts sees them), made into search profiles by <see cref="SearchProfileBuilder"/> exactly as the refresher makes
/// them from imported rows, chunk by chunk on every core, handed out in account-id order (id = index + 1).
/// Engagement percentiles are ranked against the first <see cref="PercentileSample"/> accounts' ER by platform and
/// tier (the refresher ranks against the whole catalogue; a sample keeps this a single pass over a million accounts).
/// </summary>
internal sealed class DiscoveryCatalogue(int size, int seed, DateTime asOf)
{
    public const int ChunkSize = 2_000;
    public const int PercentileSample = 50_000;

    private readonly DemoGenerator _generator = new(new DemoOptions(size, seed, asOf));

    public IEnumerable<SearchProfile[]> Chunks()
    {
        var held = new List<SearchProfile[]>();
        EngagementDistribution? distribution = null;
        foreach (var chunk in Generate())
        {
            if (distribution is null)
            {
                held.Add(chunk);
                if (held.Sum(c => c.Length) < Math.Min(PercentileSample, size))
                    continue;
                distribution = new EngagementDistribution(
                    held.SelectMany(c => c).Where(p => p.Tier is not null && p.EngagementRate is not null)
                        .Select(p => (p.Platform, p.Tier!, p.EngagementRate!.Value)),
                    asOf);
                foreach (var early in held)
                    yield return Ranked(early, distribution);
                held.Clear();
                continue;
            }
            yield return Ranked(chunk, distribution);
        }
    }

    private static SearchProfile[] Ranked(SearchProfile[] profiles, EngagementDistribution distribution)
    {
        foreach (var p in profiles)
        {
            if (p.Tier is not null && p.EngagementRate is { } er && distribution.Percentile(p.Platform, p.Tier, er) is { } percentile)
                p.EngagementPercentile = percentile / 100;
        }
        return profiles;
    }

    private IEnumerable<SearchProfile[]> Generate()
    {
        var chunks = (size + ChunkSize - 1) / ChunkSize;
        var ready = new BlockingCollection<(int, SearchProfile[])>(boundedCapacity: 8);
        var builder = SearchProfileBuilder.Default;
        var producer = Task.Run(() =>
        {
            try
            {
                var next = 0;
                Parallel.For(0, Environment.ProcessorCount, _ =>
                {
                    int chunk;
                    while ((chunk = Interlocked.Increment(ref next) - 1) < chunks)
                    {
                        var start = chunk * ChunkSize;
                        var profiles = new SearchProfile[Math.Min(ChunkSize, size - start)];
                        for (var i = 0; i < profiles.Length; i++)
                        {
                            var demo = _generator.Generate(start + i);
                            var input = SearchProfileInputs.FromRows(start + i + 1, demo.Account, demo.Posts, demo.Snapshots, demo.Followers, asOf);
                            profiles[i] = builder.Build(input, asOf);
                        }
                        ready.Add((chunk, profiles));
                    }
                });
            }
            finally
            {
                ready.CompleteAdding();
            }
        });
        // Chunks finish out of order; hand them out in order.
        var waiting = new Dictionary<int, SearchProfile[]>();
        var expected = 0;
        foreach (var (chunk, profiles) in ready.GetConsumingEnumerable())
        {
            waiting[chunk] = profiles;
            while (waiting.Remove(expected, out var item))
            {
                expected++;
                yield return item;
            }
        }
        producer.GetAwaiter().GetResult();
    }
}
