using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Grapevine.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<GrapevineDb>
{
    public GrapevineDb CreateDbContext(string[] args) => new(GrapevineDatabase.CreateOptions("Host=localhost;Database=grapevine;Username=postgres"));
}
