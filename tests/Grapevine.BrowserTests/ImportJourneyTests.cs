using Microsoft.Playwright;
using Xunit.Abstractions;
using static Grapevine.BrowserTests.BrowserSession;

namespace Grapevine.BrowserTests;

/// <summary>A marketer with an empty catalogue uploads a spreadsheet of creators, reads what was rejected, then a file with a wrong header.</summary>
public class ImportJourneyTests(ITestOutputHelper output)
{
    private const string Accounts =
        "platform,handle,display_name,followers\n" +
        "instagram,anna.bakes,Anna Bakes,12000\n" +
        "instagram,ben.lifts,Ben,-5\n" +
        "tiktok,cleo.paints,Cleo,45000\n";

    [Fact]
    public async Task Upload_accounts_read_the_rejected_row_and_a_rejected_file()
    {
        await using var journey = await BrowserJourney.StartAsync(_ => Task.CompletedTask);
        var page = await journey.SignUpAsync("mia@brewco.test", "BrewCo");

        // The empty catalogue points to the import page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import creators" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import creator data" })).ToBeVisibleAsync();
        // The heading shows before the page's deferred script runs; an upload sent before it would not show the report.
        await Assertions.Expect(page.Locator("form.import-form[data-enhanced]")).ToHaveCountAsync(1);

        var folder = Directory.CreateTempSubdirectory("grapevine-import-journey-");
        try
        {
            var accounts = Path.Combine(folder.FullName, "creators.csv");
            await File.WriteAllTextAsync(accounts, Accounts);
            await page.GetByLabel("What the file holds").SelectOptionAsync("accounts");
            await page.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(accounts);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

            var result = page.Locator(".import-result");
            await Assertions.Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Imported 2 accounts; 1 row rejected");
            await Assertions.Expect(page.Locator(".import-status")).ToBeHiddenAsync();
            var rejected = result.Locator("table.rejections tbody tr");
            await Assertions.Expect(rejected).ToHaveCountAsync(1);
            Assert.Equal(["3", "followers"], (await rejected.Locator("td").AllInnerTextsAsync()).Take(2).Select(t => t.Trim()));
            await Assertions.Expect(rejected.Locator("td").Nth(2)).ToContainTextAsync("negative");
            await ScreenshotAsync(page, output, "import-1280.png", fullPage: true);

            // The same file again changes nothing, and the heading does not call that an import.
            await page.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(accounts);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nothing changed: 2 accounts already up to date; 1 row rejected");

            // More rejected rows than the table lists: the page says so, and how to get them all.
            var many = Path.Combine(folder.FullName, "many.csv");
            await File.WriteAllTextAsync(many, "platform,handle,display_name,followers\n" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"instagram,h{i},H,-1\n")));
            await page.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(many);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nothing imported; 1,001 rows rejected");
            await Assertions.Expect(result.Locator("p.truncated")).ToContainTextAsync("Showing the first 1,000 of 1,001 rows rejected.");
            // Every one of them downloads as CSV, ready to fix and import again.
            var link = result.GetByRole(AriaRole.Link, new() { Name = "Download all 1,001 rows rejected (CSV)" });
            await Assertions.Expect(link).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            var downloaded = Path.Combine(folder.FullName, "rejected.csv");
            await download.SaveAsAsync(downloaded);
            var lines = await File.ReadAllLinesAsync(downloaded);
            Assert.Equal(1002, lines.Length);
            Assert.Equal("platform,handle,display_name,followers,line,field,error", lines[0]);
            Assert.Equal("instagram,h1000,H,-1,1002,followers,'-1' is negative; counts are 0 or more", lines[^1]);

            // On a phone the report, its rejected rows and the download fit the screen.
            var phoneOptions = Phone;
            phoneOptions.StorageState = await page.Context.StorageStateAsync();
            await using (var phone = await journey.Browser.NewContextAsync(phoneOptions))
            {
                var small = await phone.NewPageAsync();
                await small.GotoAsync(journey.Url("/import"));
                await Assertions.Expect(small.Locator("form.import-form[data-enhanced]")).ToHaveCountAsync(1);
                // Every kind reads in full in the select (text plus the select's padding and arrow); what each holds is the help line below it.
                var select = small.GetByLabel("What the file holds");
                var cut = await select.EvaluateAsync<string[]>(
                    "s => { const c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(s).font; " +
                    "return [...s.options].filter(o => c.measureText(o.text).width + 48 > s.clientWidth).map(o => o.text); }");
                Assert.True(cut.Length == 0, $"cut short in the select at 390 px: {string.Join(", ", cut)}");
                await Assertions.Expect(small.Locator("#import-kind-help")).ToContainTextAsync("Accounts: one row per creator account.");
                await select.SelectOptionAsync("accounts");
                await small.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(accounts);
                await small.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
                await Assertions.Expect(small.Locator(".import-result").GetByRole(AriaRole.Heading)).ToContainTextAsync("1 row rejected");
                await Assertions.Expect(small.GetByRole(AriaRole.Link, new() { Name = "Download the rejected row (CSV)" })).ToBeVisibleAsync();
                Assert.True(await FitsWidthAsync(small), "the import report scrolls sideways on a phone");
                await ScreenshotAsync(small, output, "import-result-390.png", fullPage: true);
            }

            // A posts file with a column the importer does not know is rejected as a whole, and says why.
            var posts = Path.Combine(folder.FullName, "posts.csv");
            await File.WriteAllTextAsync(posts, "platform,handle,post_id,posted_at,type,likes_count\ninstagram,anna.bakes,p1,2026-11-01,photo,10\n");
            await page.GetByLabel("What the file holds").SelectOptionAsync("posts");
            await page.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(posts);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            var alert = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToContainTextAsync("nothing was imported");
            await Assertions.Expect(alert).ToContainTextAsync("unknown column 'likes_count'");
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The two valid accounts are in the catalogue.
        await page.GotoAsync(journey.Url("/"));
        await Assertions.Expect(page.Locator("table.accounts tbody tr")).ToHaveCountAsync(2);

        await journey.CheckOnPhoneAsync(page, "/import", output, "import-390.png");

        // The imported accounts go on a list; removing one lands on a plain GET of the list, so a reload posts nothing.
        foreach (var pick in await page.Locator("input.pick").AllAsync())
            await pick.CheckAsync();
        await page.GetByLabel("Add ticked accounts to a new list named").FillAsync("Spring launch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to list", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lists", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring launch" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.accounts tbody tr")).ToHaveCountAsync(2);
        var listPath = new Uri(page.Url).AbsolutePath;
        await journey.CheckOnPhoneAsync(page, "/lists", output, "lists-390.png");
        await journey.CheckOnPhoneAsync(page, listPath, output, "list-390.png", fullPage: true);
        await page.Locator("table.accounts tbody tr").First.GetByRole(AriaRole.Link, new() { NameRegex = new("^Remove @") }).ClickAsync();
        await page.Locator("section.confirm").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is removed from the list.");
        Assert.Contains("?done=removed&account=", page.Url);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("table.accounts tbody tr")).ToHaveCountAsync(1);
    }
}
