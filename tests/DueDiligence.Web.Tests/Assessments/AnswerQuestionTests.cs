using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Autosave of single answers: what is saved survives a reload, and two editors never overwrite each other.</summary>
public sealed class AnswerQuestionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExecuteAsync_WhenAnAnswerIsSaved_IsThereWithItsCommentWhenTheAssessmentIsLoadedAgain()
    {
        var id = await NewDraftAsync(app);

        var saved = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DD-01", Number = 7, Comment = "Founded in 2018; moulding since 2019." });

        var reloaded = await LoadAsync(app, id);
        var answer = reloaded.Assessment.AnswerTo("DD-01");
        Assert.NotNull(answer);
        Assert.Equal(7, answer.Number);
        Assert.Equal("Founded in 2018; moulding since 2019.", answer.Comment);
        Assert.Equal(saved.Version, answer.Version);
        Assert.Equal(Analyst, answer.UpdatedByName);
        Assert.DoesNotContain(reloaded.Missing, m => m.QuestionCode == "DD-01");
    }

    [Fact]
    public async Task ExecuteAsync_WhenEveryKindOfAnswerIsSaved_ReloadsEachExactlyAsGiven()
    {
        var id = await NewDraftAsync(app);
        AnswerInput[] answers =
        [
            new() { QuestionCode = "DD-03", YesNo = false },
            new() { QuestionCode = "DS-04", Maturity = 3 },
            new() { QuestionCode = "CT-03", OptionCodes = ["ARBITRATION"] },
            new() { QuestionCode = "CT-04", OptionCodes = ["INTERIM", "RETURN"] },
            new() { QuestionCode = "DD-07", Date = new DateOnly(2029, 12, 31), EvidenceJustification = "Licence checked in the public register." },
            new() { QuestionCode = "DD-08", Text = "Family-owned; no state shareholding.", ManualRating = 0.75 },
            new() { QuestionCode = "IP-03", NotApplicable = true, Comment = "No design is shared." },
        ];

        foreach (var answer in answers)
        {
            await AnswerAsync(app, id, answer);
        }

        var reloaded = (await LoadAsync(app, id)).Assessment;
        Assert.False(reloaded.AnswerTo("DD-03")!.YesNo);
        Assert.Equal(3, reloaded.AnswerTo("DS-04")!.Maturity);
        Assert.Equal(["ARBITRATION"], reloaded.AnswerTo("CT-03")!.OptionCodes);
        Assert.Equal(["INTERIM", "RETURN"], reloaded.AnswerTo("CT-04")!.OptionCodes);
        Assert.Equal(new DateOnly(2029, 12, 31), reloaded.AnswerTo("DD-07")!.Date);
        Assert.Equal("Licence checked in the public register.", reloaded.AnswerTo("DD-07")!.EvidenceJustification);
        Assert.Equal("Family-owned; no state shareholding.", reloaded.AnswerTo("DD-08")!.Text);
        Assert.Equal(0.75, reloaded.AnswerTo("DD-08")!.ManualRating);
        Assert.True(reloaded.AnswerTo("IP-03")!.NotApplicable);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTwoSavesStartFromTheSameVersion_RefusesTheSecondAndKeepsTheFirst()
    {
        var id = await NewDraftAsync(app);
        var opened = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 1 });

        var first = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 3, Comment = "Quarterly access reviews." }, expectedVersion: opened.Version);
        var stale = await Assert.ThrowsAsync<StaleAnswerException>(() =>
            AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 4 }, expectedVersion: opened.Version));

        Assert.StartsWith($"Question DS-04 was changed by {Analyst} at ", stale.Message, StringComparison.Ordinal);
        Assert.EndsWith("Your answer was not saved: reload the question to see theirs, then change it if you still need to.", stale.Message, StringComparison.Ordinal);
        Assert.Equal(first.Version, stale.CurrentVersion);
        var kept = (await LoadAsync(app, id)).Assessment.AnswerTo("DS-04")!;
        Assert.Equal(3, kept.Maturity);
        Assert.Equal("Quarterly access reviews.", kept.Comment);
        Assert.Equal(first.Version, kept.Version);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTwoFirstAnswersToTheSameQuestionMeet_RefusesTheSecond()
    {
        var id = await NewDraftAsync(app);

        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "PE-04", Number = 12 });
        await Assert.ThrowsAsync<StaleAnswerException>(() => AnswerAsync(app, id, new AnswerInput { QuestionCode = "PE-04", Number = 40 }));

        Assert.Equal(12, (await LoadAsync(app, id)).Assessment.AnswerTo("PE-04")!.Number);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheValueDoesNotFitTheQuestion_SaysWhatToChangeAndKeepsTheSavedAnswer()
    {
        var id = await NewDraftAsync(app);
        var saved = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 });

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 7 }, expectedVersion: saved.Version));

        Assert.Equal("A maturity level runs from 0 (None) to 4 (Optimised); 7 is not on the scale (question DS-04).", refusal.Message);
        var kept = (await LoadAsync(app, id)).Assessment.AnswerTo("DS-04")!;
        Assert.Equal(2, kept.Maturity);
        Assert.Equal(saved.Version, kept.Version);
    }
}
