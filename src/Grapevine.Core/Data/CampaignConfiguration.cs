using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grapevine.Core.Data;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Brand).HasMaxLength(200);
        b.Property(x => x.BrandValues).HasMaxLength(2000);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.TargetGender).HasMaxLength(32);
        b.Property(x => x.Budget).HasPrecision(14, 2);
        b.Property(x => x.KpiRevenue).HasPrecision(14, 2);
        b.Property(x => x.ProductCost).HasPrecision(12, 2);
        b.Property(x => x.AverageOrderValue).HasPrecision(12, 2);
        // Deliverables are a short list always read with the campaign: one JSON column, no table.
        b.OwnsMany(x => x.Deliverables, d =>
        {
            d.ToJson();
            d.Property(x => x.Deliverable).HasMaxLength(40);
        });
        b.HasIndex(x => new { x.WorkspaceId, x.ArchivedAt, x.UpdatedAt });
        b.HasMany(x => x.Candidates).WithOne().HasForeignKey(x => new { x.WorkspaceId, x.CampaignId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignCandidateConfiguration : IEntityTypeConfiguration<CampaignCandidate>
{
    public void Configure(EntityTypeBuilder<CampaignCandidate> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.CampaignId, x.AccountId });
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.TestSpend).HasPrecision(12, 2);
        // A candidate's version is a fingerprint of these four (CandidateVersion): as concurrency tokens, an update writes
        // only while they still hold what was read, so two changes checked against the same version cannot both land.
        b.Property(x => x.Decision).IsConcurrencyToken();
        b.Property(x => x.AcceptsGifting).IsConcurrencyToken();
        b.Property(x => x.TestSpend).IsConcurrencyToken();
        b.Property(x => x.TestResult).IsConcurrencyToken();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignPlanConfiguration : IEntityTypeConfiguration<CampaignPlan>
{
    public void Configure(EntityTypeBuilder<CampaignPlan> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Solver).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Budget).HasPrecision(14, 2);
        b.HasIndex(x => new { x.WorkspaceId, x.CampaignId, x.CreatedAt });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => new { x.WorkspaceId, x.CampaignId }).OnDelete(DeleteBehavior.Cascade);
    }
}
