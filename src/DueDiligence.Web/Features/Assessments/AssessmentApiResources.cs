using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Features.Assessments;

internal sealed record AssessmentList(IReadOnlyList<AssessmentListItem> Items, string? NextCursor);

/// <summary>One assessment in the list; the tier is live while it is under review (<see cref="TierIsLive"/>), else its latest snapshot's.</summary>
internal sealed record AssessmentListItem(
    Guid Id, Guid SupplierId, string SupplierName, AssessmentStatus Status, string Analyst, string Questionnaire, DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc, RiskTier? Tier, double? ResidualRisk, bool TierIsLive, DecisionOutcome? Outcome)
{
    public static AssessmentListItem From(AssessmentRow row) => new(
        row.Id, row.SupplierId, row.SupplierName, row.Status, row.AnalystName, row.Template, row.CreatedAtUtc, row.SubmittedAtUtc,
        row.Tier, row.ResidualRisk, row.TierIsLive, row.Outcome);
}

/// <summary>An assessment as its page shows it: the score (live until decided, then the decision's) and every snapshot kept.</summary>
internal sealed record AssessmentResource(
    Guid Id, Guid SupplierId, string SupplierName, AssessmentStatus Status, string Analyst, string Questionnaire, DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc, DateTime? DecidedAtUtc, bool ScoreIsLive, ScoreResource Score, IReadOnlyList<SnapshotResource> Snapshots,
    int Findings, int Conditions)
{
    public static AssessmentResource From(AssessmentView view)
    {
        var a = view.Assessment;
        return new(
            a.Id, a.SupplierId, view.Supplier.LegalName, a.Status, a.AnalystName, $"{a.TemplateName} v{a.TemplateVersionNumber}", a.CreatedAtUtc,
            a.SubmittedAtUtc, a.DecidedAtUtc, view.ScoreIsLive, ScoreResource.From(view.Score),
            [.. a.ScoreSnapshots.OrderBy(s => s.TakenAtUtc).Select(SnapshotResource.From)], a.Findings.Count, a.Conditions.Count);
    }
}

/// <summary>The figures of a score (docs/scoring.md), its policy and what decided the tier.</summary>
internal sealed record ScoreResource(
    string PolicyId, DateOnly AsOf, bool HasScore, RiskTier Tier, RiskTier TierByScore, double ResidualRisk, double InherentRisk,
    double ControlScore, double Completion, double? EvidenceCoverage, double Exposure, double JurisdictionRisk, Recommendation Recommendation,
    int ReassessmentMonths, IReadOnlyList<SectionScoreResource> Sections, IReadOnlyList<KnockOutResource> KnockOuts)
{
    public static ScoreResource From(ScoreResult s) => new(
        s.PolicyId, s.AsOf, s.HasScore, s.Tier, s.TierByScore, s.ResidualRisk, s.InherentRisk, s.ControlScore, s.Completion, s.EvidenceCoverage,
        s.Exposure, s.JurisdictionRisk, s.Recommendation, s.ReassessmentMonths,
        [.. s.Sections.Select(x => new SectionScoreResource(x.Code, x.Title, x.Weight, x.Score))],
        [.. s.KnockOuts.Select(k => new KnockOutResource(k.QuestionCode, k.QuestionText, k.TriggeringAnswer, k.Waived))]);
}

internal sealed record SectionScoreResource(string Code, string Title, double Weight, double? Score);

internal sealed record KnockOutResource(string QuestionCode, string Question, string Answer, bool Waived);

/// <summary>A score kept at submission or decision, as it was then.</summary>
internal sealed record SnapshotResource(ScoreSnapshotKind Kind, DateTime TakenAtUtc, DateOnly AsOf, string PolicyId, RiskTier Tier, double ResidualRisk, double ControlScore)
{
    public static SnapshotResource From(ScoreSnapshot s) => new(s.Kind, s.TakenAtUtc, s.AsOf, s.PolicyId, s.Tier, s.ResidualRisk, s.ControlScore);
}

/// <summary>The workflow state: the status, how it got there, what is missing before submission and what the token's user may do now.</summary>
internal sealed record AssessmentStatusResource(
    Guid Id, AssessmentStatus Status, string? ReturnReason, IReadOnlyList<TransitionResource> History, IReadOnlyList<MissingResource> Missing,
    AllowedActions Allowed)
{
    public static AssessmentStatusResource From(AssessmentView view) => new(
        view.Assessment.Id, view.Assessment.Status, view.Assessment.ReturnReason,
        [.. view.Assessment.Transitions.OrderBy(t => t.AtUtc).Select(t => new TransitionResource(t.From, t.To, t.ByName, t.AtUtc, t.Reason))],
        [.. view.Missing.Select(MissingResource.From)],
        new AllowedActions(view.Can.EditAnswers, view.Can.EditAnswers && view.Missing.Count == 0, view.Can.Review, view.Can.Decide));
}

internal sealed record TransitionResource(AssessmentStatus? From, AssessmentStatus To, string By, DateTime AtUtc, string? Reason);

internal sealed record MissingResource(string QuestionCode, string SectionCode, string Question, MissingReason Reason, string Message)
{
    public static MissingResource From(MissingItem m) => new(m.QuestionCode, m.SectionCode, m.QuestionText, m.Reason, m.Message);
}

/// <summary>What the user may do on the assessment now: submitting is also in the API; answering, review and decision are on its page.</summary>
internal sealed record AllowedActions(bool EditAnswers, bool Submit, bool Review, bool Decide);

/// <summary>The decision on an assessment: outcome, rationale, the score it was taken on, every sign-off and legal's opinion.</summary>
internal sealed record DecisionResource(
    Guid AssessmentId, DecisionOutcome Outcome, string Rationale, string DecidedBy, DateTime DecidedAtUtc, DateOnly? ReassessmentDueOn,
    RiskTier Tier, double ResidualRisk, IReadOnlyList<SignOffResource> SignOffs, LegalOpinionResource? LegalOpinion)
{
    public static DecisionResource From(Assessment a)
    {
        var d = a.Decision!;
        return new(
            a.Id, d.Outcome, d.Rationale, d.DecidedByName, d.DecidedAtUtc, d.ReassessmentDueOn, d.Tier, d.ResidualRisk,
            [.. a.SignOffs.Where(s => !s.Superseded).OrderBy(s => s.AtUtc)
                .Select(s => new SignOffResource(s.Outcome, s.SignedBy, s.Rationale, s.Justification, s.Tier, s.ResidualRisk, s.AtUtc))],
            a.LegalOpinion is { } o ? new LegalOpinionResource(o.Text, o.ByName, o.AtUtc) : null);
    }
}

internal sealed record SignOffResource(DecisionOutcome Outcome, string SignedBy, string Rationale, string? Justification, RiskTier Tier, double ResidualRisk, DateTime AtUtc);

internal sealed record LegalOpinionResource(string Text, string By, DateTime AtUtc);
