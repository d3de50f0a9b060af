using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>One side of a comparison: which assessment, and the score it is read with.</summary>
/// <param name="Basis">Where the figures come from: "decision of 2026-03-01", "submission of …" or "live score today".</param>
public sealed record ComparedScore(
    Guid AssessmentId, string Questionnaire, string Basis, RiskTier Tier, double ResidualRisk, double ControlScore, bool HasScore, string PolicyId);

/// <summary>An answer before and after, in words; <see cref="Changed"/> when the words differ.</summary>
public sealed record AnswerChange(string SectionTitle, string QuestionCode, string QuestionText, string Before, string After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>A section score S before and after; null where the section was left out or not asked.</summary>
public sealed record SectionChange(string Code, string Title, double? Before, double? After);

/// <summary>A knock-out before and after, in words ("Triggered", "Waived", "Not triggered", "Not asked").</summary>
public sealed record KnockOutChange(string QuestionCode, string QuestionText, string Before, string After)
{
    public bool Changed => Before != After;
}

/// <summary>A reassessment against the assessment it carried forward from.</summary>
public sealed record AssessmentComparison(
    Guid SupplierId, string SupplierName, ComparedScore Previous, ComparedScore Current,
    IReadOnlyList<AnswerChange> Answers, IReadOnlyList<SectionChange> Sections, IReadOnlyList<KnockOutChange> KnockOuts);

/// <summary>
/// What changed between a reassessment and the previous assessment it started from: answers, section scores, knock-outs,
/// R, tier and C. The previous side reads its decision snapshot; the reassessment reads its decision snapshot once
/// decided, else the live score, as its page does. Every role that reads assessments reads this.
/// </summary>
public sealed class AssessmentChanges(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentStore store)
{
    public const string NotAsked = "Not asked";

    public async Task<AssessmentComparison?> CompareAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await AssessmentStore.WithChildren(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (current is null)
        {
            return null;
        }

        if (current.CarriedFromAssessmentId is not { } previousId)
        {
            throw new DomainException("This assessment did not start from an earlier one, so there is nothing to compare it with.");
        }

        var previous = await AssessmentStore.WithChildren(db).AsNoTracking().FirstAsync(a => a.Id == previousId, cancellationToken);
        var supplier = await AssessmentStore.SupplierOfAsync(db, current, cancellationToken);
        var (previousScore, previousBasis) = Snapshot(previous) ?? throw new DomainException("The previous assessment holds no stored score to compare with.");
        var (currentScore, currentBasis) = Snapshot(current, decidedOnly: true)
            ?? ((await store.ScoreAsync(current, supplier, cancellationToken)).Result, "live score today");

        return new AssessmentComparison(
            supplier.Id, supplier.LegalName,
            Side(previous, previousScore, previousBasis), Side(current, currentScore, currentBasis),
            Answers(previous, current), Sections(previousScore, currentScore), KnockOuts(previous, previousScore, current, currentScore));
    }

    private static (ScoreResult Score, string Basis)? Snapshot(Assessment assessment, bool decidedOnly = false)
    {
        var snapshot = assessment.ScoreSnapshots
            .Where(s => !decidedOnly || s.Kind == ScoreSnapshotKind.Decision)
            .OrderByDescending(s => s.Kind == ScoreSnapshotKind.Decision).ThenByDescending(s => s.TakenAtUtc)
            .FirstOrDefault();
        return snapshot is null
            ? null
            : (snapshot.ReadResult(), $"{(snapshot.Kind == ScoreSnapshotKind.Decision ? "decision" : "submission")} of {IsoDates.Day(snapshot.TakenAtUtc)}");
    }

    private static ComparedScore Side(Assessment assessment, ScoreResult score, string basis) => new(
        assessment.Id, $"{assessment.TemplateName} v{assessment.TemplateVersionNumber}", basis,
        score.Tier, score.ResidualRisk, score.ControlScore, score.HasScore, score.PolicyId);

    /// <summary>Every question of the reassessment in its order, then those no longer asked.</summary>
    private static List<AnswerChange> Answers(Assessment previous, Assessment current)
    {
        var before = Questions(previous.Template);
        var now = Questions(current.Template);
        var changes = now.Select(q => new AnswerChange(
                q.Section.Title, q.Question.Code, q.Question.Text,
                before.Find(b => b.Question.Code == q.Question.Code) is { Question: not null } b ? AnswerWording.Of(b.Question, previous.AnswerTo(b.Question.Code)) : NotAsked,
                AnswerWording.Of(q.Question, current.AnswerTo(q.Question.Code))))
            .ToList();
        changes.AddRange(before.Where(b => !now.Exists(q => q.Question.Code == b.Question.Code)).Select(b => new AnswerChange(
            b.Section.Title, b.Question.Code, b.Question.Text, AnswerWording.Of(b.Question, previous.AnswerTo(b.Question.Code)), NotAsked)));
        return changes;
    }

    private static List<(SectionDefinition Section, QuestionDefinition Question)> Questions(TemplateDefinition template) =>
        template.Sections.SelectMany(s => s.Questions.Select(q => (s, q))).ToList();

    private static List<SectionChange> Sections(ScoreResult before, ScoreResult after)
    {
        var sections = after.Sections.Select(s => new SectionChange(s.Code, s.Title, before.Sections.FirstOrDefault(b => b.Code == s.Code)?.Score, s.Score)).ToList();
        sections.AddRange(before.Sections.Where(b => after.Sections.All(s => s.Code != b.Code)).Select(b => new SectionChange(b.Code, b.Title, b.Score, null)));
        return sections;
    }

    /// <summary>Every knock-out question of either questionnaire, with its state on each side.</summary>
    private static List<KnockOutChange> KnockOuts(Assessment previous, ScoreResult before, Assessment current, ScoreResult after)
    {
        var questions = Questions(current.Template).Select(q => q.Question).Where(q => q.KnockOut is not null).ToList();
        questions.AddRange(Questions(previous.Template).Select(q => q.Question).Where(q => q.KnockOut is not null && questions.TrueForAll(c => c.Code != q.Code)));
        return questions
            .Select(q => new KnockOutChange(q.Code, q.Text, State(previous.Template, before, q.Code), State(current.Template, after, q.Code)))
            .ToList();
    }

    private static string State(TemplateDefinition template, ScoreResult score, string code)
    {
        if (!template.Sections.SelectMany(s => s.Questions).Any(q => q.Code == code && q.KnockOut is not null))
        {
            return NotAsked;
        }

        return score.KnockOuts.FirstOrDefault(k => k.QuestionCode == code) switch
        {
            null => "Not triggered",
            { Waived: true } hit => $"Waived ({hit.TriggeringAnswer})",
            var hit => $"Triggered ({hit.TriggeringAnswer})",
        };
    }
}
