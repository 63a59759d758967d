using Microsoft.Playwright;
using Xunit.Abstractions;
using static Grapevine.BrowserTests.BrowserSession;

namespace Grapevine.BrowserTests;

/// <summary>A brand manager tunes the brand-safety lists: adds and removes keywords, drops a category, then goes back to the defaults.</summary>
public class BrandSafetyJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_brand_safety_lists_are_edited_and_reset_in_the_browser()
    {
        await using var journey = await BrowserJourney.StartAsync(db => SampleCatalogue.SeedAsync(db));
        var page = await journey.SignUpAsync("mia@brewco.test", "BrewCo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Brand safety", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brand safety", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".page-heading .hint")).ToContainTextAsync("Grapevine's default lists");
        var alcohol = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "alcohol", Exact = true }) });

        // A brewery's own drinks are fine, but it wants to hear about prosecco.
        await alcohol.GetByLabel("Add keywords").FillAsync("Prosecco, #Aperitivo");
        await alcohol.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Added 2 to “alcohol”");
        await Assertions.Expect(alcohol.Locator(".tag-list")).ToContainTextAsync("#aperitivo");
        // Removing a keyword asks first too: cancelling keeps it.
        await alcohol.GetByRole(AriaRole.Link, new() { Name = "Remove beer from alcohol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remove “beer” from “alcohol”?" })).ToBeVisibleAsync();
        await page.Locator("section.confirm").GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.confirm")).ToHaveCountAsync(0);
        await alcohol.GetByRole(AriaRole.Link, new() { Name = "Remove beer from alcohol" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove keyword", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("“beer” is removed from “alcohol”");
        await Assertions.Expect(alcohol.GetByRole(AriaRole.Link, new() { Name = "Remove beer from alcohol" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".page-heading .hint")).ToContainTextAsync("This workspace's own lists");
        await ScreenshotAsync(page, output, "brand-safety-1280.png", fullPage: true);

        // Deleting a category asks first.
        var politics = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "politics", Exact = true }) });
        await politics.GetByRole(AriaRole.Link, new() { Name = "Delete category…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete the category “politics”?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete category", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The category is deleted, with its keywords.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "politics", Exact = true })).ToHaveCountAsync(0);

        // So does going back to the defaults.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset to defaults…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Go back to the default lists?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset to defaults", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The default lists apply again.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "politics", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(alcohol.GetByRole(AriaRole.Link, new() { Name = "Remove beer from alcohol" })).ToBeVisibleAsync();

        await journey.CheckOnPhoneAsync(page, "/brand-safety", output, "brand-safety-390.png");
    }
}
