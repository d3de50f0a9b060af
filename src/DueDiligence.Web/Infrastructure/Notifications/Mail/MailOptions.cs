using MailKit.Security;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>The <c>Mail</c> section: the SMTP server (none: mails are written as .eml files), the sender, the app's address for links, retries.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The SMTP server; empty: no mail leaves the server, each is written to <see cref="PickupDirectory"/> instead.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>TLS: Auto (STARTTLS when offered on 587/25, TLS on connect on 465), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Empty: the server is used without signing in.</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender's address; its domain also ends every Message-ID.</summary>
    public string From { get; set; } = "duediligence@localhost";

    public string FromName { get; set; } = "DueDiligence";

    /// <summary>The app's public address ("https://duediligence.example.com"), for the links in mails; empty: mails name the page instead.</summary>
    public string? AppUrl { get; set; }

    /// <summary>Where mails are written without an SMTP server; relative to the content root; default: "mail" in the data directory.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Attempts at delivering one mail before the sender gives up on it.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first refusal; it doubles with each further one, up to six hours.</summary>
    public int RetryAfterSeconds { get; set; } = 60;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
