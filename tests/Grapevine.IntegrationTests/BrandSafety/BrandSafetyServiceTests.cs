using Grapevine.Core.Audit;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.BrandSafety;

/// <summary>A workspace's brand-safety lists: defaults until edited, edits kept, input normalised and checked, rights and audit.</summary>
public class BrandSafetyServiceTests
{
    [Theory, BothProviders]
    public async Task A_new_workspace_uses_the_shipped_defaults_until_it_edits(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Owner);
        await using var _ = db;
        var service = Service(fx, db, current);

        Assert.Same(BrandSafetyLexicon.Default, await service.GetLexiconAsync(default));
        var lists = await service.GetListsAsync(default);
        Assert.True(lists.IsDefault);
        Assert.Null(lists.EditedAt);
        Assert.Equal(BrandSafetyLexicon.Default.Categories.Select(c => c.Name).Order(StringComparer.Ordinal), lists.Categories.Select(c => c.Name));
        Assert.Contains("#beer", lists.Categories.Single(c => c.Name == "alcohol").Keywords);
        Assert.Equal(0, await db.BrandSafetyCategories.CountAsync());
        Assert.Empty(await db.AuditEntries.Where(e => e.Action.StartsWith("brand_safety")).ToListAsync());
    }

    [Theory, BothProviders]
    public async Task Edits_persist_and_stay_in_their_workspace(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Member);
        await using (db)
        {
            var service = Service(fx, db, current);
            var alcohol = await service.AddKeywordsAsync("Alcohol", ["  Prosecco ", "#Aperitivo", "prosecco", "beer"], default);
            Assert.Contains("prosecco", alcohol.Keywords);
            Assert.Contains("#aperitivo", alcohol.Keywords);
            Assert.Equal(BrandSafetyLexicon.Default.Categories.Single(c => c.Name == "alcohol").Keywords.Count + 2, alcohol.Keywords.Count);
            await service.RemoveKeywordsAsync("alcohol", ["gin", "not-there"], default);
            await service.RenameCategoryAsync("gambling", "Betting  and casinos", default);
            await service.DeleteCategoryAsync("politics", default);
            await service.AddCategoryAsync("Competitors", ["Rival Cola", "#rivalcola"], default);
        }

        var (fresh, freshCurrent) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Viewer);
        await using (fresh)
        {
            var lists = await Service(fx, fresh, freshCurrent).GetListsAsync(default);
            Assert.False(lists.IsDefault);
            Assert.Equal(fx.Time.GetUtcNow().UtcDateTime, lists.EditedAt);
            Assert.Equal(["adult", "alcohol", "betting and casinos", "competitors", "drugs", "profanity", "violence"], lists.Categories.Select(c => c.Name));
            var alcohol = lists.Categories.Single(c => c.Name == "alcohol").Keywords;
            Assert.Contains("prosecco", alcohol);
            Assert.DoesNotContain("gin", alcohol);
            Assert.Equal(["#rivalcola", "rival cola"], lists.Categories.Single(c => c.Name == "competitors").Keywords);
            Assert.Contains("casino", lists.Categories.Single(c => c.Name == "betting and casinos").Keywords);
            var lexicon = await Service(fx, fresh, freshCurrent).GetLexiconAsync(default);
            Assert.NotSame(BrandSafetyLexicon.Default, lexicon);
            Assert.Equal(lists.Categories.Select(c => c.Name), lexicon.Categories.Select(c => c.Name));
        }

        var (other, otherCurrent) = fx.As(fx.WorkspaceB, fx.Bob, WorkspaceRole.Owner);
        await using (other)
        {
            Assert.True((await Service(fx, other, otherCurrent).GetListsAsync(default)).IsDefault);
            Assert.Same(BrandSafetyLexicon.Default, await Service(fx, other, otherCurrent).GetLexiconAsync(default));
        }
    }

    [Theory, BothProviders]
    public async Task Deleting_every_category_leaves_an_empty_lexicon_and_reset_brings_the_defaults_back(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Owner);
        await using var _ = db;
        var service = Service(fx, db, current);

        foreach (var category in BrandSafetyLexicon.Default.Categories)
            await service.DeleteCategoryAsync(category.Name, default);
        var empty = await service.GetListsAsync(default);
        Assert.False(empty.IsDefault);
        Assert.Empty(empty.Categories);
        Assert.Empty((await service.GetLexiconAsync(default)).Categories);

        await service.ResetAsync(default);
        Assert.Same(BrandSafetyLexicon.Default, await service.GetLexiconAsync(default));
        Assert.True((await service.GetListsAsync(default)).IsDefault);
        Assert.Equal(0, await db.BrandSafetyCategories.CountAsync());
        Assert.Equal(0, await db.BrandSafetyKeywords.CountAsync());
    }

    [Theory, BothProviders]
    public async Task Bad_input_is_refused_with_the_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Owner);
        await using var _ = db;
        var service = Service(fx, db, current);

        await AssertRefusedAsync("add[1]", "cannot be empty", () => service.AddKeywordsAsync("alcohol", ["ok", "   "], default));
        await AssertRefusedAsync("add[0]", "cannot be empty", () => service.AddKeywordsAsync("alcohol", [null], default));
        await AssertRefusedAsync("add[0]", "at most 100 characters", () => service.AddKeywordsAsync("alcohol", [new string('x', 101)], default));
        await AssertRefusedAsync("add[0]", "is not a hashtag", () => service.AddKeywordsAsync("alcohol", ["#happy hour"], default));
        await AssertRefusedAsync("add[0]", "is not a hashtag", () => service.AddKeywordsAsync("alcohol", ["#"], default));
        await AssertRefusedAsync("add[1]", "'🔥' has no letter or digit", () => service.AddKeywordsAsync("alcohol", ["ok", "🔥"], default));
        await AssertRefusedAsync("add[0]", "'!!!' has no letter or digit", () => service.AddKeywordsAsync("alcohol", ["!!!"], default));
        await AssertRefusedAsync("remove[0]", "cannot be empty", () => service.RemoveKeywordsAsync("alcohol", [""], default));
        await AssertRefusedAsync("name", "1 to 50 letters", () => service.AddCategoryAsync(" ", [], default));
        await AssertRefusedAsync("name", "1 to 50 letters", () => service.AddCategoryAsync("a/b", [], default));
        await AssertRefusedAsync("name", "1 to 50 letters", () => service.AddCategoryAsync(new string('c', 51), [], default));
        await AssertRefusedAsync("name", "already", () => service.AddCategoryAsync("Alcohol", [], default));
        await AssertRefusedAsync("keywords[2]", "cannot be empty", () => service.AddCategoryAsync("fine", ["a", "b", ""], default));
        await AssertRefusedAsync("name", "already", () => service.RenameCategoryAsync("alcohol", "GAMBLING", default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => service.AddKeywordsAsync("no such", ["x"], default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => service.DeleteCategoryAsync("no such", default));

        // Nothing refused was written, and an edit that changes nothing does not copy the defaults either.
        Assert.Contains("beer", (await service.AddKeywordsAsync("alcohol", ["BEER", "#Beer"], default)).Keywords);
        Assert.True((await service.GetListsAsync(default)).IsDefault);
        Assert.Equal(0, await db.BrandSafetySettings.CountAsync());
        Assert.Empty(await db.AuditEntries.Where(e => e.Action.StartsWith("brand_safety")).ToListAsync());

        for (var i = BrandSafetyLexicon.Default.Categories.Count; i < BrandSafetyService.MaxCategories; i++)
            await service.AddCategoryAsync($"extra {i}", [], default);
        await Assert.ThrowsAsync<WorkspaceRuleException>(() => service.AddCategoryAsync("one too many", [], default));
    }

    [Theory, BothProviders]
    public async Task Viewers_and_read_keys_read_but_do_not_edit(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        foreach (var (role, scope) in new (WorkspaceRole, ApiKeyScope?)[] { (WorkspaceRole.Viewer, null), (WorkspaceRole.Owner, ApiKeyScope.Read) })
        {
            var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, role, scope);
            await using var _ = db;
            var service = Service(fx, db, current);
            Assert.True((await service.GetListsAsync(default)).IsDefault);
            Assert.Same(BrandSafetyLexicon.Default, await service.GetLexiconAsync(default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.AddKeywordsAsync("alcohol", ["prosecco"], default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.RemoveKeywordsAsync("alcohol", ["beer"], default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.RenameCategoryAsync("alcohol", "drinks", default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.AddCategoryAsync("competitors", [], default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.DeleteCategoryAsync("alcohol", default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => service.ResetAsync(default));
        }
        await using var check = fx.Database.CreateContext();
        Assert.Equal(0, await check.BrandSafetySettings.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Every_change_is_audited(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (db, current) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Member);
        await using var _ = db;
        var service = Service(fx, db, current);

        await service.EditCategoryAsync("alcohol", "drinks", ["prosecco"], ["gin"], default);
        fx.Time.Advance(TimeSpan.FromMinutes(1));
        await service.AddCategoryAsync("competitors", ["rival cola"], default);
        fx.Time.Advance(TimeSpan.FromMinutes(1));
        await service.DeleteCategoryAsync("competitors", default);
        fx.Time.Advance(TimeSpan.FromMinutes(1));
        await service.ResetAsync(default);
        await service.ResetAsync(default);

        var entries = await db.AuditEntries.Where(e => e.Action.StartsWith("brand_safety")).OrderBy(e => e.At).ThenBy(e => e.Action).ToListAsync();
        Assert.Equal(
            [
                (BrandSafetyService.AuditActions.CategoryRenamed, "brand-safety category 'alcohol'", "renamed to 'drinks'"),
                (BrandSafetyService.AuditActions.KeywordsChanged, "brand-safety category 'drinks'", "added prosecco; removed gin"),
                (BrandSafetyService.AuditActions.CategoryCreated, "brand-safety category 'competitors'", "with rival cola"),
                (BrandSafetyService.AuditActions.CategoryDeleted, "brand-safety category 'competitors'", "with 1 keyword"),
                (BrandSafetyService.AuditActions.Reset, "brand-safety lists", "7 categories replaced by the defaults"),
            ],
            entries.Select(e => (e.Action, e.Target, e.Detail)));
        Assert.All(entries, e => Assert.Equal((fx.Alice.Id, fx.Alice.Email), (e.ActorUserId!.Value, e.ActorName)));
    }

    [Theory, BothProviders]
    public async Task Two_first_edits_at_the_same_moment_keep_one_and_ask_the_other_to_retry(DatabaseProvider provider)
    {
        await using var fx = await WorkspaceFixture.CreateAsync(provider);
        var (first, firstCurrent) = fx.As(fx.WorkspaceA, fx.Alice, WorkspaceRole.Owner);
        await using var _ = first;
        var current = new CurrentWorkspace();
        current.Enter(fx.WorkspaceA, fx.Bob.Id, fx.Bob.Email, WorkspaceRole.Member);
        // The second editor's save happens just after the first editor's edit has been committed.
        var racing = new SaveFirst(() => Service(fx, first, firstCurrent).AddKeywordsAsync("alcohol", ["prosecco"], default));
        var options = new DbContextOptionsBuilder<GrapevineDb>(GrapevineDatabase.CreateOptions(fx.Database.ConnectionString)).AddInterceptors(racing).Options;
        await using var second = new GrapevineDb(options, current);

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() => Service(fx, second, current).AddKeywordsAsync("alcohol", ["#aperitivo"], default));
        Assert.Contains("changed by someone else at the same moment", refused.Message, StringComparison.Ordinal);

        await using var check = fx.Database.CreateContext();
        var keywords = await check.BrandSafetyKeywords.IgnoreQueryFilters().Select(k => k.Keyword).ToListAsync();
        Assert.Contains("prosecco", keywords);
        Assert.DoesNotContain("#aperitivo", keywords);
        Assert.Equal(BrandSafetyLexicon.Default.Categories.Count, await check.BrandSafetyCategories.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public void The_shipped_defaults_are_already_normalised_and_unique()
    {
        foreach (var category in BrandSafetyLexicon.Default.Categories)
        {
            Assert.Equal(category.Name, BrandSafetyNames.CategoryName(category.Name, "name"));
            Assert.Equal(category.Keywords, category.Keywords.Select(k => BrandSafetyNames.Keyword(k, "keyword")));
            Assert.Equal(category.Keywords.Count, category.Keywords.Distinct().Count());
        }
    }

    private static BrandSafetyService Service(WorkspaceFixture fx, GrapevineDb db, CurrentWorkspace current) =>
        new(db, current, new AuditLog(db, current, fx.Time), fx.Time);

    private static async Task AssertRefusedAsync(string field, string says, Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(action);
        Assert.Equal(field, e.ParamName);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }
}
