using System.Reflection;
using Grapevine.Core.Data;
using Xunit.Sdk;

namespace Grapevine.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a data test once per provider, SQLite and PostgreSQL. The test takes a
/// <see cref="DatabaseProvider"/> as its first parameter and creates a <see cref="TestDatabase"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        yield return [DatabaseProvider.Postgres];
    }
}
