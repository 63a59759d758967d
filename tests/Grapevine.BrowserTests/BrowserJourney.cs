using Grapevine.Core.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>
/// What every journey starts with: the app on a freshly seeded catalogue, Playwright and Chromium. Disposing it closes the
/// browser (and with it every context opened on it), then Playwright, then the server.
/// </summary>
public sealed class BrowserJourney : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserJourney(GrapevineServer server, IPlaywright playwright, IBrowser browser)
    {
        Server = server;
        _playwright = playwright;
        Browser = browser;
    }

    public GrapevineServer Server { get; }

    public IBrowser Browser { get; }

    public static async Task<BrowserJourney> StartAsync(Func<GrapevineDb, Task> seed, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = await GrapevineServer.StartAsync(seed, settings);
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            return new BrowserJourney(server, playwright, await BrowserSession.LaunchAsync(playwright));
        }
        catch
        {
            playwright?.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public string Url(string path) => new Uri(Server.Address, path).ToString();

    /// <summary>A page in a new context (desktop unless <paramref name="options"/> say otherwise), at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? BrowserSession.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url(path));
        return page;
    }

    /// <summary>A page in a new context, signed up through the sign-up form with a new workspace of that name.</summary>
    public async Task<IPage> SignUpAsync(string email, string workspace, BrowserNewContextOptions? options = null)
    {
        var page = await OpenAsync("/account/sign-up", options);
        await BrowserSession.SignUpAsync(page, email, workspace);
        return page;
    }

    /// <summary>
    /// Opens <paramref name="path"/> at phone width, signed in as <paramref name="signedIn"/> is, checks that the page does not
    /// scroll sideways and saves a screenshot.
    /// </summary>
    public async Task CheckOnPhoneAsync(IPage signedIn, string path, ITestOutputHelper output, string screenshot, bool fullPage = false)
    {
        var options = BrowserSession.Phone;
        options.StorageState = await signedIn.Context.StorageStateAsync();
        var page = await OpenAsync(path, options);
        Assert.True(await BrowserSession.FitsWidthAsync(page), $"{path} scrolls sideways on a phone");
        await BrowserSession.ScreenshotAsync(page, output, screenshot, fullPage);
        await page.Context.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}
