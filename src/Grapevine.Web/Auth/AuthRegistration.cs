using Grapevine.Core.Audit;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Grapevine.Web.Auth;

/// <summary>Sign-in (Identity cookie), API keys, the workspace of each request, and the access policy every endpoint gets.</summary>
internal static class AuthRegistration
{
    /// <summary>Picks the API key handler for <c>Authorization: Bearer</c> on the API, the sign-in cookie otherwise.</summary>
    public const string Scheme = "Grapevine";

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int LockoutAttempts = 5;

    public static IServiceCollection AddGrapevineAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CurrentWorkspace>();
        services.AddScoped<AuditLog>();
        services.AddScoped<WorkspaceService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ListService>();
        services.AddScoped<NoteService>();
        services.AddScoped<BrandSafetyService>();
        services.AddScoped<SignInService>();
        services.AddScoped<DemoSignIn>();
        services.AddSingleton<PublicLinks>();
        services.AddOptions<GrapevineOptions>().Validate(o => PublicLinks.Problem(o.PublicUrl) is null, "Grapevine:PublicUrl must be an absolute http or https address such as https://grapevine.example.com.");
        services.AddSingleton(new DemoLinkOutput(Console.Out));

        services.AddIdentityCore<GrapevineUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, which may be non-ASCII (élise@exemple.fr, RFC 6531), as invitations
                // accept; Identity's default list (ASCII letters, digits and -._@+) refused it with a message about a "Username".
                o.User.AllowedUserNameCharacters = ""; // empty: any character
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4; // said on the sign-up page and in docs/auth.md
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<GrapevineDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Sign-in cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "grapevine.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/";
            o.ReturnUrlParameter = "returnUrl";
            // The API answers with a status code; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // A password reset (new security stamp) signs out other sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        var access = new AuthorizationPolicyBuilder(Scheme).AddRequirements(new GrapevineAccess()).Build();
        services.AddAuthorizationBuilder().SetDefaultPolicy(access).SetFallbackPolicy(access);
        services.AddSingleton<IAuthorizationHandler, GrapevineAccess>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAccessResultHandler>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]))
            services.AddSingleton<IEmailSender<GrapevineUser>, LoggingEmailSender>();
        else
            services.AddSingleton<IEmailSender<GrapevineUser>, SmtpEmailSender>();

        services.AddGrapevineRateLimits();
        return services;
    }

    public static WebApplication UseGrapevineAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<WorkspaceMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (StatusCodePages.IsApi(context.Request.Path))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
