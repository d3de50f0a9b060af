using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>The quick feedback of the review and decision forms, from the validators the app registers for them.</summary>
public sealed class ReviewInputValidatorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public void FindingInput_WhenEmpty_AsksForSeverityAndDescriptionButNotAnOwner()
    {
        var messages = Messages(new FindingInput());

        Assert.Equal(["Choose the finding's severity: Low, Medium, High or Critical.", "Describe the finding."], messages);
    }

    [Fact]
    public void FindingInput_WhenDueDateHasPassed_RefusesIt()
    {
        var input = new FindingInput { Severity = FindingSeverity.High, Description = "NDA signed without authority.", DueOn = Today.AddDays(-1) };

        Assert.Equal(["The due date is in the past; choose today or a later date."], Messages(input));
    }

    [Fact]
    public void FindingInput_WhenComplete_BecomesTheFindingDetailsWithoutABlankQuestion()
    {
        var input = new FindingInput { Severity = FindingSeverity.Medium, Description = "Subcontractor undisclosed.", DueOn = Today, QuestionCode = "" };

        Assert.Empty(Messages(input));
        Assert.Equal(new FindingDetails(FindingSeverity.Medium, "Subcontractor undisclosed.", null, Today, null), input.ToDetails());
    }

    [Fact]
    public void ConditionInput_WhenEmpty_AsksForDescriptionAndDueDateButNotAnOwner()
    {
        Assert.Equal(["Describe the contract condition.", "Set the date by which the condition must be met."], Messages(new ConditionInput()));
    }

    [Fact]
    public void ConditionInput_WhenDueDateHasPassed_RefusesIt()
    {
        var input = new ConditionInput { Description = "NDA countersigned by a director.", DueOn = Today.AddDays(-3) };

        Assert.Equal(["The due date is in the past; choose today or a later date."], Messages(input));
    }

    [Fact]
    public void WaiverInput_WhenRationaleIsBlank_AsksForIt()
    {
        Assert.Equal(["Give the rationale for waiving the knock-out: the approver and every report show it."], Messages(new WaiverInput { Rationale = "  " }));
    }

    [Fact]
    public void ReturnInput_WhenReasonIsBlank_AsksWhatTheAnalystMustFix()
    {
        Assert.Equal(["Say why the assessment goes back to draft, so that the analyst knows what to fix."], Messages(new ReturnInput()));
    }

    [Fact]
    public void DecisionInput_WhenEmpty_AsksForOutcomeAndRationale()
    {
        Assert.Equal(["Choose Approve, Approve with conditions or Reject.", "Give the rationale for the decision."], Messages(new DecisionInput()));
    }

    [Fact]
    public void DecisionInput_WhenRationaleIsTooLong_SaysTheLimit()
    {
        var input = new DecisionInput { Outcome = DecisionOutcome.Rejected, Rationale = new string('x', 4001) };

        Assert.Equal(["Keep the rationale under 4,000 characters."], Messages(input));
    }

    private List<string> Messages<T>(T input)
    {
        using var scope = app.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<IValidator<T>>();
        return validator.Validate(input).Errors.Select(e => e.ErrorMessage).ToList();
    }
}
