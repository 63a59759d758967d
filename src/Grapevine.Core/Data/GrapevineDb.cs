using System.Linq.Expressions;
using Grapevine.Core.Audit;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Lists;
using Grapevine.Core.Metrics;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Data;

/// <summary>
/// The database. Workspace-owned entities (<see cref="IWorkspaceOwned"/>) are filtered by
/// <paramref name="current"/> in every query and stamped with it on save: this is the one place
/// tenant isolation is enforced. Without a current workspace those queries return nothing.
/// </summary>
public class GrapevineDb(DbContextOptions<GrapevineDb> options, CurrentWorkspace? current = null)
    : IdentityUserContext<GrapevineUser, Guid>(options)
{
    public DbSet<Creator> Creators => Set<Creator>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<AccountSnapshot> AccountSnapshots => Set<AccountSnapshot>();
    public DbSet<FollowerSample> FollowerSamples => Set<FollowerSample>();
    public DbSet<CommentSample> CommentSamples => Set<CommentSample>();
    public DbSet<AccountMetric> AccountMetrics => Set<AccountMetric>();
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CreatorList> CreatorLists => Set<CreatorList>();
    public DbSet<CreatorListItem> CreatorListItems => Set<CreatorListItem>();
    public DbSet<AccountNote> AccountNotes => Set<AccountNote>();
    public DbSet<AccountTag> AccountTags => Set<AccountTag>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<BrandSafetySettings> BrandSafetySettings => Set<BrandSafetySettings>();
    public DbSet<BrandSafetyCategoryList> BrandSafetyCategories => Set<BrandSafetyCategoryList>();
    public DbSet<BrandSafetyKeyword> BrandSafetyKeywords => Set<BrandSafetyKeyword>();
    public DbSet<SearchProfile> SearchProfiles => Set<SearchProfile>();
    public DbSet<SearchProfileNiche> SearchProfileNiches => Set<SearchProfileNiche>();
    public DbSet<SearchProfileTerm> SearchProfileTerms => Set<SearchProfileTerm>();
    public DbSet<RateCard> RateCards => Set<RateCard>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignCandidate> CampaignCandidates => Set<CampaignCandidate>();
    public DbSet<CampaignPlan> CampaignPlans => Set<CampaignPlan>();

    public DatabaseProvider Provider =>
        Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The workspace every workspace-owned query is limited to (Guid.Empty: none).</summary>
    public Guid CurrentWorkspaceId => current?.Id ?? Guid.Empty;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Platform>().HaveConversion<LowerCaseEnumConverter<Platform>>().HaveMaxLength(16);
        configurationBuilder.Properties<PostType>().HaveConversion<LowerCaseEnumConverter<PostType>>().HaveMaxLength(16);
        configurationBuilder.Properties<WorkspaceRole>().HaveConversion<LowerCaseEnumConverter<WorkspaceRole>>().HaveMaxLength(16);
        configurationBuilder.Properties<ApiKeyScope>().HaveConversion<LowerCaseEnumConverter<ApiKeyScope>>().HaveMaxLength(16);
        configurationBuilder.Properties<CampaignGoal>().HaveConversion<LowerCaseEnumConverter<CampaignGoal>>().HaveMaxLength(16);
        configurationBuilder.Properties<CandidateDecision>().HaveConversion<LowerCaseEnumConverter<CandidateDecision>>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<GrapevineUser>().ToTable("users");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GrapevineDb).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IWorkspaceOwned).IsAssignableFrom(e.ClrType)))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(IWorkspaceOwned.WorkspaceId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId))),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(filter);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampWorkspace();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampWorkspace();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// New rows take the current workspace; a write to another workspace's row while one is
    /// current is a bug, and fails loudly rather than leaking across tenants.
    /// </summary>
    private void StampWorkspace()
    {
        foreach (var entry in ChangeTracker.Entries<IWorkspaceOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.WorkspaceId == Guid.Empty)
                entry.Entity.WorkspaceId = CurrentWorkspaceId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && current?.Id is { } workspace && entry.Entity.WorkspaceId != workspace)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another workspace cannot be written from this one.");
            if (entry.Entity.WorkspaceId == Guid.Empty)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} needs a workspace.");
        }
    }
}
