using System.Net.Http.Json;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>The set-up form (new and edit) through the real host: every field round-trips, errors show at their field.</summary>
public class CampaignFormPageTests
{
    [Theory, BothProviders]
    public async Task The_full_form_saves_every_field_shows_them_and_prefills_the_edit_form(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = await host.Factory.CreateSignedInClientAsync();

        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm()));
        Assert.Matches("^/campaigns/[0-9a-f-]{36}$", page);

        var saved = await client.GetFromJsonAsync<CampaignDetails>("/api/v1" + page);
        Assert.NotNull(saved);
        Assert.Equal("Summer oats", saved.Name);
        Assert.Equal("Oat & Co", saved.Brand);
        Assert.Equal("Plant-based, honest", saved.BrandValues);
        Assert.Equal(new[] { "food", "fitness" }, saved.BrandNiches);
        Assert.Equal(new[] { "oat milk", "barista" }, saved.BrandKeywords);
        Assert.Equal(new[] { "oatly", "minorfigures" }, saved.Competitors);
        Assert.Equal("sales", saved.Goal);
        Assert.Equal(2500m, saved.Budget);
        Assert.Equal("EUR", saved.Currency);
        Assert.Equal(new DateOnly(2027, 3, 1), saved.StartsOn);
        Assert.Equal(new DateOnly(2027, 3, 31), saved.EndsOn);
        Assert.Equal(new[] { "instagram", "tiktok" }, saved.Platforms);
        Assert.Equal(new[] { "US", "GB" }, saved.TargetCountries);
        Assert.Equal(new[] { "en", "es" }, saved.TargetLanguages);
        Assert.Equal(18, saved.TargetAgeMin);
        Assert.Equal(34, saved.TargetAgeMax);
        Assert.Equal("female", saved.TargetGender);
        Assert.Equal(new[] { "running", "coffee" }, saved.TargetInterests);
        Assert.Equal(
            new CampaignDeliverableView[] { new("instagram_post", 1), new("instagram_story", 2), new("tiktok_video", 1) },
            saved.Deliverables);
        Assert.Equal(500_000, saved.KpiImpressions);
        Assert.Equal(200_000, saved.KpiReach);
        Assert.Equal(20_000, saved.KpiEngagements);
        Assert.Equal(3_000, saved.KpiClicks);
        Assert.Equal(120, saved.KpiConversions);
        Assert.Equal(9600.5m, saved.KpiRevenue);
        Assert.Equal(35m, saved.ProductCost);
        Assert.Equal(0.025, saved.ClickThroughRate!.Value, 9);
        Assert.Equal(0.04, saved.ConversionRate!.Value, 9);
        Assert.Equal(80m, saved.AverageOrderValue);
        Assert.True(saved.FirstTest);

        var shown = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("Plant-based, honest", shown);
        Assert.Contains("Food, Fitness", shown);
        Assert.Contains("oatly, minorfigures", shown);
        Assert.Contains("<dd>18–34</dd>", shown);
        Assert.Contains("<dd>Female</dd>", shown);
        Assert.Contains("2× Instagram story", shown);
        Assert.Contains("1 Mar 2027 – 31 Mar 2027", shown);
        Assert.Contains("<dd>500,000</dd>", shown);
        Assert.Contains("<dd>35 EUR</dd>", shown);
        Assert.Contains("<dd>2.5%</dd>", shown);

        var edit = await HtmlAsync(await client.GetAsync(page + "/edit"));
        Assert.Contains("value=\"Summer oats\"", edit);
        Assert.Contains(">Plant-based, honest</textarea>", edit);
        Assert.Matches("value=\"food\" checked", edit);
        Assert.Matches("value=\"fitness\" checked", edit);
        Assert.DoesNotMatch("value=\"beauty\" checked", edit);
        Assert.Matches("value=\"tiktok\" checked", edit);
        Assert.Contains("value=\"oat milk, barista\"", edit);
        Assert.Contains("value=\"oatly, minorfigures\"", edit);
        Assert.Contains("value=\"EUR\"", edit);
        Assert.Contains("value=\"2027-03-01\"", edit);
        Assert.Contains("value=\"US, GB\"", edit);
        Assert.Contains("value=\"en, es\"", edit);
        Assert.Contains("value=\"running, coffee\"", edit);
        Assert.Matches("<option value=\"female\" selected", edit);
        Assert.Matches("<option value=\"instagram_story\" selected", edit);
        Assert.Contains("name=\"Form.Deliverables[1].Count\" type=\"number\" min=\"1\" max=\"20\" value=\"2\"", edit);
        Assert.Contains("value=\"500000\"", edit);
        Assert.Contains("value=\"2.5\"", edit);
        Assert.Matches("name=\"Form.FirstTest\" value=\"true\" checked", edit);
    }

    [Theory, BothProviders]
    public async Task A_refused_field_shows_its_error_next_to_it_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = await host.Factory.CreateSignedInClientAsync();

        var country = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm(("Form.TargetCountries", "USA, GB"))));
        Assert.Matches("<p class=\"field-error\" id=\"targetCountries-error\">'USA' is not a two-letter country code", country);
        Assert.Matches("id=\"countries\"[^>]*aria-invalid=\"true\" aria-describedby=\"targetCountries-error\"", country);
        Assert.Contains("value=\"USA, GB\"", country);
        Assert.Contains("value=\"Summer oats\"", country);
        Assert.Contains("value=\"oat milk, barista\"", country);
        Assert.Matches("value=\"food\" checked", country);
        Assert.Matches("<option value=\"tiktok_video\" selected", country);
        Assert.Contains(">Plant-based, honest</textarea>", country);

        // The empty first row is not sent; the error still lands on the second row, where the 30 was typed.
        var rows = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", Essentials(
            ("Form.Deliverables[0].Deliverable", ""), ("Form.Deliverables[0].Count", "1"),
            ("Form.Deliverables[1].Deliverable", "instagram_story"), ("Form.Deliverables[1].Count", "30"))));
        Assert.Contains("id=\"deliverables[1].count-error\">A count is between 1 and 20; got 30.", rows);
        Assert.Matches("id=\"deliverable-count-1\"[^>]*value=\"30\" aria-invalid=\"true\"", rows);

        var rate = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", Essentials(("Form.ClickThroughPercent", "150"))));
        Assert.Contains("id=\"clickThroughRate-error\">A rate is between 0% and 100%.", rate);
        Assert.Contains("value=\"150\"", rate);

        var budget = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm(("Form.Budget", "-5"))));
        Assert.Contains("id=\"budget-error\">The budget is more than 0.", budget);

        // Adding and removing a deliverable row re-shows the form with everything kept and saves nothing.
        var added = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm(("Form.Command", "add-deliverable"))));
        Assert.Contains("id=\"deliverable-3\"", added);
        Assert.Contains("value=\"Summer oats\"", added);
        var removed = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm(("Form.Command", "remove-deliverable:0"))));
        Assert.DoesNotContain("id=\"deliverable-2\"", removed);
        Assert.Matches("id=\"deliverable-0\"[^>]*>.*?<option value=\"instagram_story\" selected", removed.ReplaceLineEndings(" "));
        Assert.Empty((await client.GetFromJsonAsync<List<CampaignSummary>>("/api/v1/campaigns"))!);
    }

    [Theory, BothProviders]
    public async Task Every_refused_field_shows_its_own_error_at_once(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = await host.Factory.CreateSignedInClientAsync();

        var html = await HtmlAsync(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm(
            ("Form.Name", ""), ("Form.Budget", "-5"), ("Form.StartsOn", "2027-05-01"), ("Form.EndsOn", "2027-04-01"), ("Form.TargetCountries", "USA"))));
        Assert.Contains("id=\"name-error\">A campaign name is required.", html);
        Assert.Contains("id=\"budget-error\">The budget is more than 0.", html);
        Assert.Contains("id=\"endsOn-error\">The campaign ends (2027-04-01) before it starts (2027-05-01).", html);
        Assert.Contains("id=\"targetCountries-error\">'USA' is not a two-letter country code", html);
        Assert.Matches("id=\"budget\"[^>]*aria-invalid=\"true\" aria-describedby=\"budget-error\"", html);
        Assert.Matches("id=\"ends-on\"[^>]*aria-invalid=\"true\" aria-describedby=\"endsOn-error\"", html);
        Assert.Contains("4 values need a change", html);

        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm()));
        var edit = await HtmlAsync(await Forms.SubmitPairsAsync(client, page + "/edit", "edit-campaign", FullForm(("Form.Brand", ""), ("Form.KpiRevenue", "-1"))));
        Assert.Contains("id=\"brand-error\">A brand name is required.", edit);
        Assert.Contains("id=\"kpiRevenue-error\">The amount is 0 or more.", edit);
    }

    [Theory, BothProviders]
    public async Task Edit_changes_the_set_up_and_a_refused_edit_keeps_the_input(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var client = await host.Factory.CreateSignedInClientAsync();
        var page = Location(await Forms.SubmitPairsAsync(client, "/campaigns/new", "new-campaign", FullForm()));

        var refused = await HtmlAsync(await Forms.SubmitPairsAsync(client, page + "/edit", "edit-campaign", FullForm(("Form.Name", ""), ("Form.Budget", "4000"))));
        Assert.Contains("id=\"name-error\">A campaign name is required.", refused);
        Assert.Contains("value=\"4000\"", refused);

        var edited = await Forms.SubmitPairsAsync(client, page + "/edit", "edit-campaign", FullForm(
            ("Form.Name", "Autumn oats"), ("Form.Budget", "4000"), ("Form.Goal", "awareness"), ("Form.TargetAgeMax", "44"),
            ("Form.Deliverables[2].Deliverable", "tiktok_video"), ("Form.Deliverables[2].Count", "3"), ("Form.ClickThroughPercent", "")));
        Assert.Equal(page + "?saved=1", Location(edited));
        Assert.Contains("The set-up is saved", await HtmlAsync(await client.GetAsync(page + "?saved=1")));
        var saved = (await client.GetFromJsonAsync<CampaignDetails>("/api/v1" + page))!;
        Assert.Equal("Autumn oats", saved.Name);
        Assert.Equal(4000m, saved.Budget);
        Assert.Equal("awareness", saved.Goal);
        Assert.Equal(44, saved.TargetAgeMax);
        Assert.Equal(3, saved.Deliverables.Single(d => d.Deliverable == "tiktok_video").Count);
        Assert.Null(saved.ClickThroughRate);
        Assert.Equal("Oat & Co", saved.Brand);
    }

    /// <summary>Every field of the form, with <paramref name="overrides"/> replacing fields of the same name.</summary>
    internal static List<KeyValuePair<string, string>> FullForm(params (string Name, string Value)[] overrides) => With(
    [
        ("Form.Name", "Summer oats"),
        ("Form.Brand", "Oat & Co"),
        ("Form.BrandValues", "Plant-based, honest"),
        ("Form.BrandNiches", "food"),
        ("Form.BrandNiches", "fitness"),
        ("Form.BrandKeywords", "oat milk, barista"),
        ("Form.Competitors", "@oatly, minorfigures"),
        ("Form.Goal", "sales"),
        ("Form.Budget", "2500"),
        ("Form.Currency", "eur"),
        ("Form.StartsOn", "2027-03-01"),
        ("Form.EndsOn", "2027-03-31"),
        ("Form.Platforms", "instagram"),
        ("Form.Platforms", "tiktok"),
        ("Form.TargetCountries", "us, GB"),
        ("Form.TargetLanguages", "EN, es"),
        ("Form.TargetAgeMin", "18"),
        ("Form.TargetAgeMax", "34"),
        ("Form.TargetGender", "female"),
        ("Form.TargetInterests", "running, coffee"),
        ("Form.Deliverables[0].Deliverable", "instagram_post"),
        ("Form.Deliverables[0].Count", "1"),
        ("Form.Deliverables[1].Deliverable", "instagram_story"),
        ("Form.Deliverables[1].Count", "2"),
        ("Form.Deliverables[2].Deliverable", "tiktok_video"),
        ("Form.Deliverables[2].Count", "1"),
        ("Form.KpiImpressions", "500000"),
        ("Form.KpiReach", "200000"),
        ("Form.KpiEngagements", "20000"),
        ("Form.KpiClicks", "3000"),
        ("Form.KpiConversions", "120"),
        ("Form.KpiRevenue", "9600.5"),
        ("Form.ProductCost", "35"),
        ("Form.ClickThroughPercent", "2.5"),
        ("Form.ConversionPercent", "4"),
        ("Form.AverageOrderValue", "80"),
        ("Form.FirstTest", "true"),
    ], overrides);

    /// <summary>Only the required fields, plus <paramref name="extra"/>.</summary>
    internal static List<KeyValuePair<string, string>> Essentials(params (string Name, string Value)[] extra) => With(
        [("Form.Name", "Summer oats"), ("Form.Brand", "Oat & Co"), ("Form.Goal", "sales"), ("Form.Budget", "2500"), ("Form.Platforms", "instagram")], extra);

    private static List<KeyValuePair<string, string>> With(List<(string Name, string Value)> fields, (string Name, string Value)[] overrides)
    {
        var replaced = overrides.Select(o => o.Name).ToHashSet();
        return [.. fields.Where(f => !replaced.Contains(f.Name)).Concat(overrides).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
    }
}
