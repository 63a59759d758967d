using Grapevine.Core.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>An inbox for the tests: keeps every link the app e-mails.</summary>
internal sealed class CapturingEmailSender : IEmailSender<GrapevineUser>
{
    private readonly List<(string To, string Link)> _sent = [];

    public IReadOnlyList<(string To, string Link)> Sent
    {
        get
        {
            lock (_sent)
                return [.. _sent];
        }
    }

    public Task SendConfirmationLinkAsync(GrapevineUser user, string email, string confirmationLink) => Add(email, confirmationLink);

    public Task SendPasswordResetLinkAsync(GrapevineUser user, string email, string resetLink) => Add(email, resetLink);

    public Task SendPasswordResetCodeAsync(GrapevineUser user, string email, string resetCode) => Add(email, resetCode);

    private Task Add(string to, string link)
    {
        lock (_sent)
            _sent.Add((to, link));
        return Task.CompletedTask;
    }
}
