using System.Globalization;
using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Takes one demo assessment through its workflow with the domain's own methods, as the demo team would have done it
/// over the past days and months: answers and uploads, submission, legal review, forwarding and the decision.
/// </summary>
internal sealed class DemoAssessmentWalk(EvidenceStore store, DemoTeam team, DateTime nowUtc)
{
    /// <summary>Storage keys of every file saved so far, so that a failed seed can remove them again.</summary>
    public List<string> StoredKeys { get; } = [];

    public async Task<Assessment> RunAsync(
        DemoAssessmentStory story, TemplateVersion template, Supplier supplier, IReadOnlyList<JurisdictionRiskResult> countries, CancellationToken cancellationToken)
    {
        var timeline = story.Timeline;
        var startedAt = DaysAgo(timeline.Started, 9, 10);
        var assessment = Assessment.Start(supplier.Id, template, team.Analyst, startedAt);
        supplier.StartAssessment(startedAt);

        var answeringEnds = timeline.Submitted is { } submittedDays ? DaysAgo(submittedDays, 9, 0) : DaysAgo(1, 17, 30);
        var uploads = await AnswerAsync(story, template.Definition, assessment, startedAt, answeringEnds, cancellationToken);
        if (timeline.Submitted is not { } submitted)
        {
            return assessment;
        }

        var submittedAt = DaysAgo(submitted, 16, 45);
        assessment.Submit(Score(assessment, supplier, countries, submittedAt), team.Analyst, submittedAt);
        if (timeline.ReviewStarted is not { } reviewStarted)
        {
            return assessment;
        }

        var reviewAt = DaysAgo(reviewStarted, 10, 5);
        var resolvedLater = Review(story, assessment, uploads, reviewAt);
        if (timeline.Forwarded is not { } forwarded)
        {
            return assessment;
        }

        var forwardedAt = DaysAgo(forwarded, 15, 20);
        foreach (var findingId in resolvedLater)
        {
            assessment.ResolveFinding(findingId, team.Legal, forwardedAt.AddHours(-1));
        }

        assessment.ForwardToDecision(OpinionOf(assessment), team.Legal, forwardedAt);
        if (timeline.Decided is not { } decided)
        {
            return assessment;
        }

        Decide(story, assessment, supplier, countries, DaysAgo(decided, 11, 30));
        return assessment;
    }

    /// <summary>Answers in questionnaire order, spread evenly over the answering days, each upload right after its answer.</summary>
    /// <returns>The evidence file recorded for each demo upload.</returns>
    private async Task<Dictionary<DemoEvidence, Guid>> AnswerAsync(
        DemoAssessmentStory story, TemplateDefinition template, Assessment assessment, DateTime from, DateTime until, CancellationToken cancellationToken)
    {
        var planned = DemoAnswerPlan.For(story.Answerer).ToDictionary(a => a.QuestionCode, a => a.Answer);
        var answers = new List<(QuestionDefinition Question, DemoAnswer Answer)>();
        foreach (var question in template.Sections.SelectMany(s => s.Questions))
        {
            var answeredSoFar = story.AnsweredSoFar is null || story.AnsweredSoFar.Contains(question.Code);
            if (answeredSoFar && (story.Answers.GetValueOrDefault(question.Code) ?? planned.GetValueOrDefault(question.Code)) is { } answer)
            {
                answers.Add((question, answer));
            }
        }

        var uploads = new Dictionary<DemoEvidence, Guid>();
        var step = (until - from) / (answers.Count + 1);
        for (var i = 0; i < answers.Count; i++)
        {
            var (question, answer) = answers[i];
            var answeredAt = from + (step * (i + 1));
            var evidence = story.Evidence.Where(e => e.QuestionCode == question.Code).ToList();
            // An analyst explains missing evidence when preparing the submission, so a draft has only the story's own justifications.
            var justification = evidence.Count == 0 && question.EvidenceRequired && !answer.IsNotApplicable
                ? story.Justifications.GetValueOrDefault(question.Code) ?? (story.Timeline.Submitted is null ? null : DemoAnswerPlan.JustificationFor(question.Code))
                : null;
            assessment.RecordAnswer(answer.ToInput(question.Code, DateOnly.FromDateTime(answeredAt), justification), team.Analyst, answeredAt, assessment.AnswerTo(question.Code)?.Version);

            foreach (var item in evidence)
            {
                uploads[item] = await UploadAsync(assessment, item, answeredAt.AddMinutes(4), cancellationToken);
            }
        }

        return uploads;
    }

    private async Task<Guid> UploadAsync(Assessment assessment, DemoEvidence item, DateTime uploadedAt, CancellationToken cancellationToken)
    {
        var fileName = item.FileName.Replace("{year}", uploadedAt.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var content = new MemoryStream(DemoDocuments.For(fileName, item.Title, item.Lines));
        var stored = await store.SaveAsync(fileName, content, cancellationToken);
        StoredKeys.Add(stored.StorageKey);
        var expiresOn = item.ExpiresInDays is { } days ? DateOnly.FromDateTime(uploadedAt).AddDays(days) : (DateOnly?)null;
        var upload = new EvidenceUpload(item.QuestionCode, stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType, expiresOn);
        return assessment.AttachEvidence(upload, team.Analyst, uploadedAt).Id;
    }

    /// <summary>Legal takes the assessment into review, verifies what it checked, then records findings and conditions.</summary>
    /// <returns>The findings the story resolves before the assessment is forwarded.</returns>
    private List<Guid> Review(DemoAssessmentStory story, Assessment assessment, Dictionary<DemoEvidence, Guid> uploads, DateTime reviewAt)
    {
        assessment.StartLegalReview(team.Legal, reviewAt);
        foreach (var evidenceId in uploads.Where(u => u.Key.Verified).Select(u => u.Value))
        {
            assessment.VerifyEvidence(evidenceId, team.Legal, reviewAt.AddHours(1));
        }

        var reviewDay = DateOnly.FromDateTime(reviewAt);
        var resolvedLater = new List<Guid>();
        foreach (var finding in story.Findings)
        {
            var details = new FindingDetails(finding.Severity, finding.Description, finding.Mitigation, reviewDay.AddDays(finding.DueInDays), finding.QuestionCode);
            var recorded = assessment.AddFinding(details, team.Legal, reviewAt.AddHours(2));
            var owner = team.Owner(finding.Owner);
            assessment.AssignFinding(recorded.Id, owner.Id, owner.Name);
            if (finding.Resolved)
            {
                resolvedLater.Add(recorded.Id);
            }
        }

        foreach (var condition in story.Conditions)
        {
            var added = assessment.AddCondition(new ConditionDetails(condition.Description, reviewDay.AddDays(condition.DueInDays)), team.Legal, reviewAt.AddHours(3));
            var owner = team.Owner(condition.Owner);
            assessment.AssignCondition(added.Id, owner.Id, owner.Name);
        }

        return resolvedLater;
    }

    /// <summary>Legal's overall opinion when forwarding, from what its review recorded.</summary>
    private static string OpinionOf(Assessment assessment)
    {
        var open = assessment.Findings.Count(f => f.Status == FindingStatus.Open);
        var conditions = assessment.Conditions.Count;
        return $"Legal review complete. {Wording.Count(open, "open finding")} and {Wording.Count(conditions, "contract condition")} are recorded on the assessment; "
            + "the supplier can proceed only on those terms, and the executive should weigh them with the score.";
    }

    /// <summary>The executive decides on the score of the day; the supplier's status, tier and reassessment date follow (SCORING.md §6).</summary>
    private void Decide(DemoAssessmentStory story, Assessment assessment, Supplier supplier, IReadOnlyList<JurisdictionRiskResult> countries, DateTime decidedAt)
    {
        var decision = story.Decision ?? throw new InvalidOperationException($"The demo story of {story.Supplier} is decided but says no decision.");
        var score = Score(assessment, supplier, countries, decidedAt);
        var dueOn = Reassessment.DueDate(score.Tier, DateOnly.FromDateTime(decidedAt), score.Policy);
        // The demo has one executive, so its stories are decided where one executive's sign-off decides.
        _ = assessment.Decide(decision.Outcome, decision.Rationale, score, dueOn, new Signatory(team.Executive), decidedAt, ApprovalRule.DefaultFor(score.Tier))
            ?? throw new InvalidOperationException($"The demo story of {story.Supplier} needs more than one executive's approval at tier {score.Tier}.");
        var status = decision.Outcome switch
        {
            DecisionOutcome.Approved => SupplierStatus.Approved,
            DecisionOutcome.ApprovedWithConditions => SupplierStatus.ApprovedWithConditions,
            _ => SupplierStatus.Rejected,
        };
        supplier.RecordDecision(status, score.Tier, score.ResidualRisk, dueOn, decidedAt);
    }

    private static ScoreResult Score(Assessment assessment, Supplier supplier, IReadOnlyList<JurisdictionRiskResult> countries, DateTime at) =>
        ScoringEngine.Score(assessment.ToScoringInput(supplier.MaxSensitivity, countries, DateOnly.FromDateTime(at)));

    /// <summary>A time during the working day some days back; at least one day back, so that nothing lies in the future.</summary>
    private DateTime DaysAgo(int days, int hour, int minute) =>
        nowUtc.Date.AddDays(-Math.Max(days, 1)).AddHours(hour).AddMinutes(minute);
}
