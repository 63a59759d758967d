using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.Web.Components;
using Grapevine.Web.Components.Discovery;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Web;

/// <summary>A niche or category reads the same on the catalogue, account, discover, campaign and plan pages.</summary>
public class NicheLabelTests
{
    [Fact]
    public void A_niche_has_one_label_whatever_its_spelling()
    {
        foreach (var spelling in new[] { "home-interior", "HOME-INTERIOR", "home interior", "Home & interior", " home & INTERIOR " })
            Assert.Equal("Home & interior", Format.Niche(spelling));
        Assert.Equal("Home & interior", DiscoverPage.NicheName("home-interior"));
        Assert.Equal(("Fitness", "Fitness model", Format.Unknown), (Format.Niche("FITNESS"), Format.Niche("fitness model"), Format.Niche(" ")));
    }

    [Theory, BothProviders]
    public async Task The_catalogue_and_account_pages_show_the_niche_label(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await CatalogueTestData.SeedDetailedAsync(db);
            await db.Accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Category, "home-interior"));
        }
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var catalogue = await client.GetStringAsync("/");
        Assert.Contains("<td data-label=\"Category\">Home &amp; interior</td>", catalogue);
        Assert.Contains("<option value=\"home-interior\">Home &amp; interior</option>", catalogue);
        Assert.DoesNotContain("Home-interior", catalogue);
        var account = await client.GetStringAsync("/accounts/instagram/mara.moves");
        Assert.Contains("<dt>Category</dt><dd>Home &amp; interior</dd>", account);
    }
}
