using Grapevine.Core.Data;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Generates the demo catalogue and writes it through the bulk writer in one transaction, metrics included.</summary>
public sealed class DemoSeeder(GrapevineDb db, TimeProvider time)
{
    public Task<DemoSeedResult> SeedAsync(DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken ct) =>
        throw new NotImplementedException($"{db.Provider} {time} {options} {progress}");
}

/// <summary>How many rows of each kind the demo wrote.</summary>
public sealed record DemoSeedResult(int Accounts, int Posts, int Snapshots, int Followers, int Comments, TimeSpan Elapsed);

/// <summary>Progress of a seed: a stage name and how far along it is (0..1).</summary>
public sealed record DemoProgress(string Stage, double Fraction);
