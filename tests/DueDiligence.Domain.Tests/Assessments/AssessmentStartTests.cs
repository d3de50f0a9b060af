using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>Starting an assessment on a published template version, and the snapshot it keeps of it.</summary>
public sealed class AssessmentStartTests
{
    [Fact]
    public void Start_WhenTemplateVersionIsPublished_StartsADraftOwnedByTheAnalyst()
    {
        var template = Published();

        var assessment = Assessment.Start(SupplierId, template, Analyst, Started);

        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Equal(SupplierId, assessment.SupplierId);
        Assert.Equal(template.Id, assessment.TemplateVersionId);
        Assert.Equal("IP due diligence (test)", assessment.TemplateName);
        Assert.Equal(1, assessment.TemplateVersionNumber);
        Assert.Equal("u-analyst", assessment.AnalystId);
        Assert.Equal("Ana Analyst", assessment.AnalystName);
        Assert.Equal(Started, assessment.CreatedAtUtc);
        Assert.NotEqual(Guid.Empty, assessment.Id);
        Assert.Null(assessment.SubmittedAtUtc);
        Assert.Null(assessment.Decision);
        Assert.False(assessment.IsReadOnly);
    }

    [Fact]
    public void Start_WhenStarted_ShowsTheStartAsTheFirstStepOfTheHistory()
    {
        var assessment = NewDraft();

        var step = Assert.Single(assessment.Transitions);
        Assert.Null(step.From);
        Assert.Equal(AssessmentStatus.Draft, step.To);
        Assert.Equal("Ana Analyst", step.ByName);
        Assert.Equal(Started, step.AtUtc);
    }

    [Fact]
    public void Start_WhenTemplateVersionIsADraft_RefusesAndNamesTheVersion()
    {
        var draft = TemplateVersion.CreateDraft(Definition(), Started);

        var error = Assert.Throws<DomainException>(() => Assessment.Start(SupplierId, draft, Analyst, Started));

        Assert.Equal("Version 1 of \"IP due diligence (test)\" is draft; assessments use a published version.", error.Message);
    }

    [Fact]
    public void Start_WhenTemplateVersionIsRetired_Refuses()
    {
        var retired = Published();
        retired.Retire(Started);

        var error = Assert.Throws<DomainException>(() => Assessment.Start(SupplierId, retired, Analyst, Started));

        Assert.Equal("Version 1 of \"IP due diligence (test)\" is retired; assessments use a published version.", error.Message);
    }

    [Fact]
    public void Start_WhenNoSupplierIsChosen_Refuses()
    {
        var error = Assert.Throws<DomainException>(() => Assessment.Start(Guid.Empty, Published(), Analyst, Started));

        Assert.Equal("Choose the supplier to assess.", error.Message);
    }

    [Fact]
    public void Actor_WhenNameIsBlank_Refuses()
    {
        var error = Assert.Throws<DomainException>(() => new Actor("u-1", "  "));

        Assert.Equal("Every change to an assessment needs the name of the user who makes it.", error.Message);
    }

    [Fact]
    public void Start_WhenTheDefinitionPassedAtCreationIsChangedAfterwards_KeepsItsOwnCopy()
    {
        var definition = Definition();
        var assessment = NewDraft(definition);

        definition.Sections[0].Questions[0].Text = "Changed after the assessment started";
        definition.Sections.RemoveAt(1);

        Assert.Equal(2, assessment.Template.Sections.Count);
        Assert.Equal("Is a signed NDA in place?", assessment.Template.Sections[0].Questions[0].Text);
    }

    [Fact]
    public void Template_WhenTheCallerChangesTheCopyItRead_KeepsTheSnapshot()
    {
        var assessment = NewDraft();

        var copy = assessment.Template;
        copy.Sections[1].Questions[0].Options.Clear();
        copy.Sections[0].Weight = 1;

        Assert.Equal(3, assessment.Template.Sections[1].Questions[0].Options.Count);
        Assert.Equal(60, assessment.Template.Sections[0].Weight);
    }

    [Fact]
    public void Start_WhenTheTemplateGetsANewVersionLater_KeepsTheVersionItStartedOn()
    {
        var version1 = Published();
        var assessment = Assessment.Start(SupplierId, version1, Analyst, Started);

        var version2 = version1.NewVersion(2, At(5));
        var edited = version2.Definition;
        edited.Sections[0].Questions.RemoveAt(0);
        version2.UpdateDefinition(edited);
        version2.Publish(At(6));
        version1.Retire(At(6));

        Assert.Equal("q1", assessment.Template.Sections[0].Questions[0].Code);
        Assert.Equal(1, assessment.TemplateVersionNumber);
    }

    [Fact]
    public void ToScoringInput_WhenTheCallerChangesTheInputTemplate_KeepsTheSnapshot()
    {
        var assessment = NewDraft();

        var input = assessment.ToScoringInput(5, [], Today);
        input.Template.Sections.Clear();

        Assert.Equal(2, assessment.Template.Sections.Count);
    }
}
