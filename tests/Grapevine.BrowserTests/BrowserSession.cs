using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>Chromium, screenshots, and the sign-up and sign-in steps every journey starts with.</summary>
public static class BrowserSession
{
    public const string Password = "a long enough passphrase";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    public static BrowserNewContextOptions Desktop => new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    public static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true };

    /// <summary>Fills the sign-up form the page shows; without a workspace name the form must be an invitation's.</summary>
    public static async Task SignUpAsync(IPage page, string email, string? workspace)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        if (workspace is not null)
            await page.GetByLabel("Workspace name").FillAsync(workspace);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    public static async Task SignInAsync(IPage page, Uri server, string email)
    {
        await page.GotoAsync(new Uri(server, "/account/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    public static async Task ScreenshotAsync(IPage page, ITestOutputHelper output, string name, bool fullPage = false)
    {
        var path = OutputPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Where a screenshot named <paramref name="name"/> goes: the test output folder.</summary>
    public static string OutputPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("GRAPEVINE_TEST_OUTPUT") is { Length: > 0 } configured ? configured : AppContext.BaseDirectory;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// Whether the page is no wider than the viewport the context was opened with. Not <c>window.innerWidth</c>: on a mobile
    /// context the browser zooms a too-wide page out and innerWidth grows with it (a 687px-wide page reads 687 there), so a
    /// check against it could never fail.
    /// </summary>
    public static async Task<bool> FitsWidthAsync(IPage page) =>
        await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= ViewportWidth(page);

    /// <summary>Whether the element lies between the left and right edges of the viewport (wherever it is vertically).</summary>
    public static async Task<bool> IsWithinWidthAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("the element is not rendered");
        return box.X >= 0 && box.X + box.Width <= ViewportWidth(page) + 0.5;
    }

    private static int ViewportWidth(IPage page) => page.ViewportSize?.Width ?? throw new InvalidOperationException("the page has no fixed viewport");
}
