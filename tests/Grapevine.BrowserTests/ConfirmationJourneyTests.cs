using Microsoft.Playwright;
using Xunit.Abstractions;
using static Grapevine.BrowserTests.BrowserSession;

namespace Grapevine.BrowserTests;

/// <summary>
/// Deleting a note, removing a tag and taking an account off a list each ask once more: cancelling keeps
/// the item, confirming removes it.
/// </summary>
public class ConfirmationJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Notes_tags_and_list_entries_are_removed_only_after_a_confirmation()
    {
        await using var journey = await BrowserJourney.StartAsync(db => SampleCatalogue.SeedAsync(db, count: 6));
        var page = await journey.SignUpAsync("rosa@acme.test", "Acme Tea");

        await page.GotoAsync(journey.Url("/lists"));
        await page.GetByLabel("Name").FillAsync("Autumn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn", Exact = true })).ToBeVisibleAsync();
        var listUrl = page.Url;

        // On an account's page: a note, a tag, and the account on the list.
        await page.GotoAsync(journey.Url("/"));
        await page.Locator("table.accounts tbody tr").First.Locator("a.account-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/accounts/", StringComparison.Ordinal));
        var accountUrl = page.Url;
        var handle = (await page.Locator(".profile-sub .handle").InnerTextAsync()).Trim();
        await page.GetByLabel("New note").FillAsync("Quoted $250 per reel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Note added.");
        await page.GetByLabel("New tag").FillAsync("tea lovers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Tag added.");
        await page.GetByLabel("Add to list").SelectOptionAsync(new SelectOptionValue { Label = "Autumn" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to list" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Added to “Autumn”.");

        var notes = page.Locator(".note-list .note-text");
        var confirm = page.Locator("section.confirm");

        // Delete a note: cancel keeps it, confirm deletes it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete the note of" }).ClickAsync();
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToContainTextAsync("Delete the note of");
        await Assertions.Expect(confirm).ToContainTextAsync("Quoted $250 per reel");
        await ScreenshotAsync(page, output, "confirm-delete-note-1280.png");
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(notes).ToHaveTextAsync(["Quoted $250 per reel"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete the note of" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Note deleted.");
        await Assertions.Expect(notes).ToHaveCountAsync(0);
        await Assertions.Expect(confirm).ToHaveCountAsync(0);

        // Remove a tag: the same.
        var tags = page.GetByRole(AriaRole.List, new() { Name = "Tags" }).Locator(".tag");
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove tag tea-lovers" }).ClickAsync();
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Remove the tag “tea-lovers” from {handle}?");
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(tags).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove tag tea-lovers" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Remove tag" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Tag tea-lovers removed.");
        await Assertions.Expect(tags).ToHaveCountAsync(0);
        Assert.StartsWith(accountUrl, page.Url);

        // Take the account off the list: the same.
        await page.GotoAsync(listUrl);
        var rows = page.Locator("table.accounts tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove {handle} from the list" }).ClickAsync();
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Remove {handle} from “Autumn”?");
        await ScreenshotAsync(page, output, "confirm-remove-from-list-1280.png");
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove {handle} from the list" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = $"Remove {handle}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync($"{handle} is removed from the list.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This list is empty" })).ToBeVisibleAsync();
    }
}
