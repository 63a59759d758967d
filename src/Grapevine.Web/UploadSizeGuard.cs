using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web;

/// <summary>
/// Refuses a request whose Content-Length is over its endpoint's size limit (the import's 2 GB) before any of the body is
/// read, with 413 problem details naming the limit; otherwise the refusal comes only once the form reader reaches the
/// limit, after the client has sent that much.
/// </summary>
public sealed class UploadSizeGuard(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is not { } max || context.Request.ContentLength is not { } length || length <= max)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The connection is not read further: whatever the client still sends is not waited for.
        context.Response.Headers.Connection = "close";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The upload is too large",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"The request is {Size(length)} ({length:N0} bytes); this takes at most {Size(max)} ({max:N0} bytes). Split the file into smaller ones, or import it from the command line (grapevine import FILE --kind KIND), which has no limit."),
            },
        });
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
