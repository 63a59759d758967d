using System.ComponentModel.DataAnnotations;

namespace Grapevine.Web;

/// <summary>Settings under "Grapevine" in appsettings.json or GRAPEVINE__* environment variables.</summary>
public sealed class GrapevineOptions
{
    public const string Section = "Grapevine";

    /// <summary>How many demo accounts to create when the catalogue is empty at start; 0 turns it off.</summary>
    [Range(0, 2_000_000)]
    public int DemoCreatorsOnEmptyDatabase { get; set; } = 20_000;

    public int DemoSeed { get; set; } = 42;

    /// <summary>
    /// On a start with a catalogue and no user yet, create the "Demo Brand" workspace and print a
    /// one-time sign-in link for its owner.
    /// </summary>
    public bool DemoWorkspaceOnFreshStart { get; set; } = true;

    /// <summary>
    /// The address people reach the site at (e.g. https://grapevine.example.com): every e-mailed or shown link
    /// (password reset, invitations, the demo link) starts with it. Unset: the address the app listens on (the first of <c>Urls</c>).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// E-mail addresses of the people who may import into the shared catalogue through the web app and the API
    /// (and the API keys they create). Empty lets every Member, Admin and Owner of any workspace import.
    /// </summary>
    public string[] CatalogueImporters { get; set; } = [];

    /// <summary>
    /// A folder of this installation's own files that outlive a restart: the rejected rows of web and API imports go in its
    /// <c>rejected-rows</c> subfolder for their 24 hours. Unset: they go in the system's temporary directory and a restart forgets them.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The largest upload the import page and <c>POST /api/v1/imports</c> take, in bytes (whole request, form fields included):
    /// 2 GB (2,147,483,648). Larger files go through the CLI, which reads them from disk and has no limit.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
