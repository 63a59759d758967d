using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grapevine.Core.Data;

// The catalogue is shared by every workspace of an installation and keyed by account id,
// so that it can be distributed by account on Citus.
internal sealed class CreatorConfiguration : IEntityTypeConfiguration<Creator>
{
    public void Configure(EntityTypeBuilder<Creator> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(x => x.Handle).HasMaxLength(100);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.ExternalUrl).HasMaxLength(2000);
        b.Property(x => x.ProfilePictureUrl).HasMaxLength(2000);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Tier).HasMaxLength(16);
        b.HasIndex(x => new { x.Platform, x.Handle }).IsUnique();
        b.HasIndex(x => x.Followers);
        b.HasIndex(x => x.Tier);
        b.HasIndex(x => x.Country);
        b.HasIndex(x => x.Category);
        b.HasOne(x => x.Creator).WithMany(x => x.Accounts).HasForeignKey(x => x.CreatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Posts).WithOne().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Metrics).WithOne().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.HasIndex(x => new { x.AccountId, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.PostedAt });
    }
}

internal sealed class AccountSnapshotConfiguration : IEntityTypeConfiguration<AccountSnapshot>
{
    public void Configure(EntityTypeBuilder<AccountSnapshot> b)
    {
        b.HasKey(x => new { x.AccountId, x.At });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowerSampleConfiguration : IEntityTypeConfiguration<FollowerSample>
{
    public void Configure(EntityTypeBuilder<FollowerSample> b)
    {
        b.HasKey(x => new { x.AccountId, x.FollowerUsername });
        b.Property(x => x.FollowerUsername).HasMaxLength(100);
        b.Property(x => x.FullName).HasMaxLength(200);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentSampleConfiguration : IEntityTypeConfiguration<CommentSample>
{
    public void Configure(EntityTypeBuilder<CommentSample> b)
    {
        b.HasKey(x => new { x.AccountId, x.CommentId });
        b.Property(x => x.CommentId).HasMaxLength(100);
        b.Property(x => x.PostExternalId).HasMaxLength(100);
        b.Property(x => x.Author).HasMaxLength(100);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountMetricConfiguration : IEntityTypeConfiguration<AccountMetric>
{
    public void Configure(EntityTypeBuilder<AccountMetric> b)
    {
        b.HasKey(x => new { x.AccountId, x.Name });
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Formula).HasMaxLength(64);
    }
}
