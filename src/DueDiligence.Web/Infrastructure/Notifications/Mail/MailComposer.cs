using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// Turns a notification into the e-mail for one recipient: the title as subject, the text, and the link into the app.
/// Every piece of user text is HTML-escaped in the HTML part; a mail carries nothing beyond the link that the app would
/// not show the recipient, and never a secret.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options)
{
    private readonly string _messageIdDomain = DomainOf(options.Value.From);
    private readonly string? _appUrl = string.IsNullOrWhiteSpace(options.Value.AppUrl) ? null : options.Value.AppUrl.Trim().TrimEnd('/');

    public OutboxMail Compose(string recipientId, string address, string name, NotificationMessage message, DateTime nowUtc)
    {
        var id = Guid.NewGuid();
        var subject = Shorten(OneLine(message.Title), OutboxMail.SubjectMaxLength);
        var settings = message.Category == NotificationCategory.Security
            ? "E-mails about your own account's security are always sent."
            : "You can choose which e-mails you receive on the Notifications page.";
        var html = HtmlEncoder.Default;
        string text, htmlBody;
        if (_appUrl is null)
        {
            text = $"Hello {name},\n\n{message.Body}\n\nOpen DueDiligence and go to {message.Link}.\n\n{settings}\n";
            htmlBody = Page($"<p>Hello {html.Encode(name)},</p><p>{html.Encode(message.Body)}</p><p>Open DueDiligence and go to {html.Encode(message.Link)}.</p>", html.Encode(settings));
        }
        else
        {
            var url = _appUrl + message.Link;
            text = $"Hello {name},\n\n{message.Body}\n\nOpen it in DueDiligence: {url}\n\n{settings} {_appUrl}/notifications\n";
            htmlBody = Page(
                $"<p>Hello {html.Encode(name)},</p><p>{html.Encode(message.Body)}</p><p><a href=\"{html.Encode(url)}\">Open it in DueDiligence</a></p>",
                $"{html.Encode(settings)} <a href=\"{html.Encode(_appUrl + "/notifications")}\">Notifications</a>");
        }

        return new OutboxMail
        {
            MessageId = $"{id:N}@{_messageIdDomain}",
            RecipientId = recipientId,
            ToAddress = address,
            ToName = Shorten(OneLine(name), OutboxMail.NameMaxLength),
            Category = message.Category,
            Subject = subject,
            TextBody = Shorten(text, OutboxMail.TextBodyMaxLength),
            HtmlBody = htmlBody.Length <= OutboxMail.HtmlBodyMaxLength ? htmlBody : Page($"<p>{html.Encode(Shorten(text, 2000))}</p>", ""),
            CreatedAtUtc = nowUtc,
        };
    }

    private static string Page(string content, string footer) =>
        $"<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">{content}<p style=\"color: #555; font-size: 0.85em\">{footer}</p></body></html>";

    private static string DomainOf(string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at < 0 ? "" : from[(at + 1)..].Trim().TrimEnd('>');
        return domain.Length == 0 ? "duediligence.local" : domain;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
