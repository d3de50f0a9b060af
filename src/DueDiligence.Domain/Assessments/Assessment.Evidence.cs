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
        Touch();
        return file;
    }

    /// <summary>A legal reviewer confirms that the evidence is what it claims to be; once per file.</summary>
    public void VerifyEvidence(Guid evidenceId, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Evidence is verified during legal review", AssessmentStatus.LegalReview);
        var file = _evidence.Find(e => e.Id == evidenceId)
            ?? throw new DomainException("That evidence file is not part of this assessment; reload the assessment.");

        file.Verify(actor, nowUtc);
        Touch();
    }

    /// <summary>The evidence as the scoring engine reads it: one entry per question with files, in questionnaire order.</summary>
    public IReadOnlyList<EvidenceState> ToEvidenceStates()
    {
        var states = new List<EvidenceState>();
        foreach (var question in _template.Sections.SelectMany(static s => s.Questions))
        {
            var items = _evidence
                .Where(e => string.Equals(e.QuestionCode, question.Code, StringComparison.Ordinal))
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
