using Bunit;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The review steps as legal and the approver take them in the view: the ones that hand the assessment on ask first and
/// let the page reload; the ones that amend it show the change at once, without a reload.
/// </summary>
public sealed class ReviewActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Forward_WhenConfirmed_SaysWhatFollowsAndWhatIsStillOpenThenForwards()
    {
        const string Opinion = "The NDA and the audit rights hold; proceed with the conditions.";
        var id = await InLegalReviewAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("forward-to-decision");
        await review.Element("legal-opinion").ChangeAsync(new() { Value = Opinion });
        var forwarding = review.ClickAsync("confirm-forward");
        var message = review.ConfirmationMessage();
        await review.ConfirmAsync();
        await forwarding;

        Assert.Equal(Opinion, (await LoadAsync(app, id, Legal, LegalRole)).Assessment.LegalOpinion?.Text);
        Assert.StartsWith("The assessment goes to the executive, who decides whether the supplier may proceed. Legal review ends:", message, StringComparison.Ordinal);
        Assert.EndsWith("Still open, and shown to the executive: 1 file not verified.", message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.AwaitingDecision, (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Status);
        Assert.Equal(1, review.PageReloads);
    }

    [Fact]
    public async Task Forward_WhenCancelled_LeavesTheAssessmentInReview()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("forward-to-decision");
        await review.Element("legal-opinion").ChangeAsync(new() { Value = "Proceed." });
        var forwarding = review.ClickAsync("confirm-forward");
        review.ConfirmationMessage();
        await review.CancelAsync();
        await forwarding;

        Assert.Equal(AssessmentStatus.LegalReview, (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Status);
        Assert.Equal(0, review.PageReloads);
    }

    [Fact]
    public async Task Forward_WithoutAnOpinion_AsksForItUnderTheFieldAndForwardsNothing()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("forward-to-decision");
        await review.ClickAsync("confirm-forward");

        review.View.WaitForAssertion(() => Assert.Equal(
            "Give legal's overall opinion before forwarding: the executives read it first when they decide.",
            ReviewRendering.FieldMessage(review.Element("legal-opinion"))));
        Assert.Empty(review.Dialogs.FindAll("[data-testid=confirm-dialog]"));
        Assert.Equal(AssessmentStatus.LegalReview, (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Status);
    }

    [Fact]
    public async Task Return_WithoutAReason_AsksForItUnderTheField()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("return-to-draft");
        await review.ClickAsync("confirm-return");

        review.View.WaitForAssertion(() => Assert.Equal(
            "Say why the assessment goes back to draft, so that the analyst knows what to fix.",
            ReviewRendering.FieldMessage(review.Element("return-reason"))));
        Assert.Empty(review.Dialogs.FindAll("[data-testid=confirm-dialog]"));
    }

    [Fact]
    public async Task Return_WhenConfirmed_QuotesTheReasonToTheReviewerThenReturnsTheAssessment()
    {
        const string Reason = "Attach the signed NDA instead of the justification.";
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("return-to-draft");
        await review.Element("return-reason").ChangeAsync(new() { Value = Reason });
        var returning = review.ClickAsync("confirm-return");
        var message = review.ConfirmationMessage();
        await review.ConfirmAsync();
        await returning;

        Assert.StartsWith($"The assessment goes back to draft for {Analyst}, with your reason: “{Reason}”.", message, StringComparison.Ordinal);
        var returned = (await LoadAsync(app, id, Legal, LegalRole)).Assessment;
        Assert.Equal((AssessmentStatus.Draft, Reason), (returned.Status, returned.ReturnReason));
        Assert.Equal(1, review.PageReloads);
    }

    [Fact]
    public async Task TakeIntoReview_Always_StartsTheReviewWithoutAskingSinceTheAnalystCannotChangeItAnyway()
    {
        var id = await SubmittedAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("take-into-review");

        Assert.Equal(AssessmentStatus.LegalReview, (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Status);
        Assert.Empty(review.Dialogs.FindAll("[data-testid=confirm-dialog]"));
        Assert.Equal(1, review.PageReloads);
    }

    [Fact]
    public async Task AddCondition_WithADueDateTyped_ShowsTheConditionAndTheCountsWithoutReloadingThePage()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);
        var due = Today.AddMonths(2);

        await review.ClickAsync("add-condition");
        await review.Element("condition-description").ChangeAsync(new() { Value = "Sign our NDA addendum on firmware escrow before the first shipment." });
        await review.Element("condition-due").ChangeAsync(new() { Value = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await review.ClickAsync("save-condition");

        review.View.WaitForAssertion(() => Assert.Contains("Sign our NDA addendum on firmware escrow before the first shipment.", review.TextOf("condition-list"), StringComparison.Ordinal));
        Assert.Contains($"Due {due:yyyy-MM-dd}", review.TextOf("condition-list"), StringComparison.Ordinal);
        Assert.Contains("Owner: Unassigned Due", review.TextOf("condition-list"), StringComparison.Ordinal);
        Assert.Contains("Open contract conditions: 1", review.TextOf("review-checklist"), StringComparison.Ordinal);
        Assert.False(review.Has("condition-form"));
        Assert.Equal(0, review.PageReloads);
        Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Conditions);
    }

    [Fact]
    public async Task AddCondition_WithADueDateInThePast_SaysSoUnderTheDateField()
    {
        var id = await InLegalReviewAsync(app);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync("add-condition");
        await review.Element("condition-description").ChangeAsync(new() { Value = "Audit rights in the master agreement." });
        await review.Element("condition-due").ChangeAsync(new() { Value = Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await review.ClickAsync("save-condition");

        review.View.WaitForAssertion(() => Assert.Equal(
            "The due date is in the past; choose today or a later date.", ReviewRendering.FieldMessage(review.Element("condition-due"))));
        Assert.Empty((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Conditions);
    }

    [Fact]
    public async Task Waive_WithARationale_ShowsTheWaiverAndTheNewRecommendationWithoutReloadingThePage()
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);
        Assert.Equal("Do not proceed", review.TextOf("decision-recommendation"));

        await review.ClickAsync("waive-CT-01");
        await review.Element("waiver-rationale").ChangeAsync(new() { Value = WaiverRationale });
        await review.ClickAsync("save-waiver");

        review.View.WaitForAssertion(() => Assert.Contains("answered No Waived", review.TextOf("knockout-CT-01"), StringComparison.Ordinal));
        Assert.Equal((await LoadAsync(app, id, Legal, LegalRole)).Score.Recommendation.ToDisplayText(), review.TextOf("decision-recommendation"));
        Assert.NotEqual("Do not proceed", review.TextOf("decision-recommendation"));
        Assert.Contains("Unwaived knock-outs: 0", review.TextOf("review-checklist"), StringComparison.Ordinal);
        Assert.Equal(0, review.PageReloads);
    }

    [Fact]
    public async Task Verify_AFile_MarksItVerifiedAndCountsItWithoutReloadingThePage()
    {
        var id = await InLegalReviewAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync($"verify-evidence-{file.Id}");

        review.View.WaitForAssertion(() => Assert.StartsWith(Legal, review.TextOf($"verification-{file.Id}"), StringComparison.Ordinal));
        Assert.Equal("Evidence verified: 1 of 1 file", review.TextOf("review-checklist").Split(" Open")[0]);
        Assert.Equal(0, review.PageReloads);
    }

    [Fact]
    public async Task Resolve_AFinding_FoldsItAwayAmongTheResolvedOnes()
    {
        var id = await InLegalReviewAsync(app);
        await AsLegalAsync(app, r => r.AddFindingAsync(id, new FindingDetails(FindingSeverity.High, "Subcontractor in a third country not disclosed.", null, null, null)));
        var finding = Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Findings);
        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        await review.ClickAsync($"resolve-finding-{finding.Id}");

        review.View.WaitForAssertion(() => Assert.True(review.Has("no-open-findings")));
        Assert.StartsWith("1 resolved finding", review.TextOf("resolved-toggle"), StringComparison.Ordinal);
        Assert.Equal(0, review.PageReloads);
    }
}
