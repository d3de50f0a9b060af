using System.Security.Cryptography;

using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>
/// An assessment of a new supplier on the default questionnaire, walked through the real use cases by the demo users:
/// every question answered (mostly strong, a few weak), two evidence files, one verified, a finding and a condition.
/// </summary>
internal sealed class ReportScenario
{
    public const string Analyst = "analyst@demo.local";
    public const string Legal = "legal@demo.local";
    public const string Executive = "executive@demo.local";

    public const string FindingText = "Tooling inventory list was not shared before the audit.";
    public const string ConditionText = "NDA with tooling-ownership clause signed before moulds ship.";
    public const string DecisionRationale = "Strong contracts and ISO 27001; approve once the NDA covers tooling.";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private ReportScenario(Guid assessmentId, string supplierName, IReadOnlyDictionary<string, string> evidenceSha256)
    {
        AssessmentId = assessmentId;
        SupplierName = supplierName;
        EvidenceSha256 = evidenceSha256;
    }

    public Guid AssessmentId { get; }

    public string SupplierName { get; }

    /// <summary>SHA-256 of each uploaded file's bytes, by file name, computed here rather than read back from the app.</summary>
    public IReadOnlyDictionary<string, string> EvidenceSha256 { get; }

    /// <summary>Registers the supplier, answers and submits; legal reviews and forwards; the executive decides when asked to.</summary>
    /// <param name="submit">False to stop at a complete draft, every question answered and the files uploaded.</param>
    public static async Task<ReportScenario> RunAsync(AppFactory app, string supplierName, bool decide, bool submit = true)
    {
        var supplierId = await app.AsAsync(Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Supplier(supplierName)));
        var templateId = await PublishedTemplateAsync(app);
        var id = await app.AsAsync(Analyst, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, templateId));
        var template = await TemplateAsync(app, templateId);

        var questions = template.Sections.SelectMany(s => s.Questions).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            var answer = AnswerFor(questions[i], i);
            await app.AsAsync(Analyst, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, answer, null));
        }

        var files = new Dictionary<string, byte[]>
        {
            ["nda-signed-2026.pdf"] = SampleFiles.Pdf(),
            ["iso27001-certificate.png"] = SampleFiles.Png(),
        };
        var uploads = new[] { ("nda-signed-2026.pdf", "CT-01"), ("iso27001-certificate.png", "DS-01") };
        var evidenceIds = new List<Guid>();
        foreach (var (name, question) in uploads)
        {
            var evidence = await app.AsAsync(Analyst, s => s.GetRequiredService<UploadEvidence>()
                .ExecuteAsync(id, question, name, new MemoryStream(files[name]), Today.AddYears(2)));
            evidenceIds.Add(evidence.Id);
        }

        var sha256 = files.ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(f.Value)));
        if (!submit)
        {
            return new ReportScenario(id, supplierName, sha256);
        }

        await app.AsAsync(Analyst, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        await app.AsAsync(Legal, async s =>
        {
            var review = s.GetRequiredService<ReviewAssessment>();
            await review.StartReviewAsync(id);
            await review.VerifyEvidenceAsync(id, evidenceIds[0]);
            await review.AddFindingAsync(id, new FindingDetails(FindingSeverity.Medium, FindingText, "Obtain the signed tooling inventory.", Today.AddDays(30), "SC-04"));
            await review.AddConditionAsync(id, new ConditionDetails(ConditionText, Today.AddDays(14)));
            await review.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.");
        });

        if (decide)
        {
            await app.AsAsync(Executive, s => s.GetRequiredService<DecideAssessment>()
                .ExecuteAsync(id, DecisionOutcome.ApprovedWithConditions, DecisionRationale));
        }

        return new ReportScenario(id, supplierName, sha256);
    }

    private static SupplierInput Supplier(string name) => new()
    {
        LegalName = name,
        HqCountry = "CN",
        Category = SupplierCategory.ContractManufacturer,
        Description = "Fictional supplier of the report tests.",
        Sites =
        [
            new SiteInput { Country = "CN", City = "Ningbo", Activities = SiteActivity.Tooling | SiteActivity.ComponentManufacturing },
            new SiteInput { Country = "VN", City = "Hai Phong", Activities = SiteActivity.FinalAssembly },
        ],
        Exposure =
        [
            new ExposureInput { Category = IpAssetCategory.ToolingMoulds, Sensitivity = 4, Note = "Moulds we own" },
            new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 5, Note = "Firmware images" },
        ],
    };

    private static async Task<Guid> PublishedTemplateAsync(AppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.Where(t => t.Status == TemplateStatus.Published).OrderBy(t => t.VersionNumber).Select(t => t.Id).FirstAsync();
    }

    private static async Task<TemplateDefinition> TemplateAsync(AppFactory app, Guid templateId)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.TemplateVersions.SingleAsync(t => t.Id == templateId)).Definition;
    }

    /// <summary>A strong answer that triggers no knock-out; every fourth question without a knock-out rule gets a weak one.</summary>
    private static AnswerInput AnswerFor(QuestionDefinition question, int index)
    {
        var weak = index % 4 == 3 && question.KnockOut is null;
        var answer = new AnswerInput
        {
            QuestionCode = question.Code,
            Comment = index % 7 == 0 ? $"Confirmed in the kick-off call ({question.Code})." : null,
            EvidenceJustification = question.EvidenceRequired && question.Code is not ("CT-01" or "DS-01")
                ? "To be collected at the on-site audit."
                : null,
        };
        return question.Type switch
        {
            QuestionType.YesNo => answer with { YesNo = weak ? question.Inverted : !question.Inverted },
            QuestionType.Maturity => answer with { Maturity = weak ? 2 : 3 },
            QuestionType.SingleChoice => answer with { OptionCodes = [Ranked(question, weak)[0].Code] },
            QuestionType.MultipleChoice => answer with { OptionCodes = [.. Ranked(question, weak).Take(2).Select(o => o.Code)] },
            QuestionType.Number => answer with { Number = NumberIn(question.Bands, weak) },
            QuestionType.Date => answer with { Date = Today.AddDays(weak ? 30 : 400) },
            _ => answer with { Text = $"Described by the supplier in its questionnaire response ({question.Code}).", ManualRating = weak ? 0.5 : 0.75 },
        };
    }

    /// <summary>The options that do not knock out, best first (or, for a weak answer, from the middle down).</summary>
    private static List<OptionDefinition> Ranked(QuestionDefinition question, bool weak)
    {
        var safe = question.Options.Where(o => question.KnockOut?.Options.Contains(o.Code) != true).OrderByDescending(o => o.Points).ToList();
        return weak && safe.Count > 1 ? safe.Skip(safe.Count / 2).ToList() : safe;
    }

    /// <summary>A value in the band with the most points (or the fewest, for a weak answer).</summary>
    private static double NumberIn(List<NumberBand> bands, bool weak)
    {
        var band = weak ? bands.MinBy(b => b.Points)! : bands.MaxBy(b => b.Points)!;
        var index = bands.IndexOf(band);
        return band.UpTo ?? ((index > 0 ? bands[index - 1].UpTo ?? 0 : 0) + 1);
    }
}
