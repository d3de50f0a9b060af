using System.Text.Json.Nodes;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

public sealed class TemplateImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Each kind of bad file: how it is broken, and the path and message the administrator is shown.</summary>
    public static TheoryData<string, string, string> InvalidFiles() => new()
    {
        { "malformed JSON", "$", "The file is not valid JSON at line" },
        { "wrong schema marker", "$.schema", "Unsupported schema \"duediligence.template/2\"" },
        { "unknown question type", "$.sections[0].questions[0].type", "Unknown question type \"Checkbox\"" },
        { "missing property", "$.sections[0].weight", "The required property \"weight\" is missing." },
        { "non-positive weight", "$.sections[0].questions[0].weight", "Question weight must be a positive number (got 0)." },
        { "duplicate question code", "$.sections[0].questions[1].code", "Question code 'CT-01' is already used in section 'CT'" },
        { "option points out of range", "$.sections[0].questions[1].options[1].points", "Option points must be between 0 and 1 (got 1.5)." },
        { "descending bands", "$.sections[1].questions[0].bands[1].upTo", "Band upper bounds must be strictly ascending: 1 is not above the previous bound 2." },
        { "knock-out naming a missing option", "$.sections[0].questions[1].knockOut.options[0]", "The knock-out names option 'MISSING', which this question does not have." },
        { "section without a scored question", "$.sections[1].questions", "This section needs at least one scored question" },
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
    public async Task ImportAsync_WhenFileIsInvalid_ReportsTheProblemWithItsPathAndStoresNothing(string problem, string path, string message)
    {
        var before = await app.StoredVersionCountAsync();

        var result = await app.ImportAsync(BrokenFile(problem));

        Assert.False(result.Succeeded);
        Assert.Null(result.Id);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await app.StoredVersionCountAsync());
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
        Assert.StartsWith("The file is larger than 1 MB.", error.Message, StringComparison.Ordinal);
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
        "missing property" => TemplateSamples.Broken(root => root["sections"]![0]!.AsObject().Remove("weight")),
        "non-positive weight" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 0)["weight"] = 0),
        "duplicate question code" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["code"] = "CT-01"),
        "option points out of range" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["options"]![1]!["points"] = 1.5),
        "descending bands" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 1, 0)["bands"]![1]!["upTo"] = 1),
        "knock-out naming a missing option" => TemplateSamples.Broken(root => TemplateSamples.Question(root, 0, 1)["knockOut"] = new JsonObject { ["options"] = new JsonArray("MISSING") }),
        "section without a scored question" => TemplateSamples.Broken(root => root["sections"]![1]!["questions"] = new JsonArray(
            new JsonObject { ["code"] = "DD-01", ["text"] = "Describe the supplier's history.", ["type"] = "Text", ["weight"] = 1 })),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such sample."),
    };
}
