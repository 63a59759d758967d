using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Data;

public class GrapevineDb(DbContextOptions<GrapevineDb> options) : DbContext(options)
{
    public DbSet<Creator> Creators => Set<Creator>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<AccountSnapshot> AccountSnapshots => Set<AccountSnapshot>();
    public DbSet<FollowerSample> FollowerSamples => Set<FollowerSample>();
    public DbSet<CommentSample> CommentSamples => Set<CommentSample>();
    public DbSet<AccountMetric> AccountMetrics => Set<AccountMetric>();
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DatabaseProvider Provider =>
        Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Platform>().HaveConversion<LowerCaseEnumConverter<Platform>>().HaveMaxLength(16);
        configurationBuilder.Properties<PostType>().HaveConversion<LowerCaseEnumConverter<PostType>>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GrapevineDb).Assembly);
}
