using System.Text.Json;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A supplier contact's invitation to answer some sections of one assessment through the portal, without an account. The
/// link's secret is never stored: only its SHA-256 (<see cref="TokenHash"/>). The link works until <see cref="ExpiresAtUtc"/>
/// (the deadline plus a grace period), unless revoked or replaced by a re-issued link. After the contact submits, its
/// answers are read-only to it, except the questions the analyst reopens.
/// </summary>
public sealed class SupplierInvitation
{
    private SupplierInvitation()
    {
    }

    public SupplierInvitation(
        Guid assessmentId, Guid? contactId, string contactName, string contactEmail, IReadOnlyCollection<string> sectionCodes,
        DateOnly deadline, DateTime expiresAtUtc, string tokenHash, Actor analyst, DateTime nowUtc, bool asksForCode = false)
    {
        ArgumentNullException.ThrowIfNull(sectionCodes);
        ArgumentNullException.ThrowIfNull(analyst);
        if (sectionCodes.Count == 0)
        {
            throw new DomainException("Choose at least one section for the supplier to answer.");
        }

        if (expiresAtUtc <= nowUtc)
        {
            throw new DomainException($"The deadline {AssessmentWording.Date(deadline)} has passed; choose a later one.");
        }

        Id = Guid.CreateVersion7();
        AssessmentId = assessmentId;
        ContactId = contactId;
        ContactName = Text.Required(contactName, "Name the supplier contact you invite.", 120);
        ContactEmail = Text.Required(contactEmail, $"Give {ContactName}'s e-mail address.", 256);
        if (!ContactEmail.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException($"“{ContactEmail}” is not an e-mail address.");
        }

        SectionCodesJson = JsonSerializer.Serialize(sectionCodes.Distinct(StringComparer.Ordinal).ToArray());
        Deadline = deadline;
        ExpiresAtUtc = expiresAtUtc;
        TokenHash = tokenHash;
        InvitedById = analyst.Id;
        InvitedByName = analyst.Name;
        IssuedAtUtc = nowUtc;
        AsksForCode = asksForCode;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The supplier's contact record, when the invitation went to one; null for a name and address typed in.</summary>
    public Guid? ContactId { get; private set; }

    public string ContactName { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    /// <summary>The sections the contact answers, as a JSON array of section codes; read <see cref="SectionCodes"/>.</summary>
    public string SectionCodesJson { get; private set; } = "[]";

    public IReadOnlyList<string> SectionCodes => JsonSerializer.Deserialize<string[]>(SectionCodesJson) ?? [];

    public DateOnly Deadline { get; private set; }

    /// <summary>The deadline plus the grace period: the link stops working then.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>SHA-256 of the link's secret, 64 lower-case hex digits; the secret itself is shown once and never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Opening the link in a browser that has not proven itself for this invitation asks for a one-time code sent by e-mail.</summary>
    public bool AsksForCode { get; private set; }

    public string InvitedById { get; private set; } = "";

    public string InvitedByName { get; private set; } = "";

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevokedByName { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>Questions the analyst reopened after the contact submitted, as a JSON array; read <see cref="ReopenedQuestions"/>.</summary>
    public string ReopenedQuestionsJson { get; private set; } = "[]";

    public IReadOnlyList<string> ReopenedQuestions => JsonSerializer.Deserialize<string[]>(ReopenedQuestionsJson) ?? [];

    /// <summary>Changes on every change; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The contact as the assessment records who gave an answer or a file.</summary>
    public Actor ContactActor => new($"contact:{Id}", ContactName);

    /// <summary>Why the link cannot be used now, in words for the visitor; null when it can.</summary>
    public string? RefusalAt(DateTime nowUtc) =>
        RevokedAtUtc is not null ? "This link was withdrawn by the company that sent it. Ask your contact there for a new one."
        : nowUtc >= ExpiresAtUtc ? $"This link expired on {AssessmentWording.Date(ExpiresAtUtc)}. Ask your contact at the company that sent it for a new one."
        : null;

    public bool Covers(string sectionCode) => SectionCodes.Contains(sectionCode, StringComparer.Ordinal);

    /// <summary>Whether the contact may still change the answer to a question of its sections: before its submit, or once reopened.</summary>
    public bool CanChange(string questionCode) => SubmittedAtUtc is null || ReopenedQuestions.Contains(questionCode, StringComparer.Ordinal);

    public void Revoke(Actor analyst, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(analyst);
        if (RevokedAtUtc is not null)
        {
            throw new DomainException($"{ContactName}'s link was already withdrawn by {RevokedByName}.");
        }

        RevokedAtUtc = nowUtc;
        RevokedByName = analyst.Name;
        Version = Guid.NewGuid();
    }

    /// <summary>A new link replaces the old one (which stops working at once), with a new deadline; a withdrawn invitation works again.</summary>
    public void Reissue(string tokenHash, DateOnly deadline, DateTime expiresAtUtc, DateTime nowUtc)
    {
        if (expiresAtUtc <= nowUtc)
        {
            throw new DomainException($"The deadline {AssessmentWording.Date(deadline)} has passed; choose a later one.");
        }

        TokenHash = tokenHash;
        Deadline = deadline;
        ExpiresAtUtc = expiresAtUtc;
        IssuedAtUtc = nowUtc;
        RevokedAtUtc = null;
        RevokedByName = null;
        Version = Guid.NewGuid();
    }

    /// <summary>The contact hands its answers over; from now on they are read-only to it, and reopened questions close again.</summary>
    public void Submit(DateTime nowUtc)
    {
        SubmittedAtUtc = nowUtc;
        ReopenedQuestionsJson = "[]";
        Version = Guid.NewGuid();
    }

    /// <summary>The analyst lets the contact change one answer again after its submit.</summary>
    public void Reopen(string questionCode)
    {
        if (SubmittedAtUtc is null)
        {
            throw new DomainException($"{ContactName} has not submitted yet and can still change every answer.");
        }

        ReopenedQuestionsJson = JsonSerializer.Serialize(ReopenedQuestions.Append(questionCode).Distinct(StringComparer.Ordinal).ToArray());
        Version = Guid.NewGuid();
    }
}
