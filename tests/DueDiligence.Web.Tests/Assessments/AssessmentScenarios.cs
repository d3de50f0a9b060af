using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// Puts assessments where a test needs them, through the same use cases the pages call: a fresh supplier each time, so
/// that tests sharing an app never share an assessment.
/// </summary>
internal static class AssessmentScenarios
{
    public const string Analyst = "ana@test";
    public const string OtherAnalyst = "ben@test";
    public const string Legal = "lee@test";
    public const string Executive = "eve@test";
    public const string Admin = "adam@test";

    public static readonly string[] AnalystRole = [AppRoles.Analyst];
    public static readonly string[] LegalRole = [AppRoles.LegalReviewer];
    public static readonly string[] ExecutiveRole = [AppRoles.Executive];
    public static readonly string[] AdminRole = [AppRoles.Admin];

    /// <summary>A supplier in Vietnam with firmware we would share (sensitivity 5), owned by <paramref name="owner"/>, registered directly in the database.</summary>
    public static async Task<Guid> NewSupplierAsync(AppFactory app, string country = "VN", int sensitivity = 5, string owner = Analyst)
    {
        await using var db = await app.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var code = CountryCode.Parse(country);
        var supplier = new Supplier(
            new SupplierProfile($"Test Supplier {Guid.NewGuid():N}", code, SupplierCategory.ContractManufacturer), owner, owner, now);
        supplier.ReplaceSites([new Site(code, "Test City", SiteActivity.ComponentManufacturing)], now);
        supplier.ReplaceExposure([new ExposureItem(IpAssetCategory.SourceCodeFirmware, sensitivity, "Firmware images")], now);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier.Id;
    }

    public static async Task<TemplateVersion> DefaultTemplateAsync(AppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AsNoTracking().Where(t => t.Status == TemplateStatus.Published).OrderBy(t => t.VersionNumber).FirstAsync();
    }

    /// <summary>A new draft of a new supplier, both owned by <paramref name="analyst"/>.</summary>
    public static async Task<Guid> NewDraftAsync(AppFactory app, string analyst = Analyst)
    {
        var supplierId = await NewSupplierAsync(app, owner: analyst);
        var template = await DefaultTemplateAsync(app);
        return await app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, template.Id));
    }

    /// <summary>Gives every question of the draft its best answer, with a justification wherever evidence is required.</summary>
    public static async Task AnswerEverythingAsync(AppFactory app, Guid assessmentId, string analyst = Analyst, Func<QuestionDefinition, AnswerInput?>? instead = null)
    {
        var template = await DefaultTemplateAsync(app);
        foreach (var question in template.Definition.Sections.SelectMany(s => s.Questions))
        {
            await AnswerAsync(app, assessmentId, instead?.Invoke(question) ?? CompleteAnswers.Best(question), analyst);
        }
    }

    public static Task<SavedAnswer> AnswerAsync(AppFactory app, Guid assessmentId, AnswerInput answer, string analyst = Analyst, Guid? expectedVersion = null) =>
        app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(assessmentId, answer, expectedVersion));

    public static Task SubmitAsync(AppFactory app, Guid assessmentId, string analyst = Analyst) =>
        app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(assessmentId));

    /// <summary>A complete assessment of a new supplier, submitted, reviewed and forwarded: it awaits the executive's decision.</summary>
    public static async Task<Guid> AwaitingDecisionAsync(AppFactory app, Func<QuestionDefinition, AnswerInput?>? instead = null)
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id, instead: instead);
        await SubmitAsync(app, id);
        await AsLegalAsync(app, r => r.StartReviewAsync(id));
        await AsLegalAsync(app, r => r.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms."));
        return id;
    }

    public static Task AsLegalAsync(AppFactory app, Func<ReviewAssessment, Task> review) =>
        app.AsUserAsync(Legal, LegalRole, s => review(s.GetRequiredService<ReviewAssessment>()));

    /// <summary>The assessment as the owning analyst loads it: a new scope and a new database context, as after a reconnect.</summary>
    public static async Task<AssessmentView> LoadAsync(AppFactory app, Guid assessmentId, string user = Analyst, string[]? roles = null) =>
        await app.AsUserAsync(user, roles ?? AnalystRole, s => s.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId))
        ?? throw new InvalidOperationException($"Assessment {assessmentId} was not found.");

    public static async Task<Supplier> SupplierAsync(AppFactory app, Guid supplierId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == supplierId);
    }
}
