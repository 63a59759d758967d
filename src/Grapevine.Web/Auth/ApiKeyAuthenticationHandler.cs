using System.Security.Claims;
using System.Text.Encodings.Web;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer gv_…</c> on the API. The key names its workspace and scope; a revoked
/// key fails on the very next request because every request looks the key up.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string WorkspaceClaim = "grapevine:workspace";
    public const string ScopeClaim = "grapevine:key_scope";
    public const string KeyIdClaim = "grapevine:key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.CreatedBy.ToString()),
            new Claim(ClaimTypes.Name, $"API key {key.Prefix}…"),
            new Claim(WorkspaceClaim, key.WorkspaceId.ToString()),
            new Claim(ScopeClaim, key.Scope.ToString()),
            new Claim(KeyIdClaim, key.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
