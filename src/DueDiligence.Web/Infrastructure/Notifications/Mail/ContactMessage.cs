namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>A link in an e-mail to someone outside the app: the words on it and the absolute address it opens.</summary>
public sealed record ContactLink(string Text, string Url);

/// <summary>
/// An e-mail to someone outside the app (a supplier contact), who has no notification centre and no settings: its subject,
/// an opening paragraph, an optional list (the sections asked for, say), an optional link, closing paragraphs and a footer
/// saying why the mail came. <see cref="HoldsSecret"/>: the body carries a secret (a portal link, a one-time code), so the
/// outbox forgets the body once the mail is sent.
/// </summary>
public sealed record ContactMessage(
    string Subject, string Opening, IReadOnlyList<string> Items, ContactLink? Link, IReadOnlyList<string> Closing, string Footer, bool HoldsSecret);
