using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Reads one account's posts, snapshots and samples and builds its vetting report; the web app and the CLI both call it.
/// Without a follower classifier (none registered) the audience quality reads "not assessed".
/// </summary>
public sealed class VettingService(GrapevineDb db, EngagementDistributionCache distributions, TimeProvider time, IFollowerClassifier? classifier = null)
{
    /// <summary>The report, or null when the catalogue has no account with that handle on that platform.</summary>
    public async Task<VettingReport?> VetAsync(Platform platform, string handle, BrandSafetyLexicon lexicon, CancellationToken ct)
    {
        var input = await ReadAsync(platform, handle, ct);
        if (input is null)
            return null;
        var distribution = await distributions.GetAsync(db, ct);
        return VettingReportBuilder.Build(input, classifier, distribution, lexicon, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The account's rows as vetting reads them, or null when the catalogue has no such account.</summary>
    public Task<VettingInput?> ReadAsync(Platform platform, string handle, CancellationToken ct) =>
        VettingInputReader.ReadAsync(db, platform, handle, ct);
}
