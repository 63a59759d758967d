using System.Net;
using System.Net.Http.Headers;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Web;

/// <summary>Users, workspaces, memberships and API keys made through the app's own services, and clients that use them.</summary>
internal static class TestAccounts
{
    public const string Password = "correct horse battery";

    public static async Task<GrapevineUser> CreateUserAsync(this GrapevineWebFactory factory, string email, string password = Password)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GrapevineUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = new GrapevineUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<Guid> CreateWorkspaceAsync(this GrapevineWebFactory factory, GrapevineUser owner, string name)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync(owner, name, default)).Id;
    }

    public static async Task AddMemberAsync(this GrapevineWebFactory factory, Guid workspace, GrapevineUser user, WorkspaceRole role)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrapevineDb>();
        db.Members.Add(new Member { WorkspaceId = workspace, UserId = user.Id, Role = role, JoinedAt = DateTime.UnixEpoch });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="action"/> with the services of a request by <paramref name="user"/> in <paramref name="workspace"/>.</summary>
    public static async Task<T> AsMemberAsync<T>(this GrapevineWebFactory factory, Guid workspace, GrapevineUser user, WorkspaceRole role, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Enter(workspace, user.Id, user.Email, role);
        return await action(scope.ServiceProvider);
    }

    public static Task<string> CreateApiKeyAsync(this GrapevineWebFactory factory, Guid workspace, GrapevineUser creator, ApiKeyScope scope = ApiKeyScope.ReadWrite, string name = "tests") =>
        factory.AsMemberAsync(workspace, creator, WorkspaceRole.Owner, async services =>
            (await services.GetRequiredService<ApiKeyService>().CreateAsync(name, scope, default)).Secret);

    public static HttpClient CreateKeyClient(this GrapevineWebFactory factory, string secret)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>An owner with a workspace and a read-write key, and a client that sends the key.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this GrapevineWebFactory factory, string email = "owner@example.com")
    {
        var owner = await factory.CreateUserAsync(email);
        var workspace = await factory.CreateWorkspaceAsync(owner, "Test Brand");
        return factory.CreateKeyClient(await factory.CreateApiKeyAsync(workspace, owner));
    }

    /// <summary>An owner with a workspace, signed in through the sign-in form.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this GrapevineWebFactory factory, string email = "owner@example.com")
    {
        var owner = await factory.CreateUserAsync(email);
        await factory.CreateWorkspaceAsync(owner, "Test Brand");
        return await factory.SignInAsync(email);
    }

    public static async Task<HttpClient> SignInAsync(this GrapevineWebFactory factory, string email, string password = Password)
    {
        var client = factory.CreateBrowserClient();
        var response = await Forms.SubmitAsync(client, "/account/sign-in", "sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }
}
