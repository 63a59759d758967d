using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>Rate limits, security headers, and secrets kept out of the logs.</summary>
public partial class HardeningTests
{
    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_with_retry_after()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, f => f.Settings["RateLimits:SignInPerMinute"] = "3");
        using var client = host.Factory.CreateBrowserClient();
        var token = Forms.Token(await client.GetStringAsync("/account/sign-in"));

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(client, "/account/sign-in", "sign-in", new() { ["Email"] = "x@example.com", ["Password"] = "wrong-guess" }, token)).StatusCode);
        var limited = await Forms.PostAsync(client, "/account/sign-in", "sign-in", new() { ["Email"] = "x@example.com", ["Password"] = "wrong-guess" }, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Contains("Too many requests. Try again in", await limited.Content.ReadAsStringAsync());
        // The same budget covers sign-up and password reset; reading the pages is not limited.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.PostAsync(client, "/account/forgot-password", "forgot-password", new() { ["Address"] = "x@example.com" }, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_limited_per_key_with_retry_after()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, f => f.Settings["RateLimits:ApiPerMinute"] = "5");
        using var first = await host.Factory.CreateApiClientAsync("one@example.com");
        using var second = await host.Factory.CreateApiClientAsync("two@example.com");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/lists")).StatusCode);
        var limited = await first.GetAsync("/api/v1/lists");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/lists")).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite);
        using var signedIn = await host.Factory.CreateSignedInClientAsync();
        using var anonymous = host.Factory.CreateBrowserClient();

        foreach (var response in new[]
        {
            await signedIn.GetAsync("/"), await anonymous.GetAsync("/account/sign-in"), await anonymous.GetAsync("/api/v1/lists"),
            await signedIn.GetAsync("/api/v1/lists"), await signedIn.GetAsync("/no/such/page"), await anonymous.GetAsync("/"),
        })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
        var cookies = (await Forms.SubmitAsync(host.Factory.CreateBrowserClient(), "/account/sign-in", "sign-in",
            new() { ["Email"] = "owner@example.com", ["Password"] = TestAccounts.Password })).Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("grapevine.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothProviders]
    public async Task Passwords_and_api_keys_never_reach_the_log(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(provider, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.Configure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Trace;
            });
        });
        const string password = "first secret passphrase", wrong = "wrong secret passphrase", renewed = "renewed secret passphrase";
        using var client = host.Factory.CreateBrowserClient();
        await Forms.SubmitAsync(client, "/account/sign-up", "sign-up",
            new() { ["Email"] = "sam@example.com", ["Password"] = password, ["ConfirmPassword"] = password, ["WorkspaceName"] = "Sam Brand" });
        using var other = host.Factory.CreateBrowserClient();
        await Forms.SubmitAsync(other, "/account/sign-in", "sign-in", new() { ["Email"] = "sam@example.com", ["Password"] = wrong });

        var page = await Forms.SubmitAsync(client, "/api-keys", "create-key", new() { ["KeyName"] = "script", ["KeyScope"] = "ReadWrite" });
        var fromPage = SecretBlock().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var fromApi = (await (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "api", scope = "read" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("secret").GetString()!;
        const string bogus = "gv_this-key-does-not-exist-0123456789abcdef";
        foreach (var secret in new[] { fromPage, fromApi, bogus })
            await host.Factory.CreateKeyClient(secret).GetAsync("/api/v1/lists");

        await Forms.SubmitAsync(other, "/account/forgot-password", "forgot-password", new() { ["Address"] = "sam@example.com" });
        var reset = new Uri(host.Inbox.Sent.Single().Link).PathAndQuery;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(other, reset, "reset-password", new() { ["Password"] = renewed, ["ConfirmPassword"] = renewed })).StatusCode);
        await host.Factory.SignInAsync("sam@example.com", renewed);

        Assert.True(logs.Lines.Count > 50, $"only {logs.Lines.Count} log lines were captured");
        // Debug lines of the authentication handlers are captured too: the refused bogus key was logged about.
        Assert.Contains(logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("ApiKey was not authenticated", StringComparison.Ordinal));
        foreach (var secret in new[] { password, wrong, renewed, fromPage, fromApi, bogus })
        {
            Assert.StartsWith(secret[..3], secret);
            var leak = logs.Lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(secret[4..20], StringComparison.Ordinal));
            Assert.True(leak is null, $"a secret reached the log: {leak}");
        }
    }

    [GeneratedRegex("id=\"api-key-secret\">([^<]+)<")]
    private static partial Regex SecretBlock();
}
