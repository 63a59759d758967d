using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Workspaces;

public class TenantIsolationTests
{
    [Theory, BothProviders]
    public async Task A_workspace_never_sees_another_workspaces_lists_notes_or_keys(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (dbA, a) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        var (dbB, b) = f.As(f.WorkspaceB, f.Bob, WorkspaceRole.Owner);
        await using (dbA)
        await using (dbB)
        {
            var listA = await f.Lists(dbA, a).CreateAsync("Vegan fitness", default);
            await f.Lists(dbA, a).AddAsync(listA.Id, [f.AccountId], default);
            await f.Notes(dbA, a).AddNoteAsync(f.AccountId, "Quoted $250 per reel", default);
            await f.Notes(dbA, a).AddTagAsync(f.AccountId, "Shortlist", default);
            await f.Keys(dbA, a).CreateAsync("script", ApiKeyScope.Read, default);

            Assert.Empty(await f.Lists(dbB, b).ListAsync(default));
            await Assert.ThrowsAsync<KeyNotFoundException>(() => f.Lists(dbB, b).GetAsync(listA.Id, default));
            await Assert.ThrowsAsync<KeyNotFoundException>(() => f.Lists(dbB, b).DeleteAsync(listA.Id, default));
            await Assert.ThrowsAsync<KeyNotFoundException>(() => f.Lists(dbB, b).AddAsync(listA.Id, [f.AccountId], default));
            var annotations = await f.Notes(dbB, b).ForAccountAsync(f.AccountId, default);
            Assert.Empty(annotations.Notes);
            Assert.Empty(annotations.Tags);
            Assert.Empty(await f.Keys(dbB, b).ListAsync(default));
            Assert.Equal(0, await dbB.CreatorListItems.CountAsync());
            Assert.Equal(0, await dbB.AuditEntries.CountAsync(e => e.Action == "api_key_created"));

            var mine = await f.Lists(dbA, a).GetAsync(listA.Id, default);
            Assert.Equal("anna", Assert.Single(mine.Items).Handle);
        }
    }

    [Theory, BothProviders]
    public async Task Writing_a_row_of_another_workspace_fails_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (dbA, _) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (dbA)
        {
            dbA.CreatorLists.Add(new CreatorList { WorkspaceId = f.WorkspaceB, Id = Guid.NewGuid(), Name = "smuggled" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => dbA.SaveChangesAsync());
        }
        await using var system = f.Database.CreateContext();
        Assert.Equal(0, await system.CreatorLists.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Without_a_workspace_no_workspace_rows_are_visible(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        await using var db = f.Database.CreateContext();
        Assert.Equal(0, await db.Members.CountAsync());
        Assert.Equal(2, await db.Members.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Viewers_and_read_keys_cannot_write(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (viewerDb, viewer) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Viewer);
        var (keyDb, readKey) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner, ApiKeyScope.Read);
        await using (viewerDb)
        await using (keyDb)
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => f.Lists(viewerDb, viewer).CreateAsync("x", default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => f.Notes(viewerDb, viewer).AddNoteAsync(f.AccountId, "x", default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => f.Lists(keyDb, readKey).CreateAsync("x", default));
            Assert.Empty(await f.Lists(viewerDb, viewer).ListAsync(default));
        }
    }
}
