using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web;
using Grapevine.Web.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grapevine.IntegrationTests.Import;

/// <summary>
/// Uploads over the import's size limit (Grapevine:MaxUploadBytes, made small here), to the API and to the import page as a
/// browser without JavaScript posts it, on Kestrel: only a real server enforces the limit while it reads.
/// </summary>
public class UploadSizeLimitTests
{
    private const string Owner = "owner@example.com";

    private static async Task<(TestDatabase Database, GrapevineWebFactory Factory)> StartAsync(DatabaseProvider provider, long maxUploadBytes)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new GrapevineWebFactory(database.ConnectionString);
        factory.Settings["Grapevine:MaxUploadBytes"] = maxUploadBytes.ToString(CultureInfo.InvariantCulture);
        factory.StartOnKestrel();
        return (database, factory);
    }

    /// <summary>A body of <paramref name="length"/> bytes that fails the test if the server asks for any of it.</summary>
    private sealed class UnreadBody(long length) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            throw new Xunit.Sdk.XunitException("the server read the body of an upload it was going to refuse");

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpRequestMessage Upload(string url, long length)
    {
        var body = new StreamContent(new UnreadBody(length));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        body.Headers.ContentLength = length;
        // The client sends the body only once the server asks for it, so the test sees whether it would have.
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        request.Headers.ExpectContinue = true;
        return request;
    }

    [Theory, BothProviders]
    public async Task An_upload_whose_length_is_over_the_limit_is_refused_before_its_body_is_read(DatabaseProvider provider)
    {
        var (database, factory) = await StartAsync(provider, 1 << 20);
        await using var _ = database;
        await using var __ = factory;
        foreach (var path in new[] { "/api/v1/imports", "/import" })
        {
            var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
                .Single(e => "/" + e.RoutePattern.RawText?.Trim('/') == path);
            Assert.Equal(1 << 20, endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
            Assert.Equal(1 << 20, endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);
        }
        using var api = await factory.CreateApiClientAsync(Owner);
        using var browser = await factory.SignInAsync(Owner);

        var refused = await api.SendAsync(Upload("/api/v1/imports", 3L << 20));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The upload is too large", problem.GetProperty("title").GetString());
        Assert.StartsWith("The upload is 3 MB (3,145,728 bytes); this takes at most 1 MB (1,048,576 bytes). Nothing was imported. ",
            problem.GetProperty("detail").GetString());

        // A browser without JavaScript posting the page's form: the import page again, saying why, with its form to try again.
        var page = Upload("/import", 3L << 20);
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var text = WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync());
        Assert.Contains("<title>Import · Grapevine</title>", text);
        Assert.Contains("<h2>The file is too large; nothing was imported</h2>", text);
        Assert.Contains("file: The upload is 3 MB (3,145,728 bytes); this takes at most 1 MB (1,048,576 bytes). Nothing was imported. " +
            "Split the file into smaller ones, or import it from the command line (grapevine import FILE --kind KIND), which has no limit.", text);
        Assert.Contains("<form class=\"card form-stack import-form\" method=\"post\"", text);

        // The default is 2 GB.
        Assert.Equal(2L << 30, new GrapevineOptions().MaxUploadBytes);
    }

    /// <summary>A raw HTTP/1.1 request with a chunked body that never ends: only a server that stops at the limit answers it.</summary>
    private static async Task<(int Status, string Body, long Sent)> PostEndlessAsync(Uri server, string path, string header)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nTransfer-Encoding: chunked\r\n" +
            $"Content-Type: multipart/form-data; boundary=b\r\nAccept: text/html,*/*;q=0.8\r\n{header}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        long sent = 0;
        var writing = Task.Run(async () =>
        {
            async Task ChunkAsync(string text)
            {
                var data = Encoding.ASCII.GetBytes($"{Encoding.ASCII.GetByteCount(text):x}\r\n{text}\r\n");
                await stream.WriteAsync(data);
                Interlocked.Add(ref sent, data.Length);
            }
            try
            {
                await ChunkAsync("--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\naccounts\r\n" +
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"endless.csv\"\r\nContent-Type: text/csv\r\n\r\nplatform,handle\n");
                var rows = string.Concat(Enumerable.Range(0, 1000).Select(i => $"instagram,creator{i}\n"));
                while (true)
                    await ChunkAsync(rows);
            }
            catch (IOException)
            {
                // The server closed the connection after its answer.
            }
        });
        var response = new MemoryStream();
        await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromMinutes(2));
        await writing.WaitAsync(TimeSpan.FromMinutes(2));
        var raw = response.ToArray();
        var split = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var headers = Encoding.ASCII.GetString(raw, 0, split);
        var body = raw[(split + 4)..];
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            body = Unchunk(body);
        return (int.Parse(headers.Split(' ')[1], CultureInfo.InvariantCulture), WebUtility.HtmlDecode(Encoding.UTF8.GetString(body)), Interlocked.Read(ref sent));
    }

    private static byte[] Unchunk(byte[] body)
    {
        var data = new MemoryStream();
        for (var at = 0; ;)
        {
            var end = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = int.Parse(Encoding.ASCII.GetString(body, at, end - at), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
                return data.ToArray();
            data.Write(body, end + 2, size);
            at = end + 2 + size + 2;
        }
    }

    [Theory, BothProviders]
    public async Task A_chunked_upload_is_refused_once_it_passes_the_limit_and_imports_nothing(DatabaseProvider provider)
    {
        const int limit = 1 << 20;
        var (database, factory) = await StartAsync(provider, limit);
        await using var _ = database;
        await using var __ = factory;
        var owner = await factory.CreateUserAsync(Owner);
        var secret = await factory.CreateApiKeyAsync(await factory.CreateWorkspaceAsync(owner, "Test Brand"), owner);
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = factory.KestrelAddress })
            Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(browser, "/account/sign-in", "sign-in",
                new() { ["Email"] = Owner, ["Password"] = TestAccounts.Password })).StatusCode);

        var (status, problem, sent) = await PostEndlessAsync(factory.KestrelAddress!, "/api/v1/imports", $"Authorization: Bearer {secret}");
        Assert.Equal(413, status);
        Assert.Contains("\"title\":\"The upload is too large\"", problem);
        Assert.Contains("The upload was stopped when it passed 1 MB (1,048,576 bytes), the most this takes. Nothing was imported.", problem);
        // Stopped near the limit, not at the end of an endless body (the rest is what the sockets' buffers hold).
        Assert.True(sent < 64L << 20, $"sent {sent:N0} bytes before the refusal");

        var (pageStatus, page, _) = await PostEndlessAsync(factory.KestrelAddress!, "/import", $"Cookie: {cookies.GetCookieHeader(factory.KestrelAddress!)}");
        Assert.Equal(413, pageStatus);
        Assert.Contains("<h2>The file is too large; nothing was imported</h2>", page);
        Assert.Contains("file: The upload was stopped when it passed 1 MB (1,048,576 bytes), the most this takes. Nothing was imported.", page);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Accounts.CountAsync());
            Assert.DoesNotContain(await db.AuditEntries.IgnoreQueryFilters().ToListAsync(), e => e.Action == ImportsApi.AuditAction);
        }
    }
}
