using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The use cases check the role and the user's relation to the assessment themselves: each refusal says what is needed
/// and leaves the assessment as it was.
/// </summary>
public sealed class AssessmentAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NeedsAnalyst = "This needs the role Procurement analyst.";
    private const string NeedsLegal = "This needs the role Legal reviewer.";
    private const string NeedsExecutive = "This needs the role Executive.";

    [Fact]
    public async Task AnswerQuestion_WhenAnalystDoesNotOwnTheAssessment_IsRefusedAndNothingIsSaved()
    {
        var id = await NewDraftAsync(app);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            AnswerAsync(app, id, new AnswerInput { QuestionCode = "DD-01", Number = 3 }, analyst: OtherAnalyst));

        Assert.Equal("Only the analyst who started this assessment, or the supplier's owner or a collaborator, answers it.", refusal.Message);
        Assert.Null((await LoadAsync(app, id)).Assessment.AnswerTo("DD-01"));
    }

    [Fact]
    public async Task UploadEvidence_WhenAnalystDoesNotOwnTheAssessment_IsRefusedAndNothingIsStored()
    {
        var id = await NewDraftAsync(app);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(OtherAnalyst, AnalystRole, s =>
            s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, "DS-01", "certificate.pdf", new MemoryStream(SampleFiles.Pdf()), null)));

        Assert.Equal("Only the analyst who started this assessment, or the supplier's owner or a collaborator, uploads its evidence.", refusal.Message);
        Assert.Empty((await LoadAsync(app, id)).Assessment.Evidence);
    }

    [Fact]
    public async Task SubmitAssessment_WhenAnalystDoesNotOwnTheAssessment_IsRefusedAndItStaysADraft()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => SubmitAsync(app, id, analyst: OtherAnalyst));

        Assert.Equal("Only the analyst who started this assessment, or the supplier's owner or a collaborator, submits it.", refusal.Message);
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(app, id)).Assessment.Status);
    }

    [Fact]
    public async Task ReviewAssessment_WhenAnalystTriesToTakeItIntoReviewOrForwardIt_IsRefused()
    {
        var id = await SubmittedAsync();

        var review = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<ReviewAssessment>().StartReviewAsync(id)));
        await AsLegalAsync(app, r => r.StartReviewAsync(id));
        var forward = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.")));

        Assert.Equal(NeedsLegal, review.Message);
        Assert.Equal(NeedsLegal, forward.Message);
        Assert.Equal(AssessmentStatus.LegalReview, (await LoadAsync(app, id)).Assessment.Status);
    }

    [Fact]
    public async Task DecideAssessment_WhenUserIsAnAnalystOrALegalReviewer_IsRefused()
    {
        var id = await AwaitingDecisionAsync(app);

        var byAnalyst = await Assert.ThrowsAsync<ForbiddenException>(() => DecideAsync(Analyst, AnalystRole, id));
        var byLegal = await Assert.ThrowsAsync<ForbiddenException>(() => DecideAsync(Legal, LegalRole, id));

        Assert.Equal(NeedsExecutive, byAnalyst.Message);
        Assert.Equal(NeedsExecutive, byLegal.Message);
        var view = await LoadAsync(app, id);
        Assert.Equal(AssessmentStatus.AwaitingDecision, view.Assessment.Status);
        Assert.Null(view.Assessment.Decision);
    }

    [Fact]
    public async Task AnswerQuestion_WhenUserIsALegalReviewerOrAnExecutive_IsRefused()
    {
        var id = await NewDraftAsync(app);
        var answer = new AnswerInput { QuestionCode = "DD-01", Number = 12 };

        var byLegal = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, answer, null)));
        var byExecutive = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, answer, null)));

        Assert.Equal(NeedsAnalyst, byLegal.Message);
        Assert.Equal(NeedsAnalyst, byExecutive.Message);
        Assert.Null((await LoadAsync(app, id)).Assessment.AnswerTo("DD-01"));
    }

    [Fact]
    public async Task ForwardToDecision_WhenUserIsAnExecutive_IsRefused()
    {
        var id = await SubmittedAsync();
        await AsLegalAsync(app, r => r.StartReviewAsync(id));

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.")));

        Assert.Equal(NeedsLegal, refusal.Message);
        Assert.Equal(AssessmentStatus.LegalReview, (await LoadAsync(app, id)).Assessment.Status);
    }

    [Fact]
    public async Task AddFinding_WhenExecutiveActsBeforeTheAssessmentAwaitsTheirDecision_IsRefused()
    {
        var id = await SubmittedAsync();
        await AsLegalAsync(app, r => r.StartReviewAsync(id));
        var finding = new FindingDetails(FindingSeverity.High, "Moulds stored without ownership plates.");

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<ReviewAssessment>().AddFindingAsync(id, finding)));

        Assert.Equal("Executives act on an assessment while it awaits their decision.", refusal.Message);
        Assert.Empty((await LoadAsync(app, id)).Assessment.Findings);
    }

    [Fact]
    public async Task AssessmentQueries_WhenUserIsAnAdministrator_RefusesToListOrOpenAssessments()
    {
        var id = await NewDraftAsync(app);

        var open = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<AssessmentQueries>().GetAsync(id)));
        var list = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<AssessmentListQueries>().FirstPageAsync(AssessmentQueue.All)));

        Assert.Equal("This needs the role Procurement analyst or Legal reviewer or Executive.", open.Message);
        Assert.Equal(open.Message, list.Message);
    }

    [Fact]
    public async Task AssessmentQueries_WhenUserTakesPart_ShowsOnlyTheActionsTheirRoleAndRelationAllow()
    {
        var id = await NewDraftAsync(app);

        var owner = (await LoadAsync(app, id)).Can;
        var otherAnalyst = (await LoadAsync(app, id, OtherAnalyst)).Can;
        var legal = (await LoadAsync(app, id, Legal, LegalRole)).Can;
        var executive = (await LoadAsync(app, id, Executive, ExecutiveRole)).Can;

        Assert.Equal(new AssessmentPermissions(EditAnswers: true, Review: false, Decide: false, OpenEvidence: true, ActAsApprover: false), owner);
        Assert.Equal(new AssessmentPermissions(EditAnswers: false, Review: false, Decide: false, OpenEvidence: false, ActAsApprover: false), otherAnalyst);
        Assert.Equal(new AssessmentPermissions(EditAnswers: false, Review: false, Decide: false, OpenEvidence: true, ActAsApprover: false), legal);
        Assert.Equal(new AssessmentPermissions(EditAnswers: false, Review: false, Decide: false, OpenEvidence: true, ActAsApprover: false), executive);
    }

    private async Task<Guid> SubmittedAsync()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id);
        await SubmitAsync(app, id);
        return id;
    }

    private Task DecideAsync(string user, string[] roles, Guid id) =>
        app.AsUserAsync(user, roles, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(id, DecisionOutcome.Approved, "Approved."));
}
