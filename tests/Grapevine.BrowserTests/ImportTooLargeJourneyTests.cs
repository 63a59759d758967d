using Microsoft.Playwright;
using Xunit.Abstractions;
using static Grapevine.BrowserTests.BrowserSession;

namespace Grapevine.BrowserTests;

/// <summary>A browser without JavaScript uploads a file over the import's size limit (made 1 MB here) and reads why it was refused.</summary>
public class ImportTooLargeJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Without_javascript_a_file_over_the_limit_gets_the_import_page_saying_so()
    {
        await using var journey = await BrowserJourney.StartAsync(_ => Task.CompletedTask,
            new Dictionary<string, string> { ["Grapevine:MaxUploadBytes"] = (1 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var options = Desktop;
        options.JavaScriptEnabled = false;
        var page = await journey.SignUpAsync("mia@brewco.test", "BrewCo", options);
        await page.GotoAsync(journey.Url("/import"));

        var folder = Directory.CreateTempSubdirectory("grapevine-import-too-large-");
        try
        {
            var big = Path.Combine(folder.FullName, "creators.csv");
            await File.WriteAllTextAsync(big, "platform,handle\n" + string.Concat(Enumerable.Range(0, 400_000).Select(i => $"instagram,creator{i}\n")));
            await page.GetByLabel("What the file holds").SelectOptionAsync("accounts");
            await page.GetByLabel("File (.csv, .jsonl)").SetInputFilesAsync(big);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

            var alert = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert.GetByRole(AriaRole.Heading)).ToHaveTextAsync("The file is too large; nothing was imported");
            await Assertions.Expect(alert).ToContainTextAsync("this takes at most 1 MB (1,048,576 bytes)");
            await Assertions.Expect(alert).ToContainTextAsync("grapevine import FILE --kind KIND");
            await Assertions.Expect(page.GetByLabel("File (.csv, .jsonl)")).ToBeVisibleAsync();
            await ScreenshotAsync(page, output, "import-too-large-1280.png");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
