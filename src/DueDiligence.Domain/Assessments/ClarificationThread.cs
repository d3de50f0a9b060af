using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// The conversation about one question: between the analyst and the supplier contact invited to answer it (opened when the
/// analyst asks for clarification), or internal, between legal and the analyst (opened by legal, never shown to the
/// supplier). Open until someone resolves it; a new message opens it again.
/// </summary>
public sealed class ClarificationThread
{
    public const int MessageMaxLength = 4000;

    private readonly List<ClarificationMessage> _messages = [];

    private ClarificationThread()
    {
    }

    /// <summary>A conversation with the supplier contact of <paramref name="invitationId"/>.</summary>
    public ClarificationThread(
        Guid assessmentId, Guid invitationId, string questionCode, string question, Actor analyst, MessageAttachment? attachment, DateTime nowUtc)
        : this(assessmentId, (Guid?)invitationId, questionCode)
    {
        OpenedAtUtc = nowUtc;
        Add(question, analyst, fromSupplier: false, attachment, nowUtc);
    }

    private ClarificationThread(Guid assessmentId, Guid? invitationId, string questionCode)
    {
        Id = Guid.CreateVersion7();
        AssessmentId = assessmentId;
        InvitationId = invitationId;
        QuestionCode = questionCode;
    }

    /// <summary>An internal conversation between legal and the analyst; the supplier never sees it.</summary>
    public static ClarificationThread OpenInternal(Guid assessmentId, string questionCode, string? text, Actor author, MessageAttachment? attachment, DateTime nowUtc)
    {
        var thread = new ClarificationThread(assessmentId, null, questionCode) { OpenedAtUtc = nowUtc };
        thread.Add(text, author, fromSupplier: false, attachment, nowUtc);
        return thread;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The invitation of the contact the analyst talks to; null for an internal conversation.</summary>
    public Guid? InvitationId { get; private set; }

    public bool IsInternal => InvitationId is null;

    public string QuestionCode { get; private set; } = "";

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public string? ResolvedByName { get; private set; }

    public bool IsOpen => ResolvedAtUtc is null;

    /// <summary>Changes on every change; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ClarificationMessage> Messages => _messages;

    /// <summary>A message, with the file attached to it, if any; a message on a resolved thread opens it again.</summary>
    public ClarificationMessage Add(string? text, Actor author, bool fromSupplier, MessageAttachment? attachment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (fromSupplier && IsInternal)
        {
            throw new DomainException("This conversation is internal.");
        }

        var message = new ClarificationMessage(
            Text.Required(text, "Write the message first.", MessageMaxLength), author, fromSupplier, attachment, nowUtc);
        _messages.Add(message);
        ResolvedAtUtc = null;
        ResolvedByName = null;
        Version = Guid.NewGuid();
        return message;
    }

    public void Resolve(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsOpen)
        {
            return;
        }

        ResolvedAtUtc = nowUtc;
        ResolvedByName = actor.Name;
        Version = Guid.NewGuid();
    }
}

/// <summary>One message of a clarification thread, with the file attached to it, if any.</summary>
public sealed class ClarificationMessage
{
    private ClarificationMessage()
    {
    }

    internal ClarificationMessage(string text, Actor author, bool fromSupplier, MessageAttachment? attachment, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Text = text;
        AuthorId = author.Id;
        AuthorName = author.Name;
        FromSupplier = fromSupplier;
        Attachment = attachment;
        SentAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Who wrote it, so that the other side of the conversation can be told; empty for messages written before it was kept.</summary>
    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public bool FromSupplier { get; private set; }

    /// <summary>A file sent with the message, checked and stored as evidence uploads are; it is not evidence of the answer.</summary>
    public MessageAttachment? Attachment { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}

/// <summary>A file attached to a message: its name as uploaded, where the store keeps it, and what it is.</summary>
public sealed record MessageAttachment(string FileName, string StorageKey, string Sha256, long Length, string ContentType);
