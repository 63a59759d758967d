using Grapevine.Core.Workspaces;
using Grapevine.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grapevine.Web.Api;

/// <summary>The caller's workspaces, and the current workspace's members and invitations.</summary>
public static class WorkspacesApi
{
    public static IEndpointRouteBuilder MapWorkspacesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Workspaces and members");
        api.MapGet("/workspaces", ListWorkspaces)
            .WithName("ListWorkspaces")
            .WithSummary("List my workspaces")
            .WithDescription("The workspaces of the signed-in user with their role in each; for an API key, only the key's workspace. `current` marks the one requests act in.");
        api.MapGet("/workspace", CurrentAsync)
            .WithName("GetCurrentWorkspace")
            .WithSummary("The current workspace")
            .WithDescription("Its name, slug, creation time, the caller's role, and how many members and owners it has.");
        api.MapPatch("/workspace", RenameAsync)
            .WithName("RenameWorkspace")
            .WithSummary("Rename the current workspace")
            .WithDescription("Needs Owner. The id and slug stay, so keys and scripts keep working. The change is audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/workspace/membership", LeaveAsync)
            .WithName("LeaveWorkspace")
            .WithSummary("Leave the current workspace")
            .WithDescription("The signed-in person stops being a member; their API keys for it are revoked (audited). The last owner cannot leave (409); nor can an API key (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/members", ListMembers)
            .WithName("ListMembers")
            .WithSummary("List the members of the current workspace");
        api.MapPost("/invitations", InviteAsync)
            .WithName("CreateInvitation")
            .WithSummary("Invite someone")
            .WithDescription("Returns a single-use link that works for 7 days; send it to the person. Needs Admin (Owner to invite an Owner). " +
                "A member's address is refused (400 naming `email`); an earlier pending invitation to the same address is revoked and replaced: " +
                "its id is in `replacedInvitations` and its link stops working.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/invitations", ListInvitationsAsync)
            .WithName("ListInvitations")
            .WithSummary("List pending invitations")
            .WithDescription("Invitations not yet accepted, revoked or expired, newest first: who was invited, as what, by whom, when, and until when the link works. Needs Admin.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/invitations/{id:guid}", RevokeInvitationAsync)
            .WithName("RevokeInvitation")
            .WithSummary("Revoke an invitation")
            .WithDescription("Its link is refused from then on. Needs Admin (Owner for an invitation as Owner); an accepted or already revoked invitation answers 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPatch("/members/{userId:guid}", ChangeRoleAsync)
            .WithName("ChangeMemberRole")
            .WithSummary("Change a member's role")
            .WithDescription("Takes effect on the member's next request. A workspace keeps at least one Owner (409). Giving the role they already have changes nothing and is not audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/members/{userId:guid}", RemoveAsync)
            .WithName("RemoveMember")
            .WithSummary("Remove a member")
            .WithDescription("The person loses access on their next request; their API keys for this workspace and pending invitations to their address are revoked (audited).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<List<WorkspaceResponse>>> ListWorkspaces(CurrentWorkspace current, WorkspaceService workspaces, CancellationToken ct)
    {
        var mine = await workspaces.MembershipsAsync(current.UserId!.Value, ct);
        // A key belongs to one workspace; it does not reveal the others its creator is in.
        var visible = current.ApiKeyId is null ? mine : mine.Where(m => m.WorkspaceId == current.Id).ToList();
        return TypedResults.Ok(visible.Select(m => new WorkspaceResponse(
            m.WorkspaceId, m.Name, m.Slug, ApiNames.Role(m.WorkspaceId == current.Id ? current.Role!.Value : m.Role), m.WorkspaceId == current.Id)).ToList());
    }

    public static async Task<Ok<CurrentWorkspaceResponse>> CurrentAsync(WorkspaceService workspaces, CancellationToken ct) =>
        TypedResults.Ok(CurrentWorkspaceResponse.From(await workspaces.DetailsAsync(ct)));

    public static async Task<Results<Ok<CurrentWorkspaceResponse>, ValidationProblem>> RenameAsync(
        RenameWorkspaceRequest request, WorkspaceService workspaces, CancellationToken ct)
    {
        if (WorkspaceService.NameProblem(request.Name) is { } problem)
            return TypedResults.ValidationProblem(ApiNames.Error("name", problem));
        await workspaces.RenameAsync(request.Name!, ct);
        return TypedResults.Ok(CurrentWorkspaceResponse.From(await workspaces.DetailsAsync(ct)));
    }

    public static async Task<NoContent> LeaveAsync(WorkspaceService workspaces, CancellationToken ct)
    {
        await workspaces.LeaveAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<MemberResponse>>> ListMembers(WorkspaceService workspaces, CancellationToken ct) =>
        TypedResults.Ok((await workspaces.MembersAsync(ct)).Select(MemberResponse.From).ToList());

    public static async Task<Results<Created<InvitationResponse>, ValidationProblem>> InviteAsync(
        InvitationRequest request, WorkspaceService workspaces, PublicLinks links, CancellationToken ct)
    {
        // Every bad field is reported at once, so a script or form is fixed in one go.
        var errors = new Dictionary<string, string[]>();
        if (WorkspaceService.EmailProblem(request.Email) is { } emailProblem)
            errors["email"] = [emailProblem];
        if (!ApiNames.TryParseRole(request.Role, out var role))
            errors["role"] = [$"'{request.Role}' is not a role: one of {ApiNames.Roles}"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var (invitation, token, replaced) = await workspaces.InviteAsync(request.Email ?? "", role, ct);
        var link = links.To($"/invitations/accept?token={token}");
        return TypedResults.Created((string?)null, new InvitationResponse(
            invitation.Id, invitation.Email, ApiNames.Role(invitation.Role), invitation.ExpiresAt, link, replaced.Select(i => i.Id).ToList()));
    }

    public static async Task<Ok<List<PendingInvitationResponse>>> ListInvitationsAsync(WorkspaceService workspaces, CancellationToken ct) =>
        TypedResults.Ok((await workspaces.PendingInvitationsAsync(ct)).Select(PendingInvitationResponse.From).ToList());

    public static async Task<NoContent> RevokeInvitationAsync(Guid id, WorkspaceService workspaces, CancellationToken ct)
    {
        await workspaces.RevokeInvitationAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MemberResponse>, ValidationProblem>> ChangeRoleAsync(
        Guid userId, RoleRequest request, WorkspaceService workspaces, CancellationToken ct)
    {
        if (!ApiNames.TryParseRole(request.Role, out var role))
            return TypedResults.ValidationProblem(ApiNames.Error("role", $"'{request.Role}' is not a role: one of {ApiNames.Roles}"));
        await workspaces.ChangeRoleAsync(userId, role, ct);
        var member = (await workspaces.MembersAsync(ct)).Single(m => m.UserId == userId);
        return TypedResults.Ok(MemberResponse.From(member));
    }

    public static async Task<NoContent> RemoveAsync(Guid userId, WorkspaceService workspaces, CancellationToken ct)
    {
        await workspaces.RemoveMemberAsync(userId, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The current workspace: <c>role</c> is the caller's, <c>members</c> and <c>owners</c> are counts.</summary>
public sealed record CurrentWorkspaceResponse(Guid Id, string Name, string Slug, DateTime CreatedAt, string Role, int Members, int Owners)
{
    public static CurrentWorkspaceResponse From(WorkspaceDetails d) => new(d.Id, d.Name, d.Slug, d.CreatedAt, ApiNames.Role(d.Role), d.Members, d.Owners);
}

/// <summary>The new name, 1 to 200 characters.</summary>
public sealed record RenameWorkspaceRequest(string? Name);

public sealed record WorkspaceResponse(Guid Id, string Name, string Slug, string Role, bool Current);

public sealed record MemberResponse(Guid UserId, string Email, string? DisplayName, string Role, DateTime JoinedAt)
{
    public static MemberResponse From(MemberView m) => new(m.UserId, m.Email, m.DisplayName, ApiNames.Role(m.Role), m.JoinedAt);
}

/// <summary>Who to invite, and as what: viewer, member, admin or owner.</summary>
public sealed record InvitationRequest(string? Email, string? Role);

/// <summary>A new invitation; <c>replacedInvitations</c> are the earlier pending invitations to the same address, now revoked.</summary>
public sealed record InvitationResponse(Guid Id, string Email, string Role, DateTime ExpiresAt, string Link, IReadOnlyList<Guid> ReplacedInvitations);

/// <summary>An invitation that can still be accepted; <c>invitedBy</c> is the inviter's e-mail (null if they have left Grapevine).</summary>
public sealed record PendingInvitationResponse(Guid Id, string Email, string Role, string? InvitedBy, DateTime SentAt, DateTime ExpiresAt)
{
    public static PendingInvitationResponse From(PendingInvitation i) => new(i.Id, i.Email, ApiNames.Role(i.Role), i.InvitedBy, i.SentAt, i.ExpiresAt);
}

/// <summary>The new role: viewer, member, admin or owner.</summary>
public sealed record RoleRequest(string? Role);
