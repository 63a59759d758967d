using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grapevine.Web;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details. Known failures keep their
/// message; anything else is logged and answered with a plain 500, never a stack trace.
/// </summary>
public sealed partial class GrapevineExceptionHandler(IProblemDetailsService problems, ILogger<GrapevineExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Pages answer with the HTML error page (the middleware re-executes /error); only the API speaks problem details.
        // The middleware has already pointed the request at /error; the feature keeps the original path.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!StatusCodePages.IsApi(path))
            return false;

        if (exception is BadHttpRequestException && BindFailure().Match(exception.Message) is { Success: true } failure)
            return await WriteBindFailureAsync(context, exception, failure);

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

    // A query value that does not parse (minFollowers=abc) becomes a validation problem naming the parameter.
    private async ValueTask<bool> WriteBindFailureAsync(HttpContext context, Exception exception, Match failure)
    {
        var name = failure.Groups["name"].Value;
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        var type = failure.Groups["type"].Value;
        var expected = type.Contains("Int", StringComparison.Ordinal) || type.Contains("long", StringComparison.Ordinal) || type.Contains("int", StringComparison.Ordinal)
            ? "a whole number"
            : $"a value of type {type}";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"'{failure.Groups["value"].Value}' is not {expected}"],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Some query parameters are not valid",
            },
        });
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();
}
