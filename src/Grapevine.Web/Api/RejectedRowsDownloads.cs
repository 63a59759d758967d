using System.Collections.Concurrent;

namespace Grapevine.Web.Api;

/// <summary>
/// Every rejected row of the imports made through the web page and the API, as the CSV the CLI writes, kept on disk for
/// <see cref="Lifetime"/> so that whoever imported can download all of them (the report lists only the first 1,000).
/// Only each file's id, owner and expiry are held in memory. Files live in a directory of this process under the
/// system's temporary directory (grapevine-rejected-rows-*), removed at shutdown; a restart forgets them, and the next start removes what a
/// process that did not shut down cleanly left behind once it is older than the lifetime.
/// </summary>
public sealed class RejectedRowsDownloads : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string Prefix = "grapevine-rejected-rows-";

    private readonly TimeProvider _time;
    private readonly string _directory;
    private readonly ConcurrentDictionary<Guid, Download> _downloads = new();

    private sealed record Download(string Path, Guid WorkspaceId, Guid? UserId, DateTimeOffset ExpiresAt);

    public RejectedRowsDownloads(TimeProvider time)
    {
        _time = time;
        // A directory of its own, readable by this user only (the rows are the importer's data), on a machine that
        // other users and other Grapevine processes may share.
        _directory = Directory.CreateTempSubdirectory(Prefix).FullName;
        RemoveLeftovers();
    }

    /// <summary>A new id and the path the import is to write its rejected rows to.</summary>
    public (Guid Id, string Path) Reserve()
    {
        RemoveExpired();
        var id = Guid.NewGuid();
        return (id, Path.Combine(_directory, id.ToString("N") + ".csv"));
    }

    /// <summary>Keeps a written file for its importer (workspace and person; an API key counts as the person who created it).</summary>
    public DateTimeOffset Keep(Guid id, string path, Guid workspaceId, Guid? userId)
    {
        var expiresAt = _time.GetUtcNow() + Lifetime;
        _downloads[id] = new Download(path, workspaceId, userId, expiresAt);
        return expiresAt;
    }

    /// <summary>The file, opened for reading, when it exists, has not expired and belongs to this workspace and person.</summary>
    public FileStream? Open(Guid id, Guid workspaceId, Guid? userId)
    {
        RemoveExpired();
        if (!_downloads.TryGetValue(id, out var download) || download.WorkspaceId != workspaceId || download.UserId != userId)
            return null;
        try
        {
            return new FileStream(download.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            _downloads.TryRemove(id, out _);
            return null;
        }
    }

    /// <summary>Removes a file nobody will download (the import wrote no rejected row, or failed).</summary>
    public static void Discard(string path) => File.Delete(path);

    private void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, download) in _downloads)
        {
            if (download.ExpiresAt <= now && _downloads.TryRemove(id, out _))
                Discard(download.Path);
        }
    }

    private void RemoveLeftovers()
    {
        var before = _time.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (directory != _directory && Directory.GetLastWriteTimeUtc(directory) < before)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another process may be removing it at the same moment, or it is another user's; the next start tries again.
                }
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Already gone, or a download still open on a system that locks open files; the next start removes it.
        }
    }
}
