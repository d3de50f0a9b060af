using System.Text;
using System.Text.Json.Nodes;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>A small valid template file (the one in docs/template-schema.md), ways to break it, and the use cases run as a user.</summary>
public static class TemplateSamples
{
    public const string ValidJson = """
        {
          "schema": "duediligence.template/1",
          "name": "IP risk — short form",
          "description": "A two-section example.",
          "sections": [
            {
              "code": "CT",
              "title": "Contracts",
              "weight": 60,
              "description": "Confidentiality and ownership.",
              "questions": [
                {
                  "code": "CT-01", "text": "Has the supplier signed our NDA?", "type": "YesNo", "weight": 3,
                  "required": true, "evidenceRequired": true, "references": ["ISO/IEC 27001:2022 A.6.6"],
                  "knockOut": { "yesNo": false }
                },
                {
                  "code": "CT-02", "text": "Which law governs the supply contract?", "type": "SingleChoice", "weight": 2,
                  "required": true,
                  "options": [
                    { "code": "OURS", "label": "Our home jurisdiction", "points": 1 },
                    { "code": "THEIRS", "label": "The supplier's jurisdiction", "points": 0.25 },
                    { "code": "NONE", "label": "No written contract", "points": 0 }
                  ],
                  "knockOut": { "options": ["NONE"] }
                }
              ]
            },
            {
              "code": "DD",
              "title": "Partner due diligence",
              "weight": 40,
              "questions": [
                {
                  "code": "DD-01", "text": "How many years has the supplier made this kind of product?", "type": "Number", "weight": 1,
                  "bands": [ { "upTo": 2, "points": 0 }, { "upTo": 5, "points": 0.5 }, { "upTo": null, "points": 1 } ],
                  "unit": "years"
                }
              ]
            }
          ]
        }
        """;

    public static readonly string[] AdminRoles = [AppRoles.Admin];

    public static TemplateDefinition ValidDefinition() => TemplateJson.Deserialize(ValidJson);

    /// <summary>The valid file with one change made to its JSON.</summary>
    public static string Broken(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(ValidJson)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Question(JsonObject root, int section, int question) =>
        root["sections"]![section]!["questions"]![question]!.AsObject();

    public static Stream File(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    public static Task<T> AsAdminAsync<T>(this AppFactory app, Func<IServiceProvider, Task<T>> work) =>
        app.AsUserAsync("admin@test", AdminRoles, work);

    public static Task<TemplateImportResult> ImportAsync(this AppFactory app, string json) =>
        app.AsAdminAsync(sp => sp.GetRequiredService<TemplateImport>().ImportAsync(File(json)));

    /// <summary>A published template of its own, so that a test never depends on what other tests did to the seeded one.</summary>
    public static async Task<Guid> PublishedTemplateAsync(this AppFactory app, string name)
    {
        var definition = ValidDefinition();
        definition.Name = name;
        var imported = await app.ImportAsync(TemplateJson.Serialize(definition));
        var id = imported.Id!.Value;
        var stamp = (await app.StoredAsync(id)).EditStamp;
        await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateCommands>().PublishAsync(id, stamp));
        return id;
    }

    public static async Task<TemplateVersion> StoredAsync(this AppFactory app, Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    public static async Task<int> StoredVersionCountAsync(this AppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.CountAsync();
    }
}
