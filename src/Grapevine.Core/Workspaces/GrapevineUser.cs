using Microsoft.AspNetCore.Identity;

namespace Grapevine.Core.Workspaces;

/// <summary>A person who signs in. Belongs to workspaces through <see cref="Member"/> rows.</summary>
public class GrapevineUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
}
