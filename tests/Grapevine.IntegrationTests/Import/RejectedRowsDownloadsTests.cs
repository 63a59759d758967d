using Grapevine.Web;
using Grapevine.Web.Api;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Import;

/// <summary>Where the rejected rows of web imports are kept, and whether a restart of the server keeps them.</summary>
public class RejectedRowsDownloadsTests
{
    private static readonly Guid Workspace = Guid.NewGuid();
    private static readonly Guid Person = Guid.NewGuid();

    private static Guid KeepOne(RejectedRowsDownloads downloads)
    {
        var (id, path) = downloads.Reserve();
        File.WriteAllText(path, "platform,handle,followers,line,field,error\n");
        downloads.Keep(id, path, Workspace, Person);
        return id;
    }

    private static bool CanOpen(RejectedRowsDownloads downloads, Guid id, Guid? person = null)
    {
        using var file = downloads.Open(id, Workspace, person ?? Person);
        return file is not null;
    }

    [Fact]
    public void With_a_data_directory_a_restart_keeps_them_for_their_day()
    {
        var data = Directory.CreateTempSubdirectory("grapevine-data-");
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
            var options = Options.Create(new GrapevineOptions { DataDirectory = data.FullName });
            Guid id;
            using (var first = new RejectedRowsDownloads(time, options))
            {
                id = KeepOne(first);
                Assert.StartsWith(Path.Combine(data.FullName, RejectedRowsDownloads.Folder), first.Reserve().Path, StringComparison.Ordinal);
            }

            time.Advance(TimeSpan.FromHours(23));
            using (var restarted = new RejectedRowsDownloads(time, options))
            {
                Assert.True(CanOpen(restarted, id), "a restart lost the rejected rows kept in the data directory");
                Assert.False(CanOpen(restarted, id, Guid.NewGuid()), "someone else opened another person's rejected rows");
            }

            time.Advance(TimeSpan.FromHours(1));
            using (var dayLater = new RejectedRowsDownloads(time, options))
            {
                Assert.False(CanOpen(dayLater, id));
                Assert.Empty(Directory.EnumerateFiles(Path.Combine(data.FullName, RejectedRowsDownloads.Folder)));
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_one_they_live_in_a_temporary_directory_that_a_restart_forgets()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new GrapevineOptions());
        string path;
        Guid id;
        using (var first = new RejectedRowsDownloads(time, options))
        {
            id = KeepOne(first);
            path = first.Reserve().Path;
            Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
            Assert.True(CanOpen(first, id));
        }
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "the temporary directory outlived the server");
        using var restarted = new RejectedRowsDownloads(time, options);
        Assert.False(CanOpen(restarted, id));
    }
}
