using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Tests.Questionnaires;

public sealed class TemplateDefinitionTests
{
    [Fact]
    public void Clone_WhenTheCopyIsChangedEverywhere_LeavesTheOriginalUnchanged()
    {
        var original = TemplateValidatorTests.Valid();
        var before = TemplateJson.Serialize(original);

        var copy = original.Clone();
        copy.Name = "Changed";
        copy.Sections[0].Weight = 99;
        copy.Sections[0].Questions[0].References.Add("NIST SP 800-161 SR-3");
        copy.Sections[0].Questions[0].KnockOut!.YesNo = true;
        copy.Sections[1].Questions[0].Options[0].Points = 0;
        copy.Sections[1].Questions[0].KnockOut!.Options.Add("A");
        copy.Sections[1].Questions[1].Bands[0].UpTo = 1;
        copy.Sections[1].Questions.Clear();
        copy.Sections.Add(new SectionDefinition());

        Assert.Equal(before, TemplateJson.Serialize(original));
    }

    [Fact]
    public void Clone_WhenCopied_KeepsEveryValue()
    {
        var original = TemplateValidatorTests.Valid();

        Assert.Equal(TemplateJson.Serialize(original), TemplateJson.Serialize(original.Clone()));
    }
}
