using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Grapevine.Web.Auth;

/// <summary>
/// Signs people in and out through Identity (lockout on repeated failures) and writes each
/// attempt to the audit log of every workspace the person belongs to. Passwords are never logged.
/// </summary>
public sealed class SignInService(
    SignInManager<GrapevineUser> signIns,
    UserManager<GrapevineUser> users,
    WorkspaceService workspaces,
    AuditLog audit,
    GrapevineDb db,
    CurrentWorkspace current,
    IHttpContextAccessor http)
{
    public enum Outcome { SignedIn, Failed, LockedOut }

    public async Task<Outcome> PasswordSignInAsync(string email, string password, bool remember, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
            return Outcome.Failed;
        // Told apart so that the log has one locked_out when the lock starts, not one more for every attempt during it.
        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIns.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync(user, AuditLog.Actions.SignIn, "password", ct);
            return Outcome.SignedIn;
        }
        if (!result.IsLockedOut)
        {
            await AuditAsync(user, AuditLog.Actions.SignInFailed, "wrong password", ct);
            return Outcome.Failed;
        }
        if (lockedBefore)
        {
            await AuditAsync(user, AuditLog.Actions.SignInFailed, "refused: the account is locked", ct);
            return Outcome.LockedOut;
        }
        await AuditAsync(user, AuditLog.Actions.SignInFailed, "wrong password", ct);
        await AuditAsync(user, AuditLog.Actions.LockedOut, "locked after repeated failed sign-ins", ct);
        return Outcome.LockedOut;
    }

    /// <summary>Signs in a user who proved who they are another way (just signed up, or a demo link).</summary>
    public async Task SignInAsync(GrapevineUser user, string how, CancellationToken ct)
    {
        await signIns.SignInAsync(user, isPersistent: false);
        await AuditAsync(user, AuditLog.Actions.SignIn, how, ct);
    }

    public async Task SignOutAsync(GrapevineUser? user, CancellationToken ct)
    {
        await signIns.SignOutAsync();
        if (user is not null)
            await AuditAsync(user, AuditLog.Actions.SignOut, null, ct);
    }

    public async Task AuditAsync(GrapevineUser user, string action, string? detail, CancellationToken ct)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        foreach (var membership in await workspaces.MembershipsAsync(user.Id, ct))
            audit.AddTo(membership.WorkspaceId, action, user.Email, detail, address, user.Id, user.Email);
        using (current.Leave())
            await db.SaveChangesAsync(ct);
    }
}
