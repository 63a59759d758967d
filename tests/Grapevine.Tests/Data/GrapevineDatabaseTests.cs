using Grapevine.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Grapevine.Tests.Data;

public class GrapevineDatabaseTests
{
    [Fact]
    public void Without_a_connection_string_the_web_app_and_the_cli_use_one_file_in_the_users_data_folder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.False(string.IsNullOrEmpty(data), "this machine has a user data folder");
        var expected = Path.Combine(data, "grapevine", "grapevine.db");
        Assert.Equal(expected, GrapevineDatabase.DefaultDatabasePath);
        Assert.True(Path.IsPathRooted(GrapevineDatabase.DefaultDatabasePath), "the default does not depend on the working directory");

        // The web app passes its configuration (an empty ConnectionStrings:Grapevine in appsettings.json); the CLI passes none.
        var web = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Grapevine"] = "",
            [GrapevineDatabase.EnvironmentVariable] = null,
        }).Build();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(GrapevineDatabase.EnvironmentVariable)))
        {
            Assert.Equal($"Data Source={expected}", GrapevineDatabase.ResolveConnectionString(web));
            Assert.Equal($"Data Source={expected}", GrapevineDatabase.ResolveConnectionString(null));
            Assert.True(Directory.Exists(Path.GetDirectoryName(expected)), "the folder is made, since SQLite makes only the file");
        }
    }

    [Theory]
    [InlineData("/tmp/mine.db", "Data Source=/tmp/mine.db")]
    [InlineData("Data Source=x.db;Cache=Shared", "Data Source=x.db;Cache=Shared")]
    [InlineData(" Host=db;Database=g ", "Host=db;Database=g")]
    public void A_named_database_is_used_as_given(string given, string expected) =>
        Assert.Equal(expected, GrapevineDatabase.ResolveConnectionString(null, given));

    [Fact]
    public void The_web_apps_empty_connection_string_does_not_hide_GRAPEVINE_DB()
    {
        // appsettings.json ships ConnectionStrings:Grapevine = ""; GRAPEVINE_DB reaches the configuration as an environment variable.
        var web = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Grapevine"] = "",
            [GrapevineDatabase.EnvironmentVariable] = "/tmp/review/g.db",
        }).Build();
        Assert.Equal("Data Source=/tmp/review/g.db", GrapevineDatabase.ResolveConnectionString(web));

        var both = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Grapevine"] = "Host=db;Database=g",
            [GrapevineDatabase.EnvironmentVariable] = "/tmp/review/g.db",
        }).Build();
        Assert.Equal("Host=db;Database=g", GrapevineDatabase.ResolveConnectionString(both));
    }
}
