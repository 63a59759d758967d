using Grapevine.Core.Audit;
using Grapevine.Core.Lists;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grapevine.Core.Data;

// Every workspace-owned table leads its key and indexes with workspace_id, so that the tables can
// be distributed by workspace on Citus and every lookup stays inside one tenant.

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreatorListConfiguration : IEntityTypeConfiguration<CreatorList>
{
    public void Configure(EntityTypeBuilder<CreatorList> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => new { x.WorkspaceId, x.ListId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreatorListItemConfiguration : IEntityTypeConfiguration<CreatorListItem>
{
    public void Configure(EntityTypeBuilder<CreatorListItem> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.ListId, x.AccountId });
        b.HasOne<Grapevine.Core.Catalogue.Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountNoteConfiguration : IEntityTypeConfiguration<AccountNote>
{
    public void Configure(EntityTypeBuilder<AccountNote> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.WorkspaceId, x.AccountId });
        b.HasOne<Grapevine.Core.Catalogue.Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountTagConfiguration : IEntityTypeConfiguration<AccountTag>
{
    public void Configure(EntityTypeBuilder<AccountTag> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.AccountId, x.Tag });
        b.Property(x => x.Tag).HasMaxLength(50);
        b.HasIndex(x => new { x.WorkspaceId, x.Tag });
        b.HasOne<Grapevine.Core.Catalogue.Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => new { x.WorkspaceId, x.Id });
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(320);
        b.Property(x => x.Target).HasMaxLength(400);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.HasIndex(x => new { x.WorkspaceId, x.At });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
