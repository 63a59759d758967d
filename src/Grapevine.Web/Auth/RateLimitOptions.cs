using System.ComponentModel.DataAnnotations;

namespace Grapevine.Web.Auth;

/// <summary>Settings under "RateLimits": requests allowed per minute before 429 Too Many Requests.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, sign-up, password-reset and demo-link requests per client address.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API requests per API key, or per signed-in user.</summary>
    [Range(1, 10_000_000)]
    public int ApiPerMinute { get; set; } = 600;
}
