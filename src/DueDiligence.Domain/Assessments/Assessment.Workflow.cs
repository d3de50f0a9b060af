using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>The statuses the assessment can move to from where it is, for the UI's buttons (roles are checked by the use cases).</summary>
    public IReadOnlyList<AssessmentStatus> AllowedTransitions => Status switch
    {
        AssessmentStatus.Draft => [AssessmentStatus.Submitted],
        AssessmentStatus.Submitted => [AssessmentStatus.LegalReview, AssessmentStatus.Draft],
        AssessmentStatus.LegalReview => [AssessmentStatus.AwaitingDecision, AssessmentStatus.Draft],
        AssessmentStatus.AwaitingDecision => [AssessmentStatus.Decided, AssessmentStatus.Draft],
        _ => [],
    };

    /// <summary>
    /// What stops the assessment from being submitted on <paramref name="asOf"/>, carried-forward sections still to confirm
    /// first; empty when it can be submitted.
    /// </summary>
    public IReadOnlyList<MissingItem> MissingForSubmission(DateOnly asOf) =>
        [.. UnconfirmedCarriedSections(), .. SubmissionCheck.Missing(_template, _answers, _evidence, asOf)];

    /// <summary>The scoring input of this assessment: its snapshot, answers, evidence and waivers, with the supplier's exposure and countries.</summary>
    public ScoringInput ToScoringInput(int maxSensitivity, IReadOnlyList<JurisdictionRiskResult> jurisdictions, DateOnly asOf, ScoringPolicy? policy = null) => new()
    {
        Template = _template.Clone(),
        Answers = ToScoringAnswers(),
        Evidence = ToEvidenceStates(),
        MaxSensitivity = maxSensitivity,
        Jurisdictions = jurisdictions,
        WaivedKnockOuts = WaivedKnockOuts,
        AsOf = asOf,
        Policy = policy ?? ScoringPolicy.Default,
    };

    /// <summary>The analyst hands the completed draft to Legal; the score at submission is kept.</summary>
    /// <param name="atSubmission">The score computed now with <see cref="ScoringEngine"/> from <see cref="ToScoringInput"/>.</param>
    /// <exception cref="SubmissionIncompleteException">Required answers or evidence are missing; every gap is listed.</exception>
    public ScoreSnapshot Submit(ScoreResult atSubmission, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(atSubmission);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Only a draft can be submitted", AssessmentStatus.Draft);
        CheckScoreIsOfThisAssessment(atSubmission);
        var missing = MissingForSubmission(DateOnly.FromDateTime(nowUtc));
        if (missing.Count > 0)
        {
            throw new SubmissionIncompleteException(missing);
        }

        var snapshot = new ScoreSnapshot(ScoreSnapshotKind.Submission, atSubmission, nowUtc);
        _scoreSnapshots.Add(snapshot);
        SubmittedAtUtc = nowUtc;
        MoveTo(AssessmentStatus.Submitted, actor, nowUtc, reason: null);
        return snapshot;
    }

    public void StartLegalReview(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Legal review starts on a submitted assessment", AssessmentStatus.Submitted);
        MoveTo(AssessmentStatus.LegalReview, actor, nowUtc, reason: null);
    }

    /// <summary>Legal forwards the reviewed assessment to the executives with its overall opinion, which the decision view and the risk summary show.</summary>
    public void ForwardToDecision(string opinion, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Only an assessment in legal review can be forwarded for a decision", AssessmentStatus.LegalReview);
        var text = Text.Required(opinion, "Give legal's overall opinion before forwarding: the executives read it first when they decide.", LegalOpinion.MaxLength);

        LegalOpinion = new LegalOpinion(text, actor, nowUtc);
        MoveTo(AssessmentStatus.AwaitingDecision, actor, nowUtc, reason: null);
    }

    /// <summary>Legal or the approver sends the assessment back to the analyst, saying what to fix.</summary>
    public void ReturnToDraft(string reason, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus(
            "Only a submitted assessment, one in legal review or one awaiting a decision can be returned to draft",
            AssessmentStatus.Submitted, AssessmentStatus.LegalReview, AssessmentStatus.AwaitingDecision);
        var why = Text.Required(reason, "Say why the assessment goes back to draft, so that the analyst knows what to fix.", 2000);

        ReturnReason = why;
        SupersedePendingSignOffs();
        MoveTo(AssessmentStatus.Draft, actor, nowUtc, why);
    }

    /// <summary>
    /// An executive approves or rejects. A rejection decides at once; an approval decides once <paramref name="rule"/>'s
    /// number of distinct executives have approved, and until then keeps the assessment awaiting the next approval. The
    /// sign-off that decides keeps the score at decision and makes the assessment read-only.
    /// </summary>
    /// <param name="atDecision">The score computed now with <see cref="ScoringEngine"/> from <see cref="ToScoringInput"/>, waivers included.</param>
    /// <param name="reassessmentDueOn">Required to approve (see <see cref="Reassessment.DueDate"/>); ignored for a rejection.</param>
    /// <param name="rule">The approval rule of the score's tier.</param>
    /// <param name="justification">Required to approve where <paramref name="rule"/> asks for it.</param>
    /// <returns>The decision, or null while more approvals are needed.</returns>
    public AssessmentDecision? Decide(
        DecisionOutcome outcome, string rationale, ScoreResult atDecision, DateOnly? reassessmentDueOn, Signatory signatory, DateTime nowUtc, ApprovalRule rule,
        string? justification = null)
    {
        ArgumentNullException.ThrowIfNull(atDecision);
        ArgumentNullException.ThrowIfNull(signatory);
        ArgumentNullException.ThrowIfNull(rule);
        EnsureStatus("Only an assessment awaiting a decision can be decided", AssessmentStatus.AwaitingDecision);
        CheckScoreIsOfThisAssessment(atDecision);
        if (rule.Tier != atDecision.Tier)
        {
            throw new ArgumentException($"The approval rule is for tier {rule.Tier}, but the score is tier {atDecision.Tier}.", nameof(rule));
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Choose Approve, Approve with conditions or Reject.");
        }

        var why = Text.Required(rationale, "Give the rationale for the decision.", 4000);
        DateOnly? dueOn = null;
        string? justified = null;
        if (outcome != DecisionOutcome.Rejected)
        {
            CheckNotYetApprovedBy(signatory);
            dueOn = CheckApproval(outcome, atDecision, reassessmentDueOn, nowUtc);
            justified = CheckJustification(rule, justification);
        }

        var signOff = new DecisionSignOff(outcome, why, justified, signatory, atDecision, rule.RequiredApprovals, nowUtc);
        _signOffs.Add(signOff);
        if (signOff.IsApproval && PendingApprovals.Count < rule.RequiredApprovals)
        {
            Touch();
            return null;
        }

        var snapshot = new ScoreSnapshot(ScoreSnapshotKind.Decision, atDecision, nowUtc);
        _scoreSnapshots.Add(snapshot);
        Decision = new AssessmentDecision(outcome, why, signatory.Actor, nowUtc, dueOn, atDecision);
        DecidedAtUtc = nowUtc;
        MoveTo(AssessmentStatus.Decided, signatory.Actor, nowUtc, reason: null);
        return Decision;
    }

    /// <returns>The reassessment due date, checked.</returns>
    private DateOnly CheckApproval(DecisionOutcome outcome, ScoreResult atDecision, DateOnly? reassessmentDueOn, DateTime nowUtc)
    {
        var unwaived = atDecision.KnockOuts.Where(static k => !k.Waived).ToList();
        if (unwaived.Count > 0)
        {
            var named = string.Join("; ", unwaived.Select(static k => $"{k.QuestionCode} “{k.QuestionText}” answered {k.TriggeringAnswer}"));
            throw new DomainException($"An unwaived knock-out means Do not proceed: waive it with a rationale or reject. Unwaived: {named}.");
        }

        var open = _conditions.Count(static c => c.IsOutstanding);
        if (outcome == DecisionOutcome.ApprovedWithConditions && open == 0)
        {
            throw new DomainException("Approving with conditions needs at least one open contract condition: add the conditions first, or approve without conditions.");
        }

        if (outcome == DecisionOutcome.Approved && open > 0)
        {
            var conditions = open == 1 ? "1 contract condition is" : $"{open} contract conditions are";
            throw new DomainException($"{conditions} still open: approve with conditions, or mark them met first.");
        }

        if (reassessmentDueOn is not { } dueOn)
        {
            throw new DomainException("Set the date by which the approved supplier must be reassessed.");
        }

        var decidedOn = DateOnly.FromDateTime(nowUtc);
        if (dueOn <= decidedOn)
        {
            throw new DomainException($"The reassessment due date must be after the decision date ({AssessmentWording.Date(decidedOn)}).");
        }

        return dueOn;
    }

    /// <summary>A stored score must be this assessment's: its sections and its waivers, so that the snapshot tells the truth.</summary>
    private void CheckScoreIsOfThisAssessment(ScoreResult score)
    {
        var sectionsMatch = score.Sections.Select(static s => s.Code).SequenceEqual(_template.Sections.Select(static s => s.Code), StringComparer.Ordinal);
        var waived = WaivedKnockOuts;
        if (!sectionsMatch || score.KnockOuts.Any(k => k.Waived != waived.Contains(k.QuestionCode)))
        {
            throw new ArgumentException(
                "The score was not computed from this assessment as it stands (template snapshot and waivers); compute it from ToScoringInput.",
                nameof(score));
        }
    }

    private void MoveTo(AssessmentStatus to, Actor actor, DateTime nowUtc, string? reason)
    {
        _transitions.Add(new AssessmentTransition(Status, to, actor, nowUtc, reason));
        Status = to;
        Touch();
    }
}
