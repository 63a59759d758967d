namespace Grapevine.Core.Workspaces;

/// <summary>A brand's or agency's private space. Every workspace-owned table keys on its id.</summary>
public class Workspace
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public DateTime CreatedAt { get; set; }
}
