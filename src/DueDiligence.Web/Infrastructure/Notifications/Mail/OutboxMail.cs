namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change it tells about and sent afterwards by the
/// <see cref="OutboxSender"/>. Its Message-ID is fixed when it is written, so that every attempt carries the same one.
/// Once the mail server accepted it, it is marked sent and never sent again. Not audited: the change it tells about is.
/// </summary>
public sealed class OutboxMail
{
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int TextBodyMaxLength = 4000;
    public const int HtmlBodyMaxLength = 8000;
    public const int MessageIdMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    private DateTime _createdAtUtc;
    private string _textBody = "";
    private string _htmlBody = "";

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The stable Message-ID, without angle brackets: "&lt;id&gt;@&lt;domain of the sender address&gt;".</summary>
    public required string MessageId { get; init; }

    /// <summary>The user's id (AspNetUsers.Id); null for someone outside the app, such as a supplier contact.</summary>
    public required string? RecipientId { get; init; }

    public required string ToAddress { get; init; }

    public required string ToName { get; init; }

    public required NotificationCategory Category { get; init; }

    public required string Subject { get; init; }

    /// <summary>The plain-text part; empty once a mail that <see cref="HoldsSecret"/> was sent or given up.</summary>
    public required string TextBody { get => _textBody; init => _textBody = value; }

    /// <summary>The HTML part; every piece of user text in it is escaped. Empty once a mail that <see cref="HoldsSecret"/> was sent or given up.</summary>
    public required string HtmlBody { get => _htmlBody; init => _htmlBody = value; }

    /// <summary>
    /// The body carries a secret (a supplier's portal link, a one-time code): it is emptied as soon as the mail server
    /// accepted the mail or the sender gave up on it; recipient, subject, Message-ID and times stay for the record.
    /// </summary>
    public bool HoldsSecret { get; init; }

    /// <summary>When the change was saved; the first attempt is due then.</summary>
    public required DateTime CreatedAtUtc
    {
        get => _createdAtUtc;
        init
        {
            _createdAtUtc = value;
            NextAttemptAtUtc = value;
        }
    }

    /// <summary>When the sender may try next; the creation time at first, later the time after the back-off.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the mail server accepted it (or it was written to the pickup folder); null until then.</summary>
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>When the sender stopped trying after <c>Mail:MaxAttempts</c> refusals; null while it tries.</summary>
    public DateTime? GaveUpAtUtc { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Counts a failed attempt: tries again at <paramref name="retryAtUtc"/>, or gives up after <paramref name="maxAttempts"/>.</summary>
    public void RecordFailure(string error, DateTime nowUtc, DateTime retryAtUtc, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        NextAttemptAtUtc = retryAtUtc;
        if (Attempts >= maxAttempts)
        {
            GaveUpAtUtc = nowUtc;
            if (HoldsSecret)
            {
                _textBody = "";
                _htmlBody = "";
            }
        }
    }
}
