using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.Web.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Web;

/// <summary>An unknown value reads the same on the catalogue, account, list and campaign pages: the word, styled, with a tooltip; never a dash.</summary>
public class UnknownValueTests
{
    private const string Unknown = $"<span class=\"unknown\" title=\"{Format.UnknownTitle}\">unknown</span>";

    [Theory, BothProviders]
    public async Task Catalogue_account_and_list_pages_show_unknown_the_same_way(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await CatalogueTestData.SeedDetailedAsync(db);
            await db.Accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Country, (string?)null));
        }
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        var owner = await factory.CreateUserAsync("owner@example.com");
        var workspace = await factory.CreateWorkspaceAsync(owner, "Test Brand");
        var (listId, campaignId) = await factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async services =>
        {
            var lists = services.GetRequiredService<ListService>();
            var list = await lists.CreateAsync("Shortlist", default);
            await lists.AddAccountsAsync(list.Id, [new AccountRef(Platform.Instagram, "mara.moves")], default);
            var campaigns = services.GetRequiredService<CampaignService>();
            var campaign = await campaigns.CreateAsync(new CampaignInput { Name = "Spring launch", Brand = "Oat & Co", Goal = "sales", Budget = 1500, FirstTest = true }, default);
            await campaigns.AddAccountAsync(campaign.Id, new AccountRef(Platform.Instagram, "mara.moves"), default);
            return (list.Id, campaign.Id);
        });
        using var client = await factory.SignInAsync("owner@example.com");

        var catalogue = await client.GetStringAsync("/");
        Assert.Contains($"<td data-label=\"Country\">{Unknown}</td>", catalogue);

        var account = await client.GetStringAsync("/accounts/instagram/mara.moves");
        Assert.Contains($"<dt>Country</dt><dd>{Unknown}</dd>", account);
        // A tier is written as the catalogue and lists write it (micro), not capitalised on this page alone.
        Assert.Matches("<dt>Tier</dt><dd>(emerging|nano|micro|mid|macro|mega|celebrity)</dd>", account);
        // A photo has no view count in the data: that is unknown, not a dash.
        Assert.Contains($"<td data-label=\"Views\" class=\"num\">{Unknown}</td>", account);
        Assert.DoesNotContain("—</td>", account);
        // A metric computed as unknown carries the same tooltip.
        Assert.Contains($"<p class=\"metric-value\" title=\"{Format.UnknownTitle}\">unknown</p>", account);
        // A rate the workspace never recorded is not unknown data: there is none.
        Assert.Contains("<td data-label=\"Your rate\" class=\"num\">none</td>", account);

        var list = await client.GetStringAsync($"/lists/{listId}");
        Assert.Contains($"<td data-label=\"Country\">{Unknown}</td>", list);

        // On a campaign, what the marketer left empty or has not recorded yet says so in words; no dash stands for it.
        var campaignPage = await client.GetStringAsync($"/campaigns/{campaignId}");
        Assert.Contains("<dt>Values</dt><dd>not set</dd>", campaignPage);
        Assert.Contains("<dt>Revenue</dt><dd>not set</dd>", campaignPage);
        Assert.DoesNotContain(">—<", campaignPage);
        // A viewer reads the candidates rather than editing them: no gifting is "no", no first test is "none".
        var viewer = await factory.CreateUserAsync("viewer@example.com");
        await factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        using var viewerClient = await factory.SignInAsync("viewer@example.com");
        var readOnly = await viewerClient.GetStringAsync($"/campaigns/{campaignId}");
        Assert.Contains("<td data-label=\"Gifting\">no</td>", readOnly);
        Assert.Contains("<td data-label=\"Test spend (USD)\" class=\"num\">none</td>", readOnly);
        Assert.DoesNotContain(">—<", readOnly);
    }
}
