using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Grapevine.Web.Auth;

/// <summary>Development e-mail: the message (with its link) goes to the log instead of a mailbox.</summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<GrapevineUser>
{
    public Task SendConfirmationLinkAsync(GrapevineUser user, string email, string confirmationLink) =>
        Log(email, "Confirm your e-mail", confirmationLink);

    public Task SendPasswordResetLinkAsync(GrapevineUser user, string email, string resetLink) =>
        Log(email, "Reset your password", resetLink);

    public Task SendPasswordResetCodeAsync(GrapevineUser user, string email, string resetCode) =>
        Log(email, "Your password reset code", "(code not logged)");

    private Task Log(string email, string subject, string link)
    {
        logger.LogInformation("E-mail to {Email}: {Subject}: {Link}", email, subject, link);
        return Task.CompletedTask;
    }
}
