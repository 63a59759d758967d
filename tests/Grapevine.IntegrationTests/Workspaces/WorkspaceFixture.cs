using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Workspaces;

/// <summary>Two workspaces with an owner each and one catalogue account, on one test database.</summary>
internal sealed class WorkspaceFixture(TestDatabase database) : IAsyncDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public TestDatabase Database => database;
    public GrapevineUser Alice { get; private set; } = null!;
    public GrapevineUser Bob { get; private set; } = null!;
    public Guid WorkspaceA { get; private set; }
    public Guid WorkspaceB { get; private set; }
    public long AccountId { get; private set; }

    public static async Task<WorkspaceFixture> CreateAsync(DatabaseProvider provider)
    {
        var fixture = new WorkspaceFixture(await TestDatabase.CreateAsync(provider));
        await fixture.SeedAsync();
        return fixture;
    }

    private async Task SeedAsync()
    {
        await using var db = database.CreateContext();
        Alice = NewUser("alice@example.com");
        Bob = NewUser("bob@example.com");
        db.Users.AddRange(Alice, Bob);
        var account = new Account { Creator = new Creator { DisplayName = "Anna" }, Platform = Platform.Instagram, Handle = "anna", Followers = 12_000 };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        AccountId = account.Id;
        var none = new CurrentWorkspace();
        WorkspaceA = (await Workspaces(db, none).CreateAsync(Alice, "Alpha Brand", default)).Id;
        WorkspaceB = (await Workspaces(db, none).CreateAsync(Bob, "Beta Agency", default)).Id;
    }

    public GrapevineUser NewUser(string email) => new()
    {
        Id = Guid.NewGuid(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString(),
        CreatedAt = Time.GetUtcNow().UtcDateTime,
    };

    /// <summary>New users with these addresses, saved, in no workspace yet.</summary>
    public async Task<GrapevineUser[]> AddUsersAsync(params string[] emails)
    {
        var users = emails.Select(NewUser).ToArray();
        await using var system = Database.CreateContext();
        system.Users.AddRange(users);
        await system.SaveChangesAsync();
        return users;
    }

    /// <summary>A database context as a request of <paramref name="user"/> in <paramref name="workspace"/> would see it.</summary>
    public (GrapevineDb Db, CurrentWorkspace Current) As(Guid workspace, GrapevineUser user, WorkspaceRole role, ApiKeyScope? scope = null)
    {
        var current = new CurrentWorkspace();
        current.Enter(workspace, user.Id, user.Email, role, scope);
        return (new GrapevineDb(GrapevineDatabase.CreateOptions(database.ConnectionString), current), current);
    }

    public WorkspaceService Workspaces(GrapevineDb db, CurrentWorkspace current) => new(db, current, new AuditLog(db, current, Time), Time);

    public ListService Lists(GrapevineDb db, CurrentWorkspace current) => new(db, current, new AuditLog(db, current, Time), Time);

    public NoteService Notes(GrapevineDb db, CurrentWorkspace current) => new(db, current, new AuditLog(db, current, Time), Time);

    public ApiKeyService Keys(GrapevineDb db, CurrentWorkspace current) => new(db, current, new AuditLog(db, current, Time), Time);

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
