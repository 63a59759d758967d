namespace Grapevine.Tests.Authenticity;

/// <summary>Temporary files for reader tests, and the repository's shipped data.</summary>
internal static class TestFiles
{
    public static string Write(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"grapevine-auth-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    public static string RepositoryFile(params string[] parts)
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Grapevine.slnx")))
            folder = Path.GetDirectoryName(folder);
        return Path.Combine([folder ?? throw new InvalidOperationException("not inside the repository"), .. parts]);
    }
}
