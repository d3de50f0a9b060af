using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>Records a file saved in the evidence store against one question; a replacement is a new upload, never an edit.</summary>
    public EvidenceFile AttachEvidence(EvidenceUpload upload, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Evidence can only be attached while the assessment is a draft", AssessmentStatus.Draft);
        var (_, question) = FindQuestion(upload.QuestionCode);

        var file = new EvidenceFile(upload with { QuestionCode = question.Code }, actor, nowUtc);
        _evidence.Add(file);
        // No Touch(): a new file conflicts with nobody's change; the save moves the version on for the workflow.
        return file;
    }

    /// <summary>A legal reviewer confirms that the evidence is what it claims to be; once per file.</summary>
    public void VerifyEvidence(Guid evidenceId, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Evidence is verified during legal review", AssessmentStatus.LegalReview);
        var file = FindEvidence(evidenceId);
        file.Verify(actor, nowUtc);
        Touch();
    }

    /// <summary>
    /// A legal reviewer finds a file insufficient (wrong company, out of scope, unreadable): it stays with the reason, who and
    /// when, and no longer counts as evidence, verified or not. During legal review, like verification.
    /// </summary>
    public EvidenceFile MarkEvidenceInsufficient(Guid evidenceId, string? reason, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Evidence is marked insufficient during legal review", AssessmentStatus.LegalReview);
        var file = FindEvidence(evidenceId);
        file.MarkInsufficient(reason, actor, nowUtc);
        Touch();
        return file;
    }

    private EvidenceFile FindEvidence(Guid evidenceId) =>
        _evidence.Find(e => e.Id == evidenceId)
        ?? throw new DomainException("That evidence file is not part of this assessment; reload the assessment.");

    /// <summary>
    /// The analyst withdraws a file (superseded, wrong document): it stays in the assessment with its fingerprint, marked
    /// with the reason, who and when, and no longer counts as evidence. Only while the assessment is a draft.
    /// </summary>
    public EvidenceFile WithdrawEvidence(Guid evidenceId, string? reason, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Evidence can only be withdrawn while the assessment is a draft", AssessmentStatus.Draft);
        var file = FindEvidence(evidenceId);
        file.Withdraw(reason, actor, nowUtc);
        Touch();
        return file;
    }

    /// <summary>The analyst sets, corrects or clears the expiry date of a file after uploading it; only while a draft.</summary>
    public EvidenceFile ChangeEvidenceExpiry(Guid evidenceId, DateOnly? expiresOn, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("An expiry date can only be changed while the assessment is a draft", AssessmentStatus.Draft);
        var file = FindEvidence(evidenceId);
        file.ChangeExpiry(expiresOn, nowUtc);
        Touch();
        return file;
    }

    /// <summary>
    /// Takes over a file as a use case saved it (attached, withdrawn or re-dated), so that a copy of this assessment held
    /// by a screen shows the saved state without being read again. Replaces the file with the same id, or adds it.
    /// </summary>
    public void ApplySavedEvidence(EvidenceFile saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        EnsureStatus("Evidence changes while the assessment is a draft", AssessmentStatus.Draft);
        FindQuestion(saved.QuestionCode);
        var index = _evidence.FindIndex(e => e.Id == saved.Id);
        if (index >= 0)
        {
            _evidence[index] = saved;
        }
        else
        {
            _evidence.Add(saved);
        }
    }

    /// <summary>The evidence as the scoring engine reads it: one entry per question with files that count as attached, in questionnaire order.</summary>
    public IReadOnlyList<EvidenceState> ToEvidenceStates()
    {
        var states = new List<EvidenceState>();
        foreach (var question in _template.Sections.SelectMany(static s => s.Questions))
        {
            var items = _evidence
                .Where(e => e.CountsAsAttached && string.Equals(e.QuestionCode, question.Code, StringComparison.Ordinal))
                .Select(static e => e.ToEvidenceItem())
                .ToList();
            if (items.Count > 0)
            {
                states.Add(new EvidenceState(question.Code, items));
            }
        }

        return states;
    }
}
