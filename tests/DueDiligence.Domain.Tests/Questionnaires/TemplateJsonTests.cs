using System.Text.Json;

using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Tests.Questionnaires;

/// <summary>The <c>duediligence.template/1</c> JSON format: shape, round trip and parse errors with paths.</summary>
public sealed class TemplateJsonTests
{
    private const string Example = """
        {
          "schema": "duediligence.template/1",
          "name": "IP risk",
          "description": "Overseas manufacturing",
          "sections": [
            {
              "code": "DD", "title": "Partner due diligence", "weight": 15, "description": "Reputation and track record",
              "questions": [
                {
                  "code": "DD-01", "text": "Signed NDA?", "type": "YesNo", "weight": 3, "required": true,
                  "allowNotApplicable": false, "evidenceRequired": true, "inverted": false,
                  "guidance": "Ask for the signed copy.", "mitigation": "Sign an NDA before disclosure.",
                  "references": ["ISO/IEC 27001:2022 A.5.20"],
                  "knockOut": { "yesNo": false }
                },
                {
                  "code": "DD-02", "text": "Governing law?", "type": "SingleChoice", "weight": 2, "required": true,
                  "allowNotApplicable": false, "evidenceRequired": false, "inverted": false,
                  "guidance": "", "mitigation": "", "references": [],
                  "options": [ { "code": "A", "label": "Our jurisdiction", "points": 1 }, { "code": "B", "label": "Theirs", "points": 0.25 } ],
                  "knockOut": { "options": ["B"] }
                },
                {
                  "code": "DD-03", "text": "Years in business?", "type": "Number", "weight": 1, "required": false,
                  "allowNotApplicable": false, "evidenceRequired": false, "inverted": false,
                  "guidance": "", "mitigation": "", "references": [],
                  "bands": [ { "upTo": 2, "points": 0 }, { "upTo": null, "points": 1 } ], "unit": "years",
                  "knockOut": null
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Parse_WhenGivenTheDocumentedExample_ReadsEveryField()
    {
        var result = TemplateJson.Parse(Example);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        var section = Assert.Single(result.Definition.Sections);
        Assert.Equal(("DD", "Partner due diligence", 15.0, "Reputation and track record"), (section.Code, section.Title, section.Weight, section.Description));
        var nda = section.Questions[0];
        Assert.Equal(QuestionType.YesNo, nda.Type);
        Assert.True(nda.EvidenceRequired);
        Assert.Equal(["ISO/IEC 27001:2022 A.5.20"], nda.References);
        Assert.False(nda.KnockOut!.YesNo);
        Assert.Equal(["B"], section.Questions[1].KnockOut!.Options);
        Assert.Equal(0.25, section.Questions[1].Options[1].Points);
        var years = section.Questions[2];
        Assert.Null(years.KnockOut);
        Assert.Equal("years", years.Unit);
        Assert.Equal([2.0, null], years.Bands.Select(b => b.UpTo));
    }

    [Fact]
    public void Serialize_WhenParsedBack_GivesTheSameTemplate()
    {
        var original = TemplateValidatorTests.Valid();

        var json = TemplateJson.Serialize(original);
        var parsed = TemplateJson.Deserialize(json);

        Assert.Equal(json, TemplateJson.Serialize(parsed));
        Assert.Equal(original.Sections[1].Questions[1].Bands.Select(b => (b.UpTo, b.Points)), parsed.Sections[1].Questions[1].Bands.Select(b => (b.UpTo, b.Points)));
        Assert.Equal(original.Sections[1].Questions[3].Inverted, parsed.Sections[1].Questions[3].Inverted);
        Assert.True(parsed.Sections[0].Questions[2].KnockOut!.DateOnOrBeforeAsOf);
        Assert.Empty(TemplateValidator.Validate(parsed));
    }

    [Fact]
    public void Serialize_WhenWritten_UsesTheDocumentedCamelCaseShapeWithSchemaAndEnumNames()
    {
        var json = TemplateJson.Serialize(TemplateValidatorTests.Valid());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("duediligence.template/1", root.GetProperty("schema").GetString());
        var question = root.GetProperty("sections")[0].GetProperty("questions")[0];
        Assert.Equal("YesNo", question.GetProperty("type").GetString());
        Assert.Equal(3, question.GetProperty("weight").GetDouble());
        Assert.True(question.GetProperty("evidenceRequired").GetBoolean());
        Assert.Equal("""{"yesNo":false}""", JsonSerializer.Serialize(question.GetProperty("knockOut")));
        Assert.Contains("\n  \"sections\": [", json, StringComparison.Ordinal);
        Assert.Contains("IP risk — overseas manufacturing", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WhenQuestionHasNoTypeSpecificParts_LeavesOutOptionsBandsUnitAndKnockOut()
    {
        var template = TemplateValidatorTests.Valid();

        using var document = JsonDocument.Parse(TemplateJson.Serialize(template));

        var maturity = document.RootElement.GetProperty("sections")[0].GetProperty("questions")[1];
        Assert.False(maturity.TryGetProperty("options", out _));
        Assert.False(maturity.TryGetProperty("bands", out _));
        Assert.False(maturity.TryGetProperty("unit", out _));
        Assert.False(maturity.TryGetProperty("knockOut", out _));
    }

    [Fact]
    public void Parse_WhenJsonIsMalformed_ReportsWhereAtTheRoot()
    {
        var result = TemplateJson.Parse("""{ "schema": "duediligence.template/1", "name": """);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("The file is not valid JSON, so it cannot be read. It breaks off or has a typing error at line 1, character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenAWeightIsAString_ReportsTheWeightsPath()
    {
        var json = Example.Replace("\"weight\": 2,", "\"weight\": \"2\",", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(new TemplateError("$.sections[0].questions[1].weight", "The weight must be a number; the file has the text “2”."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenABooleanIsANumber_ReportsItsPath()
    {
        var json = Example.Replace("\"evidenceRequired\": true", "\"evidenceRequired\": 1", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(new TemplateError("$.sections[0].questions[0].evidenceRequired", "The “evidence required” setting must be true or false; the file has the number 1."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenQuestionTypeIsUnknown_ListsTheAllowedTypes()
    {
        var json = Example.Replace("\"type\": \"Number\"", "\"type\": \"Checkbox\"", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            new TemplateError("$.sections[0].questions[2].type",
                "The question type “Checkbox” is unknown: a question is Yes/No, Maturity 0–4, Single choice, Multiple choice, Number, Date or Text.",
                "The file spells the types \"YesNo\", \"Maturity\", \"SingleChoice\", \"MultipleChoice\", \"Number\", \"Date\" or \"Text\"."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenQuestionTypeIsANumber_RefusesIt()
    {
        var json = Example.Replace("\"type\": \"Number\"", "\"type\": 4", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal("$.sections[0].questions[2].type", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_WhenSchemaMarkerIsMissing_SaysWhichMarkerIsExpected()
    {
        var result = TemplateJson.Parse("""{ "name": "x", "sections": [] }""");

        Assert.Equal(
            new TemplateError("$.schema",
                "This is not a DueDiligence template file: it has no “schema” line. Export a template here to see the format.",
                "A template file starts with \"schema\": \"duediligence.template/1\"."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenSchemaIsAnotherVersion_RejectsItAlone()
    {
        var json = Example.Replace("duediligence.template/1", "duediligence.template/2", StringComparison.Ordinal)
            .Replace("\"weight\": 2,", "\"weight\": \"2\",", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            new TemplateError("$.schema",
                "This file is in another template format (“duediligence.template/2”); DueDiligence reads template files in the format “duediligence.template/1” only."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenRequiredPropertiesAreMissing_ReportsEachWithThePathItBelongsAt()
    {
        var json = """
            {
              "schema": "duediligence.template/1",
              "name": "x",
              "sections": [ { "code": "A", "questions": [ { "code": "A-1", "type": "YesNo" } ] } ]
            }
            """;

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            ["$.sections[0].questions[0].text", "$.sections[0].questions[0].weight", "$.sections[0].title", "$.sections[0].weight"],
            result.Errors.Select(e => e.Path));
        Assert.Equal("The question text is missing.", result.Errors[0].Message);
    }

    [Fact]
    public void Parse_WhenAPropertyIsMisspelt_ReportsItAsUnknown()
    {
        var json = Example.Replace("\"weight\": 15", "\"wieght\": 15", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            [
                new TemplateError("$.sections[0].wieght", "“wieght” is not a setting of a section: check its spelling against a template exported from DueDiligence."),
                new TemplateError("$.sections[0].weight", "The weight is missing."),
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_WhenSectionsIsNotAnArray_SaysWhatWasFound()
    {
        var result = TemplateJson.Parse("""{ "schema": "duediligence.template/1", "name": "x", "sections": {} }""");

        Assert.Equal(new TemplateError("$.sections", "The sections must be a list in square brackets [ ]; the file has a group of settings in braces { }."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenTheRootIsNotAnObject_SaysSo()
    {
        var result = TemplateJson.Parse("[1, 2]");

        Assert.Equal(new TemplateError("$", "The file must hold one template in braces { }; it holds a list in square brackets [ ]."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenMaturityKnockOutIsNotWhole_ReportsItsPath()
    {
        var json = Example.Replace("\"knockOut\": { \"yesNo\": false }", "\"knockOut\": { \"maturityAtOrBelow\": 1.5 }", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            new TemplateError("$.sections[0].questions[0].knockOut.maturityAtOrBelow", "The knock-out maturity level must be a whole number; the file has the number 1.5."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenSeveralProblemsExist_ReportsThemAll()
    {
        var json = Example
            .Replace("\"weight\": 3", "\"weight\": null", StringComparison.Ordinal)
            .Replace("\"type\": \"Number\"", "\"type\": \"Slider\"", StringComparison.Ordinal)
            .Replace("\"points\": 0.25", "\"points\": \"low\"", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(
            ["$.sections[0].questions[0].weight", "$.sections[0].questions[1].options[1].points", "$.sections[0].questions[2].type"],
            result.Errors.Select(e => e.Path));
        Assert.Null(result.Definition);
    }

    [Theory]
    [InlineData("\"name\": \"IP risk\",", "\"name\": \"IP risk\", \"name\": \"Other\",", "$.name", "a template")]
    [InlineData("\"weight\": 15,", "\"weight\": 15, \"weight\": 1e308,", "$.sections[0].weight", "a section")]
    [InlineData("\"weight\": 3,", "\"weight\": 3, \"weight\": 1e308,", "$.sections[0].questions[0].weight", "a question")]
    [InlineData("\"points\": 0.25", "\"points\": 0.25, \"points\": 1e308", "$.sections[0].questions[1].options[1].points", "an option")]
    [InlineData("{ \"upTo\": 2,", "{ \"upTo\": 2, \"upTo\": 5,", "$.sections[0].questions[2].bands[0].upTo", "a band")]
    [InlineData("{ \"yesNo\": false }", "{ \"yesNo\": false, \"yesNo\": true }", "$.sections[0].questions[0].knockOut.yesNo", "a knock-out rule")]
    public void Parse_WhenASettingIsGivenTwiceAtAnyDepth_RefusesTheFileNamingIt(string original, string duplicated, string path, string owner)
    {
        var json = Example.Replace(original, duplicated, StringComparison.Ordinal);
        Assert.NotEqual(Example, json);

        var result = TemplateJson.Parse(json);

        Assert.False(result.Succeeded);
        var name = path[(path.LastIndexOf('.') + 1)..];
        Assert.Equal(new TemplateError(path, $"“{name}” is set more than once in {owner}: keep one and remove the others."), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e400")]
    public void Parse_WhenANumberIsBeyondWhatADoubleHolds_RefusesItRatherThanReadInfinity(string number)
    {
        var json = Example.Replace("\"weight\": 3,", $"\"weight\": {number},", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.Equal(new TemplateError("$.sections[0].questions[0].weight", "The weight is too large a number."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_WhenAWeightIsHugeButFinite_ReadsItForTheValidatorToRefuse()
    {
        var json = Example.Replace("\"weight\": 3,", "\"weight\": 1e308,", StringComparison.Ordinal);

        var result = TemplateJson.Parse(json);

        Assert.True(result.Succeeded);
        Assert.Equal(
            new TemplateError("sections[0].questions[0].weight", "Question weight must be above 0 and at most 1000 (it is 1E+308)."),
            Assert.Single(TemplateValidator.Validate(result.Definition)));
    }

    [Fact]
    public void Deserialize_WhenJsonIsInvalid_ThrowsWithTheProblemsListed()
    {
        var error = Assert.Throws<FormatException>(() => TemplateJson.Deserialize("""{ "schema": "other" }"""));

        Assert.Contains("$.schema: This file is in another template format (“other”)", error.Message, StringComparison.Ordinal);
    }
}
