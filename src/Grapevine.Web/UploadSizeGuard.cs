using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace Grapevine.Web;

/// <summary>
/// Refuses an upload over its endpoint's size limit (the import's <see cref="GrapevineOptions.MaxUploadBytes"/>) in words
/// that name the limit: one whose Content-Length is over it before any of the body is read; one sent without a length
/// (chunked) as soon as reading it crosses the limit, by reading its form here, where that refusal can still be answered
/// (the antiforgery check would take it for a bad token). Nothing is imported: the import starts only with the whole form.
/// The API gets 413 problem details; the import page is rendered again, with status 413 and the refusal where the report goes.
/// Runs after sign-in, so a stranger's upload is never read.
/// </summary>
public sealed class UploadSizeGuard(RequestDelegate next)
{
    /// <summary>Key of the refusal the guard leaves in HttpContext.Items for the page it renders again.</summary>
    public const string RefusalKey = "Grapevine.UploadRefusal";

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is not { } max || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength is { } length)
        {
            if (length <= max)
                await next(context);
            else
                await RefuseAsync(context, string.Create(CultureInfo.InvariantCulture,
                    $"The upload is {Size(length)} ({length:N0} bytes); this takes at most {Size(max)} ({max:N0} bytes)."));
            return;
        }
        if (context.Request.HasFormContentType)
        {
            try
            {
                // The server stops reading at the limit (its MaxRequestBodySize, set from the endpoint's metadata) and throws.
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RefuseAsync(context, string.Create(CultureInfo.InvariantCulture,
                    $"The upload was stopped when it passed {Size(max)} ({max:N0} bytes), the most this takes."));
                return;
            }
        }
        await next(context);
    }

    private async Task RefuseAsync(HttpContext context, string size)
    {
        var detail = $"{size} Nothing was imported. Split the file into smaller ones, or import it from the command line " +
            "(grapevine import FILE --kind KIND), which has no limit.";
        // The rest of the body is not read: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        if (StatusCodePages.IsApi(context.Request.Path))
        {
            // Written as problem details whatever the request accepts.
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large", detail: detail)
                .ExecuteAsync(context);
            return;
        }
        // The page again, as for a GET, with the refusal where the report goes: its form is there to try another file.
        context.Items[RefusalKey] = detail;
        context.Request.Method = HttpMethods.Get;
        context.Request.Body = Stream.Null;
        context.Request.ContentType = null;
        context.Request.ContentLength = null;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await next(context);
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
