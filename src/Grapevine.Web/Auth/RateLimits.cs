using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Auth;

/// <summary>
/// One global limiter, so endpoints added later are limited too: sign-in, sign-up, password-reset
/// and demo-link requests per client address; the API per key or user (per address when anonymous).
/// Rejections are 429 with Retry-After.
/// </summary>
internal static class RateLimits
{
    private static readonly string[] SignInPaths = ["/account/sign-in", "/account/sign-up", "/account/forgot-password", "/account/reset-password"];

    public static IServiceCollection AddGrapevineRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if ((HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            || request.Path.StartsWithSegments("/demo-sign-in"))
            return PerMinute("sign-in:" + address, limits.SignInPerMinute);
        if (request.Path.StartsWithSegments("/api"))
        {
            var user = context.User;
            var who = user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is { } key ? "key:" + key
                : user.Identity?.IsAuthenticated == true ? "user:" + user.FindFirstValue(ClaimTypes.NameIdentifier)
                : "address:" + address;
            return PerMinute("api:" + who, limits.ApiPerMinute);
        }
        return RateLimitPartition.GetNoLimiter("");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests. Try again in {seconds} seconds.";
        if (StatusCodePages.IsApi(context.Request.Path))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = message },
            });
            return;
        }
        await StatusCodePages.WritePlainPageAsync(context, "Too many attempts", message);
    }
}
