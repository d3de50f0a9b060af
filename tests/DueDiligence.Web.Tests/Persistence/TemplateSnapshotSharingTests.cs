using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Persistence;

/// <summary>
/// Every open assessment of one template version (each wizard's circuit, each review) holds the same parsed questionnaire,
/// not a parsed copy of its own; what the assessment hands out is still a copy.
/// </summary>
public sealed class TemplateSnapshotSharingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Loading_TwoAssessmentsOfOneTemplateInTwoContexts_ShareOneParsedQuestionnaire()
    {
        var first = await NewDraftAsync(app);
        var second = await NewDraftAsync(app);

        var firstSnapshot = await SnapshotAsync(first);
        var secondSnapshot = await SnapshotAsync(second);

        Assert.Same(firstSnapshot, secondSnapshot);
        Assert.Equal(57, firstSnapshot.Sections.Sum(s => s.Questions.Count));
    }

    [Fact]
    public async Task Template_OfALoadedAssessment_IsStillACopyThatLeavesTheSharedOneAlone()
    {
        var id = await NewDraftAsync(app);
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == id);

        var copy = assessment.Template;
        copy.Sections[0].Questions.Clear();

        Assert.NotSame(copy, await SnapshotAsync(id));
        Assert.NotEmpty((await SnapshotAsync(id)).Sections[0].Questions);
        Assert.NotEmpty(assessment.Template.Sections[0].Questions);
    }

    // The snapshot the assessment holds (its backing field, as EF Core reads it), loaded by a context of its own.
    private async Task<Domain.Questionnaires.TemplateDefinition> SnapshotAsync(Guid assessmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
        return db.Entry(assessment).Property(a => a.Template).CurrentValue;
    }
}
