using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>Turns the assessment as the app shows it (<see cref="AssessmentView"/>) into what the risk summary prints.</summary>
internal static class RiskSummaryBuilder
{
    public static RiskSummary Build(AssessmentView view, RightsMatrix rights, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        var assessment = view.Assessment;
        var supplier = view.Supplier;
        var score = view.Score;
        var decisionSnapshot = view.ScoreIsLive
            ? null
            : assessment.ScoreSnapshots.Where(s => s.Kind == ScoreSnapshotKind.Decision).MaxBy(s => s.TakenAtUtc);

        return new RiskSummary
        {
            SupplierName = supplier.LegalName,
            SupplierProfile = ProfileOf(supplier),
            ExposureProfile = ExposureOf(supplier),
            Questionnaire = $"{assessment.TemplateName}, version {assessment.TemplateVersionNumber}",
            Status = assessment.Status,
            AnalystName = assessment.AnalystName,
            Score = score,
            Basis = new ScoreBasis(view.ScoreIsLive, score.AsOf, decisionSnapshot?.TakenAtUtc),
            Countries = view.Countries.Select(c => new ReportCountry(c, ExposureRoles.Of(supplier, c.Jurisdiction.Country), c.Risk.CountryCode == score.Jurisdiction?.CountryCode)).ToList(),
            KnockOuts = score.KnockOuts.Select(k => new KnockOutRow(k, assessment.Waivers.FirstOrDefault(w => w.QuestionCode == k.QuestionCode))).ToList(),
            Findings = [.. assessment.Findings.OrderBy(f => f.Status).ThenByDescending(f => f.Severity).ThenBy(f => f.CreatedAtUtc)],
            Conditions = [.. assessment.Conditions.OrderBy(c => c.Status).ThenBy(c => c.DueOn)],
            Decision = assessment.Decision,
            LegalOpinion = assessment.LegalOpinion,
            SignOffs = [.. assessment.SignOffs.Where(s => !s.Superseded).OrderBy(s => s.AtUtc)],
            Transitions = [.. assessment.Transitions.OrderBy(t => t.AtUtc)],
            Answers = AnswersOf(assessment, view),
            Evidence = EvidenceOf(assessment),
            Protections = ProtectionsInPlaceBuilder.Build(rights),
            GeneratedAt = generatedAt,
        };
    }

    private static string ProfileOf(Supplier supplier)
    {
        var sites = supplier.Sites.Count == 0
            ? "no sites recorded"
            : "sites " + string.Join("; ", supplier.Sites.Select(s => $"{s.City}, {s.Country.Name}"));
        return $"{SupplierLabels.Of(supplier.Category)} · HQ {supplier.HqCountry.Name} · {sites}";
    }

    private static string ExposureOf(Supplier supplier) => supplier.Exposure.Count == 0
        ? "No IP shared"
        : string.Join(", ", supplier.Exposure.OrderByDescending(e => e.Sensitivity).Select(e => $"{SupplierLabels.Of(e.Category)} (sensitivity {e.Sensitivity})"));

    /// <summary>The score's sections and questions (the snapshot's once decided), each with the saved answer in words.</summary>
    private static List<AnswerSection> AnswersOf(Assessment assessment, AssessmentView view)
    {
        var questions = assessment.Template.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Code, StringComparer.Ordinal);
        return view.Score.Sections.Select(section => new AnswerSection(
            section.Code,
            section.Title,
            section.Weight,
            section.Score,
            section.Questions.Select(q =>
            {
                var answer = assessment.AnswerTo(q.Code);
                var text = questions.TryGetValue(q.Code, out var definition) ? AnswerText.Describe(definition, answer) : AnswerText.Unanswered;
                var files = assessment.Evidence.Count(e => e.QuestionCode == q.Code && e.CountsAsAttached);
                return new AnswerRow(q, text, answer?.Comment, answer?.EvidenceJustification, files, answer?.GivenByContact);
            }).ToList())).ToList();
    }

    private static List<EvidenceFile> EvidenceOf(Assessment assessment)
    {
        var order = assessment.Template.Sections.SelectMany(s => s.Questions).Select((q, i) => (q.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return [.. assessment.Evidence.OrderBy(e => order.GetValueOrDefault(e.QuestionCode, int.MaxValue)).ThenBy(e => e.UploadedAtUtc)];
    }
}
