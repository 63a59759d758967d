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
    /// (password reset, invitations, the demo link) starts with it. Unset: the first of <c>Urls</c>.
    /// </summary>
    public string? PublicUrl { get; set; }
}
