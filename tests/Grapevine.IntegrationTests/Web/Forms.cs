using System.Net;
using System.Text.RegularExpressions;

namespace Grapevine.IntegrationTests.Web;

/// <summary>Submits the server-rendered forms the way a browser does: read the page, then post its fields with its antiforgery token.</summary>
internal static partial class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode}");
        return await PostAsync(client, postUrl ?? pageUrl, formName, fields, Token(html));
    }

    /// <summary>As <see cref="SubmitAsync"/>, for forms that post one name several times (checkboxes of a list).</summary>
    public static async Task<HttpResponseMessage> SubmitPairsAsync(HttpClient client, string pageUrl, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode}");
        var values = new List<KeyValuePair<string, string>>(fields) { new("_handler", formName), new(TokenField, Token(html)) };
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? formName, Dictionary<string, string> fields, string? token)
    {
        var values = new List<KeyValuePair<string, string>>(fields);
        if (formName is not null)
            values.Add(new("_handler", formName));
        if (token is not null)
            values.Add(new(TokenField, token));
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
