using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Grapevine.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<GrapevineDb>
{
    public GrapevineDb CreateDbContext(string[] args) => new(GrapevineDatabase.CreateOptions("Data Source=design-time.db"));
}
