using System.Collections.Concurrent;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery;

namespace Grapevine.Benchmarks;

/// <summary>
/// The discovery scenario's catalogue: the demo generator's accounts (with their recent posts, as an import of
/// recent posts sees them) turned into search profiles, chunk by chunk on every core, in account-id order.
/// </summary>
internal sealed class DiscoveryCatalogue(int size, int seed, DateTime asOf)
{
    public const int ChunkSize = 5_000;

    public DemoGenerator Generator { get; } = new(new DemoOptions(size, seed, asOf));

    public int Size => size;

    public DateTime AsOf => asOf;

    /// <summary>Chunks of profiles in account order (account id = index + 1), generated ahead on all cores.</summary>
    public IEnumerable<(DemoAccount[] Accounts, SearchProfile[] Profiles)> Chunks(Func<DemoAccount, long, SearchProfile> build)
    {
        var chunks = (size + ChunkSize - 1) / ChunkSize;
        var ready = new BlockingCollection<(int, DemoAccount[], SearchProfile[])>(boundedCapacity: 4);
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
                        var accounts = new DemoAccount[Math.Min(ChunkSize, size - start)];
                        var profiles = new SearchProfile[accounts.Length];
                        for (var i = 0; i < accounts.Length; i++)
                        {
                            accounts[i] = Generator.Generate(start + i);
                            profiles[i] = build(accounts[i], start + i + 1);
                        }
                        ready.Add((chunk, accounts, profiles));
                    }
                });
            }
            finally
            {
                ready.CompleteAdding();
            }
        });
        // Chunks finish out of order; hand them out in order.
        var waiting = new Dictionary<int, (DemoAccount[], SearchProfile[])>();
        var expected = 0;
        foreach (var (chunk, accounts, profiles) in ready.GetConsumingEnumerable())
        {
            waiting[chunk] = (accounts, profiles);
            while (waiting.Remove(expected, out var item))
            {
                expected++;
                yield return item;
            }
        }
        producer.GetAwaiter().GetResult();
    }
}
