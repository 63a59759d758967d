using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details. Known failures keep their
/// message; anything else is logged and answered with a plain 500, never a stack trace.
/// </summary>
public sealed class GrapevineExceptionHandler(IProblemDetailsService problems, ILogger<GrapevineExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found", exception.Message),
            InvalidOperationException when exception.Source == "Grapevine.Core" => (StatusCodes.Status409Conflict, "Conflict", exception.Message),
            OperationCanceledException => (499, "Request cancelled", "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "Something went wrong on our side. It has been logged."),
        };
        if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
