using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Audit;

/// <summary>Writes security-relevant events. Callers pass names and ids, never secrets.</summary>
public sealed class AuditLog(GrapevineDb db, CurrentWorkspace current, TimeProvider time)
{
    public static class Actions
    {
        public const string SignIn = "sign_in";
        public const string SignInFailed = "sign_in_failed";
        public const string SignOut = "sign_out";
        public const string LockedOut = "locked_out";
        public const string PasswordReset = "password_reset";
        public const string MemberInvited = "member_invited";
        public const string MemberJoined = "member_joined";
        public const string MemberRoleChanged = "member_role_changed";
        public const string MemberRemoved = "member_removed";
        public const string ApiKeyCreated = "api_key_created";
        public const string ApiKeyRevoked = "api_key_revoked";
        public const string Export = "export";
        public const string WorkspaceCreated = "workspace_created";
    }

    /// <summary>Adds an entry for the current workspace; it is saved with the caller's next SaveChanges.</summary>
    public void Add(string action, string? target = null, string? detail = null, string? ipAddress = null) =>
        AddTo(current.Id ?? throw new InvalidOperationException("No current workspace to audit."), action, target, detail, ipAddress, current.UserId, current.ActorName);

    /// <summary>Adds an entry for a given workspace (events before a workspace is entered, such as sign-in).</summary>
    public void AddTo(Guid workspaceId, string action, string? target, string? detail, string? ipAddress, Guid? actorUserId, string? actorName) =>
        db.AuditEntries.Add(new AuditEntry
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            At = time.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            ActorName = actorName,
            Action = action,
            Target = target,
            Detail = detail,
            IpAddress = ipAddress,
        });
}
