using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Tests.Questionnaires;

/// <summary>Where a template problem is, in the words of its author, before the problem itself.</summary>
public sealed class TemplateErrorTextTests
{
    [Theory]
    [InlineData("sections[1].questions[0].weight", "Section 2 (Section SC), question 1 (SC-01)")]
    [InlineData("$.sections[1].questions[0].options[1].points", "Section 2 (Section SC), question 1 (SC-01), option 2 (B)")]
    [InlineData("$.sections[1].questions[1].bands[2].upTo", "Section 2 (Section SC), question 2 (SC-02), band 3")]
    [InlineData("sections[1].questions[0].knockOut.options[0]", "Section 2 (Section SC), question 1 (SC-01)")]
    [InlineData("sections[0].questions[0].references[1]", "Section 1 (Section DD), question 1 (DD-01)")]
    [InlineData("sections[0]", "Section 1 (Section DD)")]
    [InlineData("sections[0].questions", "Section 1 (Section DD)")]
    [InlineData("name", "")]
    [InlineData("$", "")]
    public void Where_WhenGivenAPath_SaysWhereItIsInWords(string path, string expected)
    {
        Assert.Equal(expected, TemplateErrorText.Where(path, TemplateValidatorTests.Valid()));
    }

    [Fact]
    public void Where_WhenSectionHasNoTitle_NamesItByItsCode()
    {
        var template = TemplateValidatorTests.Valid();
        template.Sections[0].Title = " ";

        Assert.Equal("Section 1 (DD), question 2 (DD-02)", TemplateErrorText.Where("sections[0].questions[1].code", template));
    }

    [Fact]
    public void Where_WhenThePlaceIsNotInTheTemplate_CountsOnly()
    {
        Assert.Equal("Section 4, question 7", TemplateErrorText.Where("$.sections[3].questions[6].text", null));
    }

    [Theory]
    [InlineData("Every question needs a text.", "Section 2 (Section SC), question 1 (SC-01): every question needs a text.")]
    [InlineData("N/A is not allowed here.", "Section 2 (Section SC), question 1 (SC-01): N/A is not allowed here.")]
    [InlineData("ISO references must be filled in.", "Section 2 (Section SC), question 1 (SC-01): ISO references must be filled in.")]
    public void Sentence_WhenThereIsAPlace_PutsItFirstAndContinuesTheMessage(string message, string expected)
    {
        var error = new TemplateError("sections[1].questions[0].text", message);

        Assert.Equal(expected, TemplateErrorText.Sentence(error, TemplateValidatorTests.Valid()));
    }

    [Fact]
    public void Sentence_WhenTheProblemConcernsTheWholeTemplate_IsTheMessage()
    {
        Assert.Equal("Give the template a name.", TemplateErrorText.Sentence(new TemplateError("name", "Give the template a name."), TemplateValidatorTests.Valid()));
    }

    [Fact]
    public void Parse_WhenTheFileHasProblems_KeepsWhatItReadToNameThePlaces()
    {
        var valid = TemplateJson.Serialize(TemplateValidatorTests.Valid());
        var first = valid.IndexOf("\"weight\": 2,", StringComparison.Ordinal);
        var json = string.Concat(valid.AsSpan(0, first), "\"weight\": \"two\",", valid.AsSpan(first + "\"weight\": 2,".Length));

        var result = TemplateJson.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Definition);
        Assert.Equal(
            "Section 1 (Section DD), question 2 (DD-02): the weight must be a number; the file has the text “two”.",
            TemplateErrorText.Sentence(error, result.Partial));
    }
}
