using System.Text.Json.Nodes;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

public sealed partial class TemplateImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Each kind of bad file: how it is broken, where it is in the file, and the sentence its author reads first.</summary>
    public static TheoryData<string, string, string> InvalidFiles() => new()
    {
        { "malformed JSON", "$", "The file is not valid JSON, so it cannot be read. It breaks off or has a typing error at line" },
        { "wrong schema marker", "$.schema", "This file is in another template format (“duediligence.template/2”); DueDiligence reads template files in the format “duediligence.template/1” only." },
        { "unknown question type", "$.sections[0].questions[0].type", "Section 1 (Contracts), question 1 (CT-01): the question type “Checkbox” is unknown: a question is Yes/No, Maturity 0–4, Single choice, Multiple choice, Number, Date or Text." },
        { "weight as text", "$.sections[0].questions[1].weight", "Section 1 (Contracts), question 2 (CT-02): the weight must be a number; the file has the text “heavy”." },
        { "missing property", "$.sections[0].weight", "Section 1 (Contracts): the weight is missing." },
        { "misspelt property", "$.sections[1].questions[0].wieght", "Section 2 (Partner due diligence), question 1 (DD-01): “wieght” is not a setting of a question: check its spelling against a template exported from DueDiligence." },
        { "non-positive weight", "$.sections[0].questions[0].weight", "Section 1 (Contracts), question 1 (CT-01): question weight must be above 0 and at most 1000 (it is 0)." },
        { "question weight of 1e308", "$.sections[0].questions[0].weight", "Section 1 (Contracts), question 1 (CT-01): question weight must be above 0 and at most 1000 (it is 1E+308)." },
        { "section weight of 1e308", "$.sections[1].weight", "Section 2 (Partner due diligence): section weight must be above 0 and at most 1000 (it is 1E+308)." },
        { "weight beyond a double", "$.sections[0].questions[0].weight", "Section 1 (Contracts), question 1 (CT-01): the weight is too large a number." },
        { "weight given twice", "$.sections[0].questions[0].weight", "Section 1 (Contracts), question 1 (CT-01): “weight” is set more than once in a question: keep one and remove the others." },
        { "duplicate question code", "$.sections[0].questions[1].code", "Section 1 (Contracts), question 2 (CT-01): question code 'CT-01' is already used in section 'CT'; question codes must be unique across the template." },
        { "option points out of range", "$.sections[0].questions[1].options[1].points", "Section 1 (Contracts), question 2 (CT-02), option 2 (THEIRS): option points must be between 0 and 1 (it is 1.5)." },
        { "descending bands", "$.sections[1].questions[0].bands[1].upTo", "Section 2 (Partner due diligence), question 1 (DD-01), band 2: band upper bounds must be strictly ascending: 1 is not above the previous bound 2." },
        { "knock-out naming a missing option", "$.sections[0].questions[1].knockOut.options[0]", "Section 1 (Contracts), question 2 (CT-02): the knock-out names option 'MISSING', which this question does not have." },
        { "section without a scored question", "$.sections[1].questions", "Section 2 (Partner due diligence): this section needs at least one scored question" },
    };

    [Fact]
    public async Task ImportAsync_WhenFileIsValid_StoresItAsDraftVersion1()
    {
        var before = await app.StoredVersionCountAsync();

        var result = await app.ImportAsync(TemplateSamples.ValidJson);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Empty(result.Errors);
        var stored = await app.StoredAsync(result.Id!.Value);
        Assert.Equal(TemplateStatus.Draft, stored.Status);
        Assert.Equal(1, stored.VersionNumber);
        Assert.Equal("IP risk — short form", stored.Name);
        Assert.Equal(TemplateJson.Serialize(TemplateSamples.ValidDefinition()), TemplateJson.Serialize(stored.Definition));
        Assert.Equal(before + 1, await app.StoredVersionCountAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task ImportAsync_WhenFileIsInvalid_SaysWhatIsWrongInWordsWithThePathAfterItAndStoresNothing(string problem, string path, string sentence)
    {
        var before = await app.StoredVersionCountAsync();

        var result = await app.ImportAsync(BrokenFile(problem));

        Assert.False(result.Succeeded);
        Assert.Null(result.Id);
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.StartsWith(sentence, error.Sentence, StringComparison.Ordinal);
        Assert.Equal(before, await app.StoredVersionCountAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task ImportAsync_WhenFileIsInvalid_ShowsNoPathsEnumNamesOrParserWordsInTheSentence(string problem, string path, string sentence)
    {
        _ = (path, sentence);

        var result = await app.ImportAsync(BrokenFile(problem));

        Assert.All(result.Errors, e => Assert.DoesNotMatch(DeveloperText(), e.Sentence));
    }

    [Fact]
    public async Task ImportAsync_WhenQuestionTypeIsUnknown_GivesTheFileSpellingsInTheSmallPrintOnly()
    {
        var result = await app.ImportAsync(BrokenFile("unknown question type"));

        var error = Assert.Single(result.Errors);
        Assert.DoesNotContain("SingleChoice", error.Sentence, StringComparison.Ordinal);
        Assert.Equal("The file spells the types \"YesNo\", \"Maturity\", \"SingleChoice\", \"MultipleChoice\", \"Number\", \"Date\" or \"Text\".", error.FileHint);
    }

    [Fact]
    public async Task ImportAsync_WhenFileHasSeveralProblems_ReportsEveryOne()
    {
        var json = TemplateSamples.Broken(root =>
        {
            TemplateSamples.Question(root, 0, 0)["weight"] = -1;
            TemplateSamples.Question(root, 1, 0)["code"] = "CT-02";
        });

        var result = await app.ImportAsync(json);

        Assert.Equal(
            ["$.sections[0].questions[0].weight", "$.sections[1].questions[0].code"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_WhenFileIsLargerThan1MB_IsRefusedWithoutStoringAnything()
    {
        var before = await app.StoredVersionCountAsync();
        var padded = TemplateSamples.Broken(root => root["description"] = new string('x', TemplateImport.MaxFileBytes));

        var result = await app.ImportAsync(padded);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("The file is larger than 1 MB.", error.Sentence, StringComparison.Ordinal);
        Assert.Equal(before, await app.StoredVersionCountAsync());
    }

    [Fact]
    public async Task ImportAsync_WhenFileStartsWithAByteOrderMark_ReadsIt()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(TemplateSamples.ValidJson)).ToArray();

        var result = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateImport>().ImportAsync(new MemoryStream(bytes)));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    private static string BrokenFile(string problem) => problem switch
    {
        "malformed JSON" => TemplateSamples.ValidJson[..200],
        "wrong schema marker" => TemplateSamples.Broken(root => root["schema"] = "duediligence.template/2"),
        "unknown question type" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 0)["type"] = "Checkbox"),
        "weight as text" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["weight"] = "heavy"),
        "misspelt property" => TemplateSamples.Broken(root =>
        {
            var question = TemplateSamples.Question(root, 1, 0);
            question["wieght"] = question["weight"]!.GetValue<double>();
            question.Remove("weight");
        }),
        "missing property" => TemplateSamples.Broken(root => root["sections"]![0]!.AsObject().Remove("weight")),
        "non-positive weight" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 0)["weight"] = 0),
        "question weight of 1e308" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 0)["weight"] = 1e308),
        "section weight of 1e308" => TemplateSamples.Broken(root => root["sections"]![1]!["weight"] = 1e308),
        "weight beyond a double" => TemplateSamples.ValidJson.Replace("\"weight\": 3,", "\"weight\": 1e309,", StringComparison.Ordinal),
        // JsonObject cannot hold a name twice: the duplicate is written into the text, as an attacker would.
        "weight given twice" => TemplateSamples.ValidJson.Replace("\"weight\": 3,", "\"weight\": 3, \"weight\": 1e308,", StringComparison.Ordinal),
        "duplicate question code" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["code"] = "CT-01"),
        "option points out of range" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["options"]![1]!["points"] = 1.5),
        "descending bands" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 1, 0)["bands"]![1]!["upTo"] = 1),
        "knock-out naming a missing option" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["knockOut"] = new JsonObject { ["options"] = new JsonArray("MISSING") }),
        "section without a scored question" => TemplateSamples.Broken(root => root["sections"]![1]!["questions"] = new JsonArray(
            new JsonObject { ["code"] = "DD-01", ["text"] = "Describe the supplier's history.", ["type"] = "Text", ["weight"] = 1 })),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such sample."),
    };

    // A JSON path ($.sections[0]…), a type's name in the code, the parser's words, or a GUID.
    [System.Text.RegularExpressions.GeneratedRegex(@"\$|\[\d+\]|YesNo|SingleChoice|MultipleChoice|Expected|property|[0-9a-f]{8}-[0-9a-f]{4}-")]
    private static partial System.Text.RegularExpressions.Regex DeveloperText();
}
