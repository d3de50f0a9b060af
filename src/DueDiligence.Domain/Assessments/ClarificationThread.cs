using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// The conversation about one question between the analyst and the supplier contact invited to answer it: opened when the
/// analyst asks for clarification, open until the analyst resolves it (accepting the answer resolves it too).
/// </summary>
public sealed class ClarificationThread
{
    public const int MessageMaxLength = 4000;

    private readonly List<ClarificationMessage> _messages = [];

    private ClarificationThread()
    {
    }

    public ClarificationThread(Guid assessmentId, Guid invitationId, string questionCode, string question, Actor analyst, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        AssessmentId = assessmentId;
        InvitationId = invitationId;
        QuestionCode = questionCode;
        OpenedAtUtc = nowUtc;
        Add(question, analyst, fromSupplier: false, attachmentId: null, nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The invitation of the contact the analyst talks to.</summary>
    public Guid InvitationId { get; private set; }

    public string QuestionCode { get; private set; } = "";

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public string? ResolvedByName { get; private set; }

    public bool IsOpen => ResolvedAtUtc is null;

    /// <summary>Changes on every change; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ClarificationMessage> Messages => _messages;

    /// <summary>A message from the analyst or the contact; a message on a resolved thread opens it again.</summary>
    public ClarificationMessage Add(string? text, Actor author, bool fromSupplier, Guid? attachmentId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(author);
        var message = new ClarificationMessage(
            Text.Required(text, "Write the message first.", MessageMaxLength), author.Name, fromSupplier, attachmentId, nowUtc);
        _messages.Add(message);
        ResolvedAtUtc = null;
        ResolvedByName = null;
        Version = Guid.NewGuid();
        return message;
    }

    public void Resolve(Actor analyst, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(analyst);
        if (!IsOpen)
        {
            return;
        }

        ResolvedAtUtc = nowUtc;
        ResolvedByName = analyst.Name;
        Version = Guid.NewGuid();
    }
}

/// <summary>One message of a clarification thread, with the evidence file attached to it, if any.</summary>
public sealed class ClarificationMessage
{
    private ClarificationMessage()
    {
    }

    internal ClarificationMessage(string text, string authorName, bool fromSupplier, Guid? attachmentId, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Text = text;
        AuthorName = authorName;
        FromSupplier = fromSupplier;
        AttachmentId = attachmentId;
        SentAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public bool FromSupplier { get; private set; }

    /// <summary>An evidence file of the question, uploaded with the message through the evidence checks.</summary>
    public Guid? AttachmentId { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
