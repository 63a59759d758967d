using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Api;

/// <summary>
/// Every rejected row of the imports made through the web page and the API, as the CSV the CLI writes, kept on disk for
/// <see cref="Lifetime"/> so that whoever imported can download all of them (the report lists only the first 1,000).
/// With <see cref="GrapevineOptions.DataDirectory"/> set, each file lives in its <c>rejected-rows</c> folder next to a small
/// JSON file naming its owner and expiry, so a restart keeps it (and instances sharing the folder serve each other's).
/// Without it, files live in a directory of this process under the system's temporary directory
/// (grapevine-rejected-rows-*), removed at shutdown; a restart forgets them, and the next start removes what a process
/// that did not shut down cleanly left behind once it is older than the lifetime.
/// </summary>
public sealed class RejectedRowsDownloads : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The subfolder of the data directory that holds them.</summary>
    public const string Folder = "rejected-rows";

    private const string Prefix = "grapevine-rejected-rows-";

    private readonly TimeProvider _time;
    private readonly string _directory;
    private readonly bool _kept;
    private readonly ConcurrentDictionary<Guid, Download> _downloads = new();

    private sealed record Download(Guid WorkspaceId, Guid? UserId, DateTimeOffset ExpiresAt);

    public RejectedRowsDownloads(TimeProvider time, IOptions<GrapevineOptions> options)
    {
        _time = time;
        if (options.Value.DataDirectory is { Length: > 0 } data)
        {
            _directory = Path.Combine(data, Folder);
            _kept = true;
            // Readable by this user only: the rows are the importers' data.
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(_directory);
            else
                Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            RemoveExpiredKept();
        }
        else
        {
            // A directory of its own, readable by this user only (the rows are the importer's data), on a machine that
            // other users and other Grapevine processes may share.
            _directory = Directory.CreateTempSubdirectory(Prefix).FullName;
            RemoveLeftovers();
        }
    }

    /// <summary>A new id and the path the import is to write its rejected rows to.</summary>
    public (Guid Id, string Path) Reserve()
    {
        RemoveExpired();
        var id = Guid.NewGuid();
        return (id, CsvPath(id));
    }

    /// <summary>Keeps a written file for its importer (workspace and person; an API key counts as the person who created it).</summary>
    public DateTimeOffset Keep(Guid id, string path, Guid workspaceId, Guid? userId)
    {
        if (path != CsvPath(id))
            throw new ArgumentException("Not the path reserved for this id.", nameof(path));
        var download = new Download(workspaceId, userId, _time.GetUtcNow() + Lifetime);
        if (_kept)
            File.WriteAllText(OwnerPath(id), JsonSerializer.Serialize(download));
        _downloads[id] = download;
        return download.ExpiresAt;
    }

    /// <summary>The file, opened for reading, when it exists, has not expired and belongs to this workspace and person.</summary>
    public FileStream? Open(Guid id, Guid workspaceId, Guid? userId)
    {
        RemoveExpired();
        // Kept by an earlier start of this server, or by another one sharing the data directory.
        var download = _downloads.TryGetValue(id, out var known) ? known : _kept ? ReadOwner(id) : null;
        if (download is null || download.ExpiresAt <= _time.GetUtcNow() || download.WorkspaceId != workspaceId || download.UserId != userId)
            return null;
        try
        {
            return new FileStream(CsvPath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            _downloads.TryRemove(id, out _);
            return null;
        }
    }

    /// <summary>Removes a file nobody will download (the import wrote no rejected row, or failed).</summary>
    public static void Discard(string path) => File.Delete(path);

    private string CsvPath(Guid id) => Path.Combine(_directory, id.ToString("N") + ".csv");

    private string OwnerPath(Guid id) => Path.Combine(_directory, id.ToString("N") + ".json");

    private Download? ReadOwner(Guid id)
    {
        try
        {
            return JsonSerializer.Deserialize<Download>(File.ReadAllText(OwnerPath(id)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Remove(Guid id)
    {
        Discard(CsvPath(id));
        if (_kept)
            File.Delete(OwnerPath(id));
    }

    private void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, download) in _downloads)
        {
            if (download.ExpiresAt <= now && _downloads.TryRemove(id, out _))
                Remove(id);
        }
    }

    /// <summary>At start, in the data directory: files past their lifetime, and rows an import wrote but never kept (it failed, or the server stopped).</summary>
    private void RemoveExpiredKept()
    {
        var now = _time.GetUtcNow();
        foreach (var csv in Directory.EnumerateFiles(_directory, "*.csv"))
        {
            if (!Guid.TryParseExact(Path.GetFileNameWithoutExtension(csv), "N", out var id))
                continue;
            var expiresAt = ReadOwner(id)?.ExpiresAt ?? new DateTimeOffset(File.GetLastWriteTimeUtc(csv), TimeSpan.Zero) + Lifetime;
            if (expiresAt <= now)
            {
                try
                {
                    Remove(id);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another instance sharing the folder may be removing it at the same moment; the next start tries again.
                }
            }
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
        // The data directory's files are kept for the next start.
        if (_kept)
            return;
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
