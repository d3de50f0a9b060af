using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>Findings, contract conditions and knock-out waivers: recorded during legal review or while awaiting the decision.</summary>
public sealed class LegalReviewTests
{
    private static readonly FindingDetails NoImprovementClause = new(
        FindingSeverity.High,
        "The contract does not assign improvements to us.",
        RecommendedMitigation: "Add an assignment-of-improvements clause.",
        DueOn: new DateOnly(2026, 4, 30),
        QuestionCode: "q3");

    private static readonly ConditionDetails SignNda = new("Signed NDA before the tooling is shipped.", new DateOnly(2026, 5, 15));

    [Theory]
    [InlineData(AssessmentStatus.LegalReview)]
    [InlineData(AssessmentStatus.AwaitingDecision)]
    public void AddFinding_WhenUnderReview_AddsAnOpenFindingWithItsAuthor(AssessmentStatus status)
    {
        var assessment = InStatus(status);

        var finding = assessment.AddFinding(NoImprovementClause, Legal, At(50));

        Assert.Same(finding, Assert.Single(assessment.Findings));
        Assert.Equal(FindingSeverity.High, finding.Severity);
        Assert.Equal("The contract does not assign improvements to us.", finding.Description);
        Assert.Equal("Add an assignment-of-improvements clause.", finding.RecommendedMitigation);
        Assert.Null(finding.OwnerId);
        Assert.Equal("Unassigned", finding.OwnerLabel);
        Assert.Equal(new DateOnly(2026, 4, 30), finding.DueOn);
        Assert.Equal("q3", finding.QuestionCode);
        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Equal("Lee Legal", finding.CreatedByName);
        Assert.Equal(At(50), finding.CreatedAtUtc);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft, "Findings are recorded during legal review or while the assessment awaits a decision; this assessment is a draft.")]
    [InlineData(AssessmentStatus.Submitted, "Findings are recorded during legal review or while the assessment awaits a decision; this assessment is submitted.")]
    public void AddFinding_WhenNotUnderReview_Refuses(AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);

        var error = Assert.Throws<DomainException>(() => assessment.AddFinding(NoImprovementClause, Legal, At(50)));

        Assert.Equal(message, error.Message);
        Assert.Empty(assessment.Findings);
    }

    [Fact]
    public void AddFinding_WhenAboutAQuestionNotInTheQuestionnaire_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.AddFinding(NoImprovementClause with { QuestionCode = "q77" }, Legal, At(50)));

        Assert.Equal("Question “q77” is not part of this assessment's questionnaire (IP due diligence (test), version 1).", error.Message);
    }

    [Fact]
    public void AddFinding_WhenDescriptionIsBlank_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.AddFinding(NoImprovementClause with { Description = "" }, Legal, At(50)));

        Assert.Equal("Describe the finding.", error.Message);
    }

    [Fact]
    public void AddFinding_WhenDueDateIsInThePast_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.AddFinding(NoImprovementClause with { DueOn = Today.AddDays(-1) }, Legal, At(50)));

        Assert.Equal("The due date 2026-03-01 is in the past; choose today or a later date.", error.Message);
    }

    [Fact]
    public void UpdateFinding_WhenTheUnchangedDueDateHasPassedSince_SavesTheEdit()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var finding = assessment.AddFinding(NoImprovementClause with { DueOn = Today }, Legal, At(50));

        assessment.UpdateFinding(finding.Id, NoImprovementClause with { DueOn = Today, Severity = FindingSeverity.Critical }, Legal, Started.AddDays(3));

        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Fact]
    public void ResolveFinding_WhenOpen_ResolvesItWithWhoAndWhenAndReopenClearsThem()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var finding = assessment.AddFinding(NoImprovementClause, Legal, At(50));

        assessment.ResolveFinding(finding.Id, Legal, At(55));
        Assert.Equal(FindingStatus.Resolved, finding.Status);
        Assert.Equal("Lee Legal", finding.ResolvedByName);
        Assert.Equal(At(55), finding.ResolvedAtUtc);

        assessment.ReopenFinding(finding.Id, Legal, At(56));
        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Null(finding.ResolvedAtUtc);
    }

    [Fact]
    public void ResolveFinding_WhenAlreadyResolved_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var finding = assessment.AddFinding(NoImprovementClause, Legal, At(50));
        assessment.ResolveFinding(finding.Id, Legal, At(55));

        var error = Assert.Throws<DomainException>(() => assessment.ResolveFinding(finding.Id, Legal, At(56)));

        Assert.Equal("The finding “The contract does not assign improvements to us.” is already resolved.", error.Message);
    }

    [Theory]
    [InlineData(AssessmentStatus.LegalReview)]
    [InlineData(AssessmentStatus.AwaitingDecision)]
    public void AddCondition_WhenUnderReview_AddsAnOpenCondition(AssessmentStatus status)
    {
        var assessment = InStatus(status);

        var condition = assessment.AddCondition(SignNda, Executive, At(50));

        Assert.Same(condition, Assert.Single(assessment.Conditions));
        Assert.Equal("Signed NDA before the tooling is shipped.", condition.Description);
        Assert.Null(condition.OwnerId);
        Assert.Equal("Unassigned", condition.OwnerLabel);
        Assert.Equal(new DateOnly(2026, 5, 15), condition.DueOn);
        Assert.Equal(ConditionStatus.Open, condition.Status);
        Assert.Equal("Eve Executive", condition.CreatedByName);
    }

    [Fact]
    public void AddCondition_WhenDraft_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.Draft);

        var error = Assert.Throws<DomainException>(() => assessment.AddCondition(SignNda, Legal, At(50)));

        Assert.Equal("Contract conditions are set during legal review or while the assessment awaits a decision; this assessment is a draft.", error.Message);
    }

    [Fact]
    public void AssignCondition_ToAUser_ShowsTheirNameAndKeepsThemThroughAnEdit()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var condition = assessment.AddCondition(SignNda, Legal, At(50));

        assessment.AssignCondition(condition.Id, "user-7", "Olga Owner");
        assessment.UpdateCondition(condition.Id, SignNda with { Description = "Signed NDA before any drawing is sent." }, Legal, At(51));

        Assert.Equal(("user-7", "Olga Owner"), (condition.OwnerId, condition.OwnerLabel));
    }

    [Fact]
    public void AssignFinding_WithoutAUser_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var finding = assessment.AddFinding(NoImprovementClause, Legal, At(50));

        var error = Assert.Throws<DomainException>(() => assessment.AssignFinding(finding.Id, " ", "Olga Owner"));

        Assert.Equal("Choose the user who owns it.", error.Message);
        Assert.Equal("Unassigned", finding.OwnerLabel);
    }

    [Fact]
    public void MarkConditionMet_WhenOpen_MarksItMetWithWhoAndWhen()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var condition = assessment.AddCondition(SignNda, Legal, At(50));

        assessment.MarkConditionMet(condition.Id, Legal, At(52));

        Assert.Equal(ConditionStatus.Met, condition.Status);
        Assert.Equal("Lee Legal", condition.MetByName);
        Assert.Equal(At(52), condition.MetAtUtc);
    }

    [Fact]
    public void UpdateCondition_WhenUnderReview_ChangesTheCondition()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var condition = assessment.AddCondition(SignNda, Legal, At(50));

        assessment.UpdateCondition(condition.Id, SignNda with { DueOn = new DateOnly(2026, 6, 1) }, Legal, At(51));

        Assert.Equal(new DateOnly(2026, 6, 1), condition.DueOn);
    }

    [Theory]
    [InlineData(AssessmentStatus.LegalReview)]
    [InlineData(AssessmentStatus.AwaitingDecision)]
    public void WaiveKnockOut_WhenUnderReview_RecordsTheWaiverWithItsRationale(AssessmentStatus status)
    {
        var assessment = InStatus(status);

        var waiver = assessment.WaiveKnockOut("q3", "Improvements are covered by the framework agreement.", Legal, At(50));

        Assert.Same(waiver, Assert.Single(assessment.Waivers));
        Assert.Equal("q3", waiver.QuestionCode);
        Assert.Equal("Improvements are covered by the framework agreement.", waiver.Rationale);
        Assert.Equal("Lee Legal", waiver.WaivedByName);
        Assert.Equal(At(50), waiver.WaivedAtUtc);
        Assert.Equal(["q3"], assessment.WaivedKnockOuts);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft, "Knock-outs are waived during legal review or while the assessment awaits a decision; this assessment is a draft.")]
    [InlineData(AssessmentStatus.Submitted, "Knock-outs are waived during legal review or while the assessment awaits a decision; this assessment is submitted.")]
    public void WaiveKnockOut_WhenNotUnderReview_Refuses(AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);

        var error = Assert.Throws<DomainException>(() => assessment.WaiveKnockOut("q3", "Covered elsewhere.", Legal, At(50)));

        Assert.Equal(message, error.Message);
        Assert.Empty(assessment.WaivedKnockOuts);
    }

    [Fact]
    public void WaiveKnockOut_WhenTheQuestionHasNoKnockOutRule_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.WaiveKnockOut("q2", "Not relevant.", Legal, At(50)));

        Assert.Equal("Question q2 has no knock-out rule, so there is nothing to waive.", error.Message);
    }

    [Fact]
    public void WaiveKnockOut_WhenAlreadyWaived_RefusesNamingWhoWaivedIt()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        assessment.WaiveKnockOut("q1", "NDA is part of the master agreement.", Legal, At(50));

        var error = Assert.Throws<DomainException>(() => assessment.WaiveKnockOut("q1", "Again.", Executive, At(51)));

        Assert.Equal("The knock-out of question q1 was already waived by Lee Legal at 2026-03-02 09:50 UTC.", error.Message);
        Assert.Single(assessment.Waivers);
    }

    [Fact]
    public void WaiveKnockOut_WhenNoRationaleIsGiven_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.WaiveKnockOut("q1", "  ", Legal, At(50)));

        Assert.Equal("Give the rationale for waiving the knock-out of question q1.", error.Message);
        Assert.Empty(assessment.Waivers);
    }

    [Fact]
    public void WaiveKnockOut_WhenTheQuestionIsNotInTheQuestionnaire_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.WaiveKnockOut("q0", "Covered.", Legal, At(50)));

        Assert.Equal("Question “q0” is not part of this assessment's questionnaire (IP due diligence (test), version 1).", error.Message);
    }
}
