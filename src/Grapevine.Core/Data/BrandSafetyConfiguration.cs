using Grapevine.Core.BrandSafety;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grapevine.Core.Data;

internal sealed class BrandSafetySettingsConfiguration : IEntityTypeConfiguration<BrandSafetySettings>
{
    public void Configure(EntityTypeBuilder<BrandSafetySettings> b)
    {
        b.HasKey(x => x.WorkspaceId);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrandSafetyCategoryListConfiguration : IEntityTypeConfiguration<BrandSafetyCategoryList>
{
    public void Configure(EntityTypeBuilder<BrandSafetyCategoryList> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Name).HasMaxLength(BrandSafetyNames.MaxCategoryNameLength);
        b.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
        b.HasMany(x => x.Keywords).WithOne().HasForeignKey(x => new { x.WorkspaceId, x.CategoryId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrandSafetyKeywordConfiguration : IEntityTypeConfiguration<BrandSafetyKeyword>
{
    public void Configure(EntityTypeBuilder<BrandSafetyKeyword> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.CategoryId, x.Keyword });
        b.Property(x => x.Keyword).HasMaxLength(BrandSafetyNames.MaxKeywordLength);
    }
}
