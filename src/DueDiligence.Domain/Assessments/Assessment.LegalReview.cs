using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    private const string ReviewStepsOnly = "during legal review or while the assessment awaits a decision";

    /// <summary>Codes of the questions whose knock-out has been waived, for the scoring input.</summary>
    public IReadOnlySet<string> WaivedKnockOuts => _waivers.Select(static w => w.QuestionCode).ToHashSet(StringComparer.Ordinal);

    public Finding AddFinding(FindingDetails details, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus($"Findings are recorded {ReviewStepsOnly}", AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        CheckFinding(details, previousDueOn: null, nowUtc);

        var finding = new Finding(details, actor, nowUtc);
        _findings.Add(finding);
        Touch();
        return finding;
    }

    public void UpdateFinding(Guid findingId, FindingDetails details, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus($"Findings are edited {ReviewStepsOnly}", AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        var finding = FindFinding(findingId);
        CheckFinding(details, finding.DueOn, nowUtc);

        finding.Update(details);
        Touch();
    }

    public void ResolveFinding(Guid findingId, Actor actor, DateTime nowUtc) => ChangeFindingStatus(findingId, FindingStatus.Resolved, null, actor, nowUtc);

    public void ReopenFinding(Guid findingId, Actor actor, DateTime nowUtc) => ChangeFindingStatus(findingId, FindingStatus.Open, null, actor, nowUtc);

    public ContractCondition AddCondition(ConditionDetails details, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus($"Contract conditions are set {ReviewStepsOnly}", AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        CheckDueDate(details.DueOn, previous: null, nowUtc);

        var condition = new ContractCondition(details, actor, nowUtc);
        _conditions.Add(condition);
        Touch();
        return condition;
    }

    public void UpdateCondition(Guid conditionId, ConditionDetails details, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus($"Contract conditions are edited {ReviewStepsOnly}", AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        var condition = FindCondition(conditionId);
        CheckDueDate(details.DueOn, condition.DueOn, nowUtc);

        condition.Update(details);
        Touch();
    }

    public void MarkConditionMet(Guid conditionId, Actor actor, DateTime nowUtc) => ChangeConditionStatus(conditionId, ConditionStatus.Met, null, actor, nowUtc);

    public void ReopenCondition(Guid conditionId, Actor actor, DateTime nowUtc) => ChangeConditionStatus(conditionId, ConditionStatus.Open, null, actor, nowUtc);

    /// <summary>Waives one question's knock-out with a rationale; once per question. The knock-out stays listed as waived.</summary>
    public KnockOutWaiver WaiveKnockOut(string questionCode, string rationale, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus($"Knock-outs are waived {ReviewStepsOnly}", AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        var (_, question) = FindQuestion(questionCode);
        if (question.KnockOut is null)
        {
            throw new DomainException($"Question {question.Code} has no knock-out rule, so there is nothing to waive.");
        }

        if (_waivers.Find(w => string.Equals(w.QuestionCode, question.Code, StringComparison.Ordinal)) is { } existing)
        {
            throw new DomainException(
                $"The knock-out of question {question.Code} was already waived by {existing.WaivedByName} at {AssessmentWording.Date(existing.WaivedAtUtc)}.");
        }

        var reason = Text.Required(rationale, $"Give the rationale for waiving the knock-out of question {question.Code}.", 2000);
        var waiver = new KnockOutWaiver(question.Code, reason, actor, nowUtc);
        _waivers.Add(waiver);
        Touch();
        return waiver;
    }

    private void CheckFinding(FindingDetails details, DateOnly? previousDueOn, DateTime nowUtc)
    {
        if (details.QuestionCode is { } code && !string.IsNullOrWhiteSpace(code))
        {
            FindQuestion(code.Trim());
        }

        if (details.DueOn is { } dueOn)
        {
            CheckDueDate(dueOn, previousDueOn, nowUtc);
        }
    }

    /// <summary>A new or changed due date cannot lie in the past; an unchanged one may have passed since it was set.</summary>
    private static void CheckDueDate(DateOnly dueOn, DateOnly? previous, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        if (dueOn < today && dueOn != previous)
        {
            throw new DomainException($"The due date {AssessmentWording.Date(dueOn)} is in the past; choose today or a later date.");
        }
    }

    private Finding FindFinding(Guid findingId) =>
        _findings.Find(f => f.Id == findingId) ?? throw new DomainException("That finding is not part of this assessment; reload the assessment.");

    private ContractCondition FindCondition(Guid conditionId) =>
        _conditions.Find(c => c.Id == conditionId) ?? throw new DomainException("That contract condition is not part of this assessment; reload the assessment.");
}
