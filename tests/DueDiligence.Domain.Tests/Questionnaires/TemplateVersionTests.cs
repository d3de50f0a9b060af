using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Tests.Questionnaires;

/// <summary>Draft → Published → Retired, and new versions as independent drafts.</summary>
public sealed class TemplateVersionTests
{
    private static readonly DateTime Created = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Created.AddDays(3);

    [Fact]
    public void CreateDraft_WhenGivenADefinition_StartsVersionOneOfANewTemplate()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);

        Assert.Equal(TemplateStatus.Draft, version.Status);
        Assert.Equal(1, version.VersionNumber);
        Assert.NotEqual(Guid.Empty, version.Id);
        Assert.NotEqual(Guid.Empty, version.TemplateKey);
        Assert.Equal("IP risk — overseas manufacturing", version.Name);
        Assert.Equal(Created, version.CreatedAt);
        Assert.Null(version.PublishedAt);
    }

    [Fact]
    public void CreateDraft_WhenTheCallerKeepsEditingItsDefinition_KeepsTheStoredCopy()
    {
        var definition = TemplateValidatorTests.Valid();
        var version = TemplateVersion.CreateDraft(definition, Created);

        definition.Sections.Clear();

        Assert.Equal(2, version.Definition.Sections.Count);
    }

    [Fact]
    public void UpdateDefinition_WhenDraft_ReplacesTheContentAndName()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);
        var edited = version.Definition;
        edited.Name = "IP risk v2";
        edited.Sections.RemoveAt(1);

        version.UpdateDefinition(edited);

        Assert.Equal("IP risk v2", version.Name);
        Assert.Single(version.Definition.Sections);
    }

    [Fact]
    public void Publish_WhenDraftIsValid_PublishesIt()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);

        version.Publish(Later);

        Assert.Equal(TemplateStatus.Published, version.Status);
        Assert.Equal(Later, version.PublishedAt);
    }

    [Fact]
    public void Publish_WhenDraftIsInvalid_RefusesAndListsTheProblems()
    {
        var invalid = TemplateValidatorTests.Valid();
        invalid.Name = "";
        invalid.Sections[0].Weight = -1;
        var version = TemplateVersion.CreateDraft(invalid, Created);

        var error = Assert.Throws<DomainException>(() => version.Publish(Later));

        Assert.Equal(
            "The template cannot be published until these problems are fixed: Give the template a name. Section 1 (Section DD): section weight must be above 0 and at most 1000 (it is -1).",
            error.Message);
        Assert.Equal(TemplateStatus.Draft, version.Status);
    }

    [Fact]
    public void Publish_WhenADraftHoldsAWeightBeyondTheBounds_RefusesIt()
    {
        var draft = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);
        var edited = draft.Definition;
        edited.Sections[0].Questions[0].Weight = 1e308;
        draft.UpdateDefinition(edited);

        var error = Assert.Throws<DomainException>(() => draft.Publish(Later));

        Assert.Equal(
            "The template cannot be published until these problems are fixed: Section 1 (Section DD), question 1 (DD-01): question weight must be above 0 and at most 1000 (it is 1E+308).",
            error.Message);
        Assert.Equal(TemplateStatus.Draft, draft.Status);
    }

    [Fact]
    public void Publish_WhenManyProblems_ListsTheFirstFiveAndCountsTheRest()
    {
        var invalid = TemplateValidatorTests.Valid();
        invalid.Sections.ForEach(s => s.Questions.ForEach(q => q.Text = ""));
        var version = TemplateVersion.CreateDraft(invalid, Created);

        var error = Assert.Throws<DomainException>(() => version.Publish(Later));

        Assert.EndsWith("Section 2 (Section SC), question 1 (SC-01): every question needs a text. And 3 more.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_WhenAlreadyPublished_Refuses()
    {
        var version = Published();

        var error = Assert.Throws<DomainException>(() => version.Publish(Later));

        Assert.Equal("Only a draft can be published; version 1 of \"IP risk — overseas manufacturing\" is published.", error.Message);
    }

    [Fact]
    public void UpdateDefinition_WhenPublished_RefusesTheEdit()
    {
        var version = Published();

        var error = Assert.Throws<DomainException>(() => version.UpdateDefinition(TemplateValidatorTests.Valid()));

        Assert.Equal(
            "Version 1 of \"IP risk — overseas manufacturing\" is published and can no longer be edited; create a new version instead.",
            error.Message);
    }

    [Fact]
    public void Definition_WhenPublishedAndTheReturnedCopyIsChanged_StaysUnchanged()
    {
        var version = Published();

        var copy = version.Definition;
        copy.Sections[0].Questions[0].Weight = 1000;
        copy.Sections[0].Questions.Clear();

        Assert.Equal(3, version.Definition.Sections[0].Questions[0].Weight);
        Assert.Equal(4, version.Definition.Sections[0].Questions.Count);
    }

    [Fact]
    public void Retire_WhenPublished_RetiresIt()
    {
        var version = Published();

        version.Retire(Later.AddDays(1));

        Assert.Equal(TemplateStatus.Retired, version.Status);
        Assert.Equal(Later.AddDays(1), version.RetiredAt);
    }

    [Fact]
    public void EnsureDiscardable_WhenDraft_AllowsIt()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);

        version.EnsureDiscardable();

        Assert.Equal(TemplateStatus.Draft, version.Status);
    }

    [Fact]
    public void EnsureDiscardable_WhenPublished_RefusesAndPointsToRetiring()
    {
        var version = Published();

        var error = Assert.Throws<DomainException>(version.EnsureDiscardable);

        Assert.Equal(
            "Version 1 of \"IP risk — overseas manufacturing\" is published, and only a draft can be discarded. Retire it to stop new assessments with it; it is kept for the assessments made with it.",
            error.Message);
    }

    [Fact]
    public void EnsureDiscardable_WhenRetired_Refuses()
    {
        var version = Published();
        version.Retire(Later.AddDays(1));

        var error = Assert.Throws<DomainException>(version.EnsureDiscardable);

        Assert.StartsWith("Version 1 of \"IP risk — overseas manufacturing\" is retired, and only a draft can be discarded.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retire_WhenDraft_Refuses()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);

        var error = Assert.Throws<DomainException>(() => version.Retire(Later));

        Assert.Equal("Only a published version can be retired; version 1 of \"IP risk — overseas manufacturing\" is a draft.", error.Message);
    }

    [Fact]
    public void UpdateDefinition_WhenRetired_RefusesTheEdit()
    {
        var version = Published();
        version.Retire(Later);

        Assert.Throws<DomainException>(() => version.UpdateDefinition(TemplateValidatorTests.Valid()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NewVersion_WhenPublishedOrRetired_StartsADraftOfTheSameTemplateWithACopy(bool retired)
    {
        var version = Published();
        if (retired)
        {
            version.Retire(Later);
        }

        var next = version.NewVersion(2, Later.AddDays(2));

        Assert.Equal(TemplateStatus.Draft, next.Status);
        Assert.Equal(2, next.VersionNumber);
        Assert.Equal(version.TemplateKey, next.TemplateKey);
        Assert.NotEqual(version.Id, next.Id);
        Assert.Equal(Later.AddDays(2), next.CreatedAt);
        Assert.Equal(TemplateJson.Serialize(version.Definition), TemplateJson.Serialize(next.Definition));
    }

    [Fact]
    public void NewVersion_WhenTheNewDraftIsEdited_LeavesThePublishedVersionUnchanged()
    {
        var version = Published();
        var next = version.NewVersion(2, Later);
        var edited = next.Definition;
        edited.Sections[0].Weight = 50;
        edited.Sections[0].Questions[0].Options.Clear();
        edited.Sections[1].Questions.RemoveAt(0);

        next.UpdateDefinition(edited);

        Assert.Equal(15, version.Definition.Sections[0].Weight);
        Assert.Equal(4, version.Definition.Sections[1].Questions.Count);
        Assert.Equal(50, next.Definition.Sections[0].Weight);
    }

    [Fact]
    public void NewVersion_WhenDraft_Refuses()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);

        var error = Assert.Throws<DomainException>(() => version.NewVersion(2, Later));

        Assert.Equal("Version 1 of \"IP risk — overseas manufacturing\" is still a draft: edit it instead of starting a new version.", error.Message);
    }

    [Fact]
    public void NewVersion_WhenNumberIsNotAboveTheCurrentOne_Refuses()
    {
        var version = Published();

        var error = Assert.Throws<DomainException>(() => version.NewVersion(1, Later));

        Assert.Equal("The new version number must be above 1.", error.Message);
    }

    private static TemplateVersion Published()
    {
        var version = TemplateVersion.CreateDraft(TemplateValidatorTests.Valid(), Created);
        version.Publish(Later);
        return version;
    }
}
