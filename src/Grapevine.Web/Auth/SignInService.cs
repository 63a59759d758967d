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
        var result = await signIns.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        var (outcome, action, detail) = result switch
        {
            { Succeeded: true } => (Outcome.SignedIn, AuditLog.Actions.SignIn, "password"),
            { IsLockedOut: true } => (Outcome.LockedOut, AuditLog.Actions.LockedOut, "locked after repeated failed sign-ins"),
            _ => (Outcome.Failed, AuditLog.Actions.SignInFailed, "wrong password"),
        };
        await AuditAsync(user, action, detail, ct);
        return outcome;
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
