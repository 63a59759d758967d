using System.Net;
using System.Net.Mail;
using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grapevine.Web.Auth;

/// <summary>Sends account e-mails through the configured SMTP server.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender<GrapevineUser>
{
    public Task SendConfirmationLinkAsync(GrapevineUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your e-mail", $"Confirm your Grapevine account: {confirmationLink}");

    public Task SendPasswordResetLinkAsync(GrapevineUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your Grapevine password", $"Reset your password (the link works once, for one hour): {resetLink}");

    public Task SendPasswordResetCodeAsync(GrapevineUser user, string email, string resetCode) =>
        SendAsync(email, "Your Grapevine reset code", $"Your reset code: {resetCode}");

    private async Task SendAsync(string to, string subject, string body)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (smtp.UserName is not null)
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage(smtp.From, to, subject, body);
        await client.SendMailAsync(message);
    }
}
