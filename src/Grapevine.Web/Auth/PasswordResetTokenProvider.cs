using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Grapevine.Web.Auth;

/// <summary>
/// Password-reset tokens: the user id, purpose, security stamp and creation time, encrypted and
/// signed by Data Protection. A token is valid for <see cref="Lifetime"/> by the injected clock (the
/// framework's provider reads the system clock, which tests cannot move), and works once: a reset
/// changes the security stamp, which every earlier token carries.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider time) : IUserTwoFactorTokenProvider<GrapevineUser>
{
    public const string ProviderName = "GrapevineReset";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Grapevine.PasswordReset.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<GrapevineUser> manager, GrapevineUser user)
    {
        var payload = string.Join('\n',
            time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), user.Id.ToString(), purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<GrapevineUser> manager, GrapevineUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            return false;
        var created = new DateTimeOffset(ticks, TimeSpan.Zero);
        return time.GetUtcNow() < created + Lifetime
            && parts[1] == user.Id.ToString()
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<GrapevineUser> manager, GrapevineUser user) => Task.FromResult(false);
}
