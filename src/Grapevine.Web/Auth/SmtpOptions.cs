namespace Grapevine.Web.Auth;

/// <summary>Settings under "Smtp". Without a host, e-mails (reset and invitation links) go to the log.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "grapevine@localhost";
    public bool EnableSsl { get; set; } = true;
}
