using System.Globalization;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Auth;

/// <summary>
/// A newcomer's way in: on a start with a catalogue but no user yet, the "Demo Brand" workspace and
/// its owner are created, and a one-time sign-in link is printed to the console. The link's token is
/// stored only as a hash, with its expiry; it works once, for <see cref="LinkLifetime"/>.
/// </summary>
public sealed class DemoSignIn(GrapevineDb db, UserManager<GrapevineUser> users, WorkspaceService workspaces, ListService lists, CurrentWorkspace current, TimeProvider time)
{
    public const string Path = "/demo-sign-in";
    public const string Email = "demo@grapevine.local";
    public const string WorkspaceName = "Demo Brand";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    private const string LoginProvider = "Grapevine";
    private const string TokenName = "demo-sign-in";

    /// <summary>Creates the demo workspace and returns the link's token; null when someone already has an account, or the catalogue is empty.</summary>
    public async Task<string?> PrepareAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct) || !await db.Accounts.AnyAsync(ct))
            return null;
        var now = time.GetUtcNow();
        // No password: the owner comes in by the link, and can set one with "Forgot your password?".
        var owner = new GrapevineUser { Id = Guid.CreateVersion7(now), UserName = Email, Email = Email, DisplayName = "Demo owner", CreatedAt = now.UtcDateTime };
        var created = await users.CreateAsync(owner);
        if (!created.Succeeded)
            throw new InvalidOperationException("Could not create the demo user: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        var workspace = await workspaces.CreateAsync(owner, WorkspaceName, ct);

        current.Enter(workspace.Id, owner.Id, owner.Email, WorkspaceRole.Owner);
        var sample = await db.Accounts.Where(a => a.Tier == "micro").OrderBy(a => a.Id).Select(a => a.Id).Take(6).ToListAsync(ct);
        if (sample.Count > 0)
        {
            var list = await lists.CreateAsync("Shortlist: micro creators", ct);
            await lists.AddAsync(list.Id, sample, ct);
        }

        var token = SecretTokens.New();
        var expires = (now + LinkLifetime).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        await users.SetAuthenticationTokenAsync(owner, LoginProvider, TokenName, $"{SecretTokens.Hash(token)} {expires}");
        return token;
    }

    /// <summary>The user a link's token signs in, once and before it expires; null otherwise.</summary>
    public async Task<GrapevineUser?> RedeemAsync(string token, CancellationToken ct)
    {
        var prefix = SecretTokens.Hash(token) + " ";
        var row = await db.UserTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.LoginProvider == LoginProvider && t.Name == TokenName && t.Value!.StartsWith(prefix), ct);
        if (row is null)
            return null;
        // Deleting before signing in makes the link single-use even when two requests race for it.
        var deleted = await db.UserTokens
            .Where(t => t.UserId == row.UserId && t.LoginProvider == LoginProvider && t.Name == TokenName && t.Value == row.Value)
            .ExecuteDeleteAsync(ct);
        var expires = DateTime.Parse(row.Value![prefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (deleted != 1 || time.GetUtcNow().UtcDateTime >= expires)
            return null;
        return await users.FindByIdAsync(row.UserId.ToString());
    }

    /// <summary>The link to print: the app's first address, with a wildcard host made into localhost.</summary>
    public static string Link(string baseAddress, string token) =>
        $"{baseAddress.TrimEnd('/').Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost")}{Path}?token={token}";
}

/// <summary>Where the demo link is printed: the console, so that it stays out of shipped logs.</summary>
public sealed class DemoLinkOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}

internal static class DemoStartup
{
    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(DemoSignIn.Path, async (HttpContext context, string? token, DemoSignIn demo, SignInService signIns, WorkspaceService workspaces, CancellationToken ct) =>
        {
            var user = string.IsNullOrEmpty(token) ? null : await demo.RedeemAsync(token, ct);
            if (user is null)
                return Results.LocalRedirect("/account/sign-in?demo=invalid");
            await signIns.SignInAsync(user, "demo link", ct);
            if ((await workspaces.MembershipsAsync(user.Id, ct)).FirstOrDefault() is { } membership)
                WorkspaceMiddleware.Choose(context, membership.WorkspaceId);
            return Results.LocalRedirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>On a fresh start, creates the demo workspace and prints its one-time link once the app listens.</summary>
    public static async Task PrepareDemoWorkspaceAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<GrapevineOptions>>().Value;
        if (!options.DemoWorkspaceOnFreshStart)
            return;
        using var scope = app.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<DemoSignIn>().PrepareAsync(ct);
        if (token is null)
            return;
        var output = app.Services.GetRequiredService<DemoLinkOutput>().Writer;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // The public address when one is set (the app may listen behind a proxy), else where it listens.
            var address = !string.IsNullOrWhiteSpace(options.PublicUrl) ? options.PublicUrl.Trim()
                : app.Urls.FirstOrDefault() ?? app.Configuration["Urls"]?.Split(';')[0] ?? PublicLinks.DefaultUrl;
            output.WriteLine();
            output.WriteLine($"  The \"{DemoSignIn.WorkspaceName}\" workspace is ready. Sign in with this one-time link (it works once, within {DemoSignIn.LinkLifetime.TotalHours:0} hours):");
            output.WriteLine($"  {DemoSignIn.Link(address, token)}");
            output.WriteLine();
            output.Flush();
        });
    }
}
