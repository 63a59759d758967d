using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;

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

    public async Task<VettingInput?> ReadAsync(Platform platform, string handle, CancellationToken ct)
    {
        var normalized = CatalogueNames.NormalizeHandle(handle);
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Platform == platform && a.Handle == normalized)
            .Select(a => new { a.Id, a.Handle, a.Followers })
            .SingleOrDefaultAsync(ct);
        if (account is null)
            return null;
        var posts = await db.Posts.AsNoTracking().Where(p => p.AccountId == account.Id)
            .Select(p => new VettingPost(p.ExternalId, p.PostedAt, p.Type, p.Caption, p.Hashtags, p.Likes, p.Comments, p.Shares, p.Saves,
                p.Views, p.Reach, p.IsPaidPartnership))
            .ToListAsync(ct);
        var snapshots = await db.AccountSnapshots.AsNoTracking().Where(s => s.AccountId == account.Id)
            .Select(s => new { s.At, s.Followers })
            .ToListAsync(ct);
        var followers = await db.FollowerSamples.AsNoTracking().Where(f => f.AccountId == account.Id)
            .Select(f => new FollowerProfile(f.FollowerUsername, f.FullName, null, f.BioLength, f.Followers, f.Following, f.PostsCount,
                f.HasProfilePic, f.IsPrivate, f.HasExternalUrl, null))
            .ToListAsync(ct);
        var comments = await db.CommentSamples.AsNoTracking().Where(c => c.AccountId == account.Id)
            .Select(c => new VettingComment(c.PostExternalId, c.Author, c.Text))
            .ToListAsync(ct);
        return new VettingInput(platform, account.Handle, account.Followers, posts,
            [.. snapshots.Select(s => new SnapshotObservation(s.At, s.Followers))], followers, comments);
    }
}
