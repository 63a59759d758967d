using System.Text.Json;
using System.Text.RegularExpressions;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
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

        if (exception is BadHttpRequestException { InnerException: JsonException json })
            return await WriteJsonFailureAsync(context, exception, json);

        if (exception is DiscoveryQueryException query)
            return await WriteFieldErrorsAsync(context, exception, query.Errors.ToDictionary(), "Some query parameters are not valid");

        if (exception is CampaignInputException campaign)
            return await WriteFieldErrorsAsync(context, exception, campaign.Errors.ToDictionary(), "Some values are not valid");

        if (exception is CandidateChangedException changed)
            return await WriteStaleCandidateAsync(context, changed);

        if (exception is CandidateKeepsChangingException)
            return await WriteProblemAsync(context, exception, StatusCodes.Status409Conflict, "A colleague keeps changing this candidate", exception.Message);

        if (exception is ArgumentException { ParamName: { Length: > 0 } parameter } argument && FromGrapevine(exception))
            return await WriteArgumentProblemAsync(context, argument, parameter);

        var (status, title, detail) = exception switch
        {
            // The framework's own words ("Implicit body inferred … Did you mean to use a Service instead?") are for developers.
            BadHttpRequestException bad when MissingBody().IsMatch(bad.Message) => (bad.StatusCode, "The request body could not be read",
                "The request has no body: send a JSON object, with the header Content-Type: application/json."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            PermissionDeniedException => (StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
            NoteDeletionRefusedException => (StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
            WorkspaceRuleException => (StatusCodes.Status409Conflict, "Conflict", exception.Message),
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found", exception.Message),
            InvalidOperationException when FromGrapevine(exception) => (StatusCodes.Status409Conflict, "Conflict", exception.Message),
            OperationCanceledException => (499, "Request cancelled", "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "Something went wrong on our side. It has been logged."),
        };
        if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        return await WriteProblemAsync(context, exception, status, title, detail);
    }

    private async ValueTask<bool> WriteProblemAsync(HttpContext context, Exception exception, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static bool FromGrapevine(Exception exception) => exception.Source?.StartsWith("Grapevine", StringComparison.Ordinal) == true;

    // A service refusing a value (a list name too long) names the parameter, which matches the request field.
    private async ValueTask<bool> WriteArgumentProblemAsync(HttpContext context, ArgumentException exception, string parameter)
    {
        var suffix = $" (Parameter '{parameter}')";
        var message = exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Some values are not valid",
            },
        });
    }

    // 412 names the header that carried the stale version and gives the candidate as it is now, with its new version.
    private async ValueTask<bool> WriteStaleCandidateAsync(HttpContext context, CandidateChangedException exception)
    {
        context.Response.StatusCode = StatusCodes.Status412PreconditionFailed;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["If-Match"] = [exception.Message] })
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "The candidate changed since you read it",
                Extensions = { ["current"] = exception.Current },
            },
        });
    }

    private async ValueTask<bool> WriteFieldErrorsAsync(HttpContext context, Exception exception, Dictionary<string, string[]> errors, string title)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title },
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

    // A body value of the wrong type ("budget": "abc") names its field and what was expected.
    private async ValueTask<bool> WriteJsonFailureAsync(HttpContext context, Exception exception, JsonException json)
    {
        var (field, message) = JsonErrorText.Of(json);
        if (field is not null)
            return await WriteFieldErrorsAsync(context, exception, new Dictionary<string, string[]> { [field] = [message] }, "Some values are not valid");
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read",
                Detail = char.ToUpperInvariant(message[0]) + message[1..] + ".",
            },
        });
    }

    [GeneratedRegex("""no body was provided|was not provided from body""")]
    private static partial Regex MissingBody();

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();
}
