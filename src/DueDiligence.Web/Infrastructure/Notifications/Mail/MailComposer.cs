using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// Turns a notification into the e-mail for one recipient: the title as subject, the text, and the link into the app; and
/// writes the e-mails to people outside the app (<see cref="ContactMessage"/>). Every piece of user text is HTML-escaped in
/// the HTML part. A user's mail carries nothing beyond the link that the app would not show the recipient, and never a
/// secret; a contact's mail may carry its own portal link or code, and then the outbox forgets its body once sent.
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

    /// <summary>The absolute address of a page of the app: under <c>Mail:AppUrl</c>, else under the address the user sees the app at.</summary>
    public string LinkTo(string path, Uri? seenAt) =>
        _appUrl is not null ? _appUrl + path
        : seenAt is not null ? new Uri(seenAt, path).ToString()
        : path;

    /// <summary>An e-mail to someone outside the app (no user id: <see cref="OutboxMail.RecipientId"/> stays null).</summary>
    public OutboxMail ComposeForContact(string address, string name, ContactMessage message, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.NewGuid();
        var html = HtmlEncoder.Default;
        var text = new System.Text.StringBuilder($"Hello {name},\n\n{message.Opening}\n\n");
        var htmlBody = new System.Text.StringBuilder($"<p>Hello {html.Encode(name)},</p><p>{html.Encode(message.Opening)}</p>");
        if (message.Items.Count > 0)
        {
            text.Append(string.Concat(message.Items.Select(item => $"  - {item}\n"))).Append('\n');
            htmlBody.Append("<ul>").Append(string.Concat(message.Items.Select(item => $"<li>{html.Encode(item)}</li>"))).Append("</ul>");
        }

        if (message.Link is { } link)
        {
            text.Append($"{link.Text}:\n{link.Url}\n\n");
            htmlBody.Append($"<p><a href=\"{html.Encode(link.Url)}\" style=\"font-weight: bold\">{html.Encode(link.Text)}</a></p>")
                .Append($"<p style=\"font-size: 0.85em; overflow-wrap: anywhere\">{html.Encode(link.Url)}</p>");
        }

        foreach (var paragraph in message.Closing)
        {
            text.Append($"{paragraph}\n\n");
            htmlBody.Append($"<p>{html.Encode(paragraph)}</p>");
        }

        text.Append($"-- \n{message.Footer}\n");
        var htmlPage = Page(htmlBody.ToString(), html.Encode(message.Footer));
        var plain = text.ToString();
        return new OutboxMail
        {
            MessageId = $"{id:N}@{_messageIdDomain}",
            RecipientId = null,
            ToAddress = address,
            ToName = Shorten(OneLine(name), OutboxMail.NameMaxLength),
            Category = NotificationCategory.Workflow,
            Subject = Shorten(OneLine(message.Subject), OutboxMail.SubjectMaxLength),
            TextBody = Shorten(plain, OutboxMail.TextBodyMaxLength),
            HtmlBody = htmlPage.Length <= OutboxMail.HtmlBodyMaxLength ? htmlPage : Page($"<p>{html.Encode(Shorten(plain, 2000))}</p>", ""),
            HoldsSecret = message.HoldsSecret,
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
