namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A draft assessment as a screen away from the server holds it (the wizard in the browser, docs/adr/0012): what answering
/// it needs — the questionnaire snapshot, answers, evidence, carried sections and waivers — in plain values that travel as
/// JSON. <see cref="Assessment.FromCopy"/> makes it an <see cref="Assessment"/> again, which then scores, lists what is
/// missing and takes over saves exactly as the server's does. Findings, conditions, score snapshots, the workflow history
/// and sign-offs do not travel, nor where evidence files are stored.
/// </summary>
/// <param name="TemplateJson">The questionnaire snapshot in its own format (<see cref="Questionnaires.TemplateJson"/>).</param>
public sealed record DraftCopy(
    Guid Id,
    Guid SupplierId,
    Guid TemplateVersionId,
    string TemplateName,
    int TemplateVersionNumber,
    string TemplateJson,
    AssessmentStatus Status,
    string AnalystId,
    string AnalystName,
    DateTime CreatedAtUtc,
    string? ReturnReason,
    Guid Version,
    Guid? CarriedFromAssessmentId,
    IReadOnlyList<AnswerCopy> Answers,
    IReadOnlyList<EvidenceCopy> Evidence,
    IReadOnlyList<CarriedSectionCopy> CarriedSections,
    IReadOnlyList<WaiverCopy> Waivers);

/// <summary>A saved answer in a <see cref="DraftCopy"/>.</summary>
public sealed record AnswerCopy(
    Guid Id,
    string QuestionCode,
    bool NotApplicable,
    bool? YesNo,
    int? Maturity,
    IReadOnlyList<string> OptionCodes,
    double? Number,
    DateOnly? Date,
    string? Text,
    double? ManualRating,
    string? Comment,
    string? EvidenceJustification,
    string UpdatedById,
    string UpdatedByName,
    DateTime UpdatedAtUtc,
    Guid Version,
    string? GivenByContact,
    DateTime? AcceptedAtUtc,
    string? AcceptedByName);

/// <summary>An evidence file's record in a <see cref="DraftCopy"/>: everything but where its bytes are stored.</summary>
public sealed record EvidenceCopy(
    Guid Id,
    string QuestionCode,
    string OriginalFileName,
    string Sha256,
    long Length,
    string ContentType,
    string UploadedById,
    string UploadedByName,
    DateTime UploadedAtUtc,
    string? GivenByContact,
    DateTime? AcceptedAtUtc,
    DateOnly? ExpiresOn,
    Guid? CarriedFromId,
    string? CarriedById,
    DateTime? CarriedAtUtc,
    string? VerifiedById,
    string? VerifiedByName,
    DateTime? VerifiedAtUtc,
    string? WithdrawalReason,
    string? WithdrawnById,
    string? WithdrawnByName,
    DateTime? WithdrawnAtUtc,
    string? InsufficientReason,
    string? InsufficientById,
    string? InsufficientByName,
    DateTime? InsufficientAtUtc);

/// <summary>A carried-forward section in a <see cref="DraftCopy"/>.</summary>
public sealed record CarriedSectionCopy(
    Guid Id, string SectionCode, int CarriedAnswers, int CarriedEvidence, string? ConfirmedById, string? ConfirmedByName, DateTime? ConfirmedAtUtc);

/// <summary>A knock-out waiver in a <see cref="DraftCopy"/> (a returned draft keeps the waivers of its review).</summary>
public sealed record WaiverCopy(Guid Id, string QuestionCode, string Rationale, string WaivedById, string WaivedByName, DateTime WaivedAtUtc);
