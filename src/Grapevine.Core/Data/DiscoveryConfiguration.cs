using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grapevine.Core.Data;

// The full-text part (SQLite FTS5 table search_profile_words, PostgreSQL column words_vector with its GIN
// index) is created by raw SQL in the Discovery migration of each provider: EF has no model for either.
internal sealed class SearchProfileConfiguration : IEntityTypeConfiguration<SearchProfile>
{
    public void Configure(EntityTypeBuilder<SearchProfile> b)
    {
        b.HasKey(x => x.AccountId);
        b.Property(x => x.AccountId).ValueGeneratedNever();
        b.Property(x => x.Handle).HasMaxLength(100);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Tier).HasMaxLength(16);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.PrimaryNiche).HasMaxLength(64);
        b.HasIndex(x => x.Followers);
        b.HasIndex(x => new { x.Platform, x.Tier });
        b.HasIndex(x => x.Country);
        b.HasIndex(x => x.Language);
        b.HasIndex(x => x.PrimaryNiche);
        b.HasIndex(x => x.EngagementRate);
        b.HasIndex(x => x.PriceEstimate);
        b.HasIndex(x => x.LastPostedAt);
        b.HasOne<Account>().WithOne().HasForeignKey<SearchProfile>(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Niches).WithOne().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchProfileNicheConfiguration : IEntityTypeConfiguration<SearchProfileNiche>
{
    public void Configure(EntityTypeBuilder<SearchProfileNiche> b)
    {
        b.HasKey(x => new { x.AccountId, x.Niche });
        b.Property(x => x.Niche).HasMaxLength(64);
        b.HasIndex(x => new { x.Niche, x.Score });
    }
}

internal sealed class SearchProfileTermConfiguration : IEntityTypeConfiguration<SearchProfileTerm>
{
    public void Configure(EntityTypeBuilder<SearchProfileTerm> b)
    {
        b.HasKey(x => new { x.AccountId, x.Term });
        b.Property(x => x.Term).HasMaxLength(101);
        b.HasIndex(x => new { x.Term, x.LastUsedAt });
    }
}

internal sealed class RateCardConfiguration : IEntityTypeConfiguration<RateCard>
{
    public void Configure(EntityTypeBuilder<RateCard> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Deliverable).HasMaxLength(40);
        b.Property(x => x.PriceUsd).HasPrecision(12, 2);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.WorkspaceId, x.AccountId, x.Deliverable }).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
