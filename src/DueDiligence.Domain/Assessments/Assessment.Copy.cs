using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>This draft as a screen away from the server holds it; refused once it has left the analyst.</summary>
    public DraftCopy ToDraftCopy()
    {
        if (Status != AssessmentStatus.Draft)
        {
            throw new DomainException($"Only a draft is answered away from the server; this assessment is {AssessmentWording.Phrase(Status)}.");
        }

        return new DraftCopy(
            Id, SupplierId, TemplateVersionId, TemplateName, TemplateVersionNumber, TemplateJson.Serialize(_template), Status,
            AnalystId, AnalystName, CreatedAtUtc, ReturnReason, Version, CarriedFromAssessmentId,
            [.. _answers.Select(static a => a.ToCopy())],
            [.. _evidence.Select(static e => e.ToCopy())],
            [.. _carriedSections.Select(static c => c.ToCopy())],
            [.. _waivers.Select(static w => w.ToCopy())]);
    }

    /// <summary>The draft a <see cref="DraftCopy"/> was made from, with what answering it needs (see there).</summary>
    public static Assessment FromCopy(DraftCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var assessment = new Assessment
        {
            Id = copy.Id,
            SupplierId = copy.SupplierId,
            TemplateVersionId = copy.TemplateVersionId,
            TemplateName = copy.TemplateName,
            TemplateVersionNumber = copy.TemplateVersionNumber,
            _template = TemplateJson.Deserialize(copy.TemplateJson),
            Status = copy.Status,
            AnalystId = copy.AnalystId,
            AnalystName = copy.AnalystName,
            CreatedAtUtc = copy.CreatedAtUtc,
            ReturnReason = copy.ReturnReason,
            Version = copy.Version,
            CarriedFromAssessmentId = copy.CarriedFromAssessmentId,
        };
        assessment._answers.AddRange(copy.Answers.Select(static a => new AssessmentAnswer(a)));
        assessment._evidence.AddRange(copy.Evidence.Select(static e => new EvidenceFile(e)));
        assessment._carriedSections.AddRange(copy.CarriedSections.Select(static c => new CarriedSection(c)));
        assessment._waivers.AddRange(copy.Waivers.Select(static w => new KnockOutWaiver(w)));
        return assessment;
    }
}
