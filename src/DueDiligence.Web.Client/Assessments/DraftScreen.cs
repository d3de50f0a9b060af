using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Jurisdictions;

namespace DueDiligence.Web.Client.Assessments;

/// <summary>
/// What the wizard in the browser reads when it opens a draft (GET /page-api/assessments/{id}/draft): the draft, and what
/// scoring it needs besides — the supplier's exposure and the risk of each of its countries — as of the server's date.
/// </summary>
public sealed record DraftScreen(DraftCopy Assessment, int MaxSensitivity, IReadOnlyList<CountryLine> Countries, DateOnly Today);

/// <summary>A country of the supplier's, by the name the jurisdiction library gives it, with its risk.</summary>
public sealed record CountryLine(string Name, JurisdictionRiskResult Risk);

/// <summary>
/// One answer to save (PUT /page-api/assessments/{id}/draft/answers/{code}), with the version of the saved answer it
/// replaces (null when the question had none); the response is the <see cref="SavedAnswer"/>.
/// </summary>
public sealed record AnswerSave(AnswerInput Answer, Guid? Version);

/// <summary>Why a file is withdrawn (POST …/draft/evidence/{evidenceId}/withdrawal); the response is the file's record.</summary>
public sealed record EvidenceWithdrawal(string? Reason);

/// <summary>A file's new expiry, or none (PUT …/draft/evidence/{evidenceId}/expiry); the response is the file's record.</summary>
public sealed record EvidenceExpiry(DateOnly? ExpiresOn);
