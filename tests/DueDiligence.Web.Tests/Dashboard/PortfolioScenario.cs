using System.Text;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Dashboard;

/// <summary>
/// Puts suppliers where a dashboard test needs them, through the use cases the pages call: a one-question template whose
/// maturity answer sets C (level × 25), and countries outside the reference library rated by legal, one per level.
/// </summary>
public sealed class PortfolioScenario
{
    public const string Analyst = "ana@test";
    public const string OtherAnalyst = "ben@test";
    public const string Legal = "lee@test";
    public const string Executive = "eve@test";
    public const string Admin = "adam@test";

    // Not in the reference library and used by no demo supplier: rating them moves nobody else.
    public const string SevereCountry = "IS";
    public const string HighCountry = "NO";
    public const string ModerateCountry = "FI";
    public const string LowCountry = "EE";
    public const string UnknownCountry = "NZ";

    public static readonly string[] AnalystRole = [AppRoles.Analyst];
    public static readonly string[] LegalRole = [AppRoles.LegalReviewer];
    public static readonly string[] ExecutiveRole = [AppRoles.Executive];
    public static readonly string[] AdminRole = [AppRoles.Admin];

    private const string QuestionCode = "SC-01";

    private const string TemplateJson = """
        {
          "schema": "duediligence.template/1",
          "name": "Portfolio test: one maturity question",
          "sections": [
            {
              "code": "SC", "title": "Security controls", "weight": 1,
              "questions": [
                { "code": "SC-01", "text": "How mature is the supplier's access control?", "type": "Maturity", "weight": 1, "required": true }
              ]
            }
          ]
        }
        """;

    private readonly DashboardApp _app;

    private PortfolioScenario(DashboardApp app, Guid templateId)
    {
        _app = app;
        TemplateId = templateId;
    }

    public Guid TemplateId { get; }

    public static async Task<PortfolioScenario> PrepareAsync(DashboardApp app)
    {
        foreach (var (country, rating) in new[]
                 {
                     (SevereCountry, LegalRating.Severe), (HighCountry, LegalRating.High), (ModerateCountry, LegalRating.Moderate), (LowCountry, LegalRating.Low),
                 })
        {
            var input = new RatingInput { Rating = rating, Rationale = "Rated for the dashboard tests.", NextReviewOn = DateTime.UtcNow.AddMonths(6) };
            await app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync(country, input));
        }

        var imported = await app.AsUserAsync(Admin, AdminRole, s =>
            s.GetRequiredService<TemplateImport>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(TemplateJson))));
        var templateId = imported.Id ?? throw new InvalidOperationException(string.Join(" ", imported.Errors));
        await using (var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stamp = await db.TemplateVersions.Where(t => t.Id == templateId).Select(t => t.EditStamp).SingleAsync();
            await app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateCommands>().PublishAsync(templateId, stamp));
        }

        return new PortfolioScenario(app, templateId);
    }

    /// <summary>A new prospect with its HQ and sites in these countries, sharing firmware (sensitivity 5).</summary>
    public Task<Guid> NewSupplierAsync(string hq, params string[] siteCountries)
    {
        var input = new SupplierInput
        {
            LegalName = $"Portfolio Test Supplier {Guid.NewGuid():N}",
            HqCountry = hq,
            Category = SupplierCategory.ContractManufacturer,
            Sites = siteCountries.Prepend(hq).Select(c => new SiteInput { Country = c, City = "Test City", Activities = SiteActivity.ComponentManufacturing }).ToList(),
            Exposure = [new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 5 }],
        };
        return _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input));
    }

    /// <summary>A draft answered at this maturity level (0–4), so that its C is 25 × level.</summary>
    public async Task<Guid> DraftAsync(Guid supplierId, int maturity, string analyst = Analyst)
    {
        var id = await _app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, TemplateId));
        var answer = new AnswerInput { QuestionCode = QuestionCode, Maturity = maturity };
        await _app.AsUserAsync(analyst, AnalystRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, answer, null));
        return id;
    }

    public async Task<Guid> SubmittedAsync(Guid supplierId, int maturity)
    {
        var id = await DraftAsync(supplierId, maturity);
        await _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        return id;
    }

    /// <summary>Submitted at one maturity level, returned to draft by legal, then answered anew and submitted again.</summary>
    public async Task<Guid> ResubmittedAsync(Guid supplierId, int firstMaturity, int secondMaturity)
    {
        var id = await _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, TemplateId));
        var first = await _app.AsUserAsync(Analyst, AnalystRole, s =>
            s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, new AnswerInput { QuestionCode = QuestionCode, Maturity = firstMaturity }, null));
        await _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        await _app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().ReturnToDraftAsync(id, "Check the access-control answer again."));
        await _app.AsUserAsync(Analyst, AnalystRole, s =>
            s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, new AnswerInput { QuestionCode = QuestionCode, Maturity = secondMaturity }, first.Version));
        await _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        return id;
    }

    public async Task<Guid> AwaitingDecisionAsync(Guid supplierId, int maturity)
    {
        var id = await SubmittedAsync(supplierId, maturity);
        await _app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().StartReviewAsync(id));
        await _app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms."));
        return id;
    }

    public async Task<Guid> DecidedAsync(Guid supplierId, int maturity, DecisionOutcome outcome = DecisionOutcome.Approved)
    {
        var id = await AwaitingDecisionAsync(supplierId, maturity);
        await _app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(id, outcome, "Decided for the dashboard tests."));
        return id;
    }

    /// <summary>Decided <paramref name="ago"/> before today, so that its reassessment falls due earlier than a decision today's would.</summary>
    public async Task<Guid> DecidedAgoAsync(TimeSpan ago, Guid supplierId, int maturity)
    {
        var id = Guid.Empty;
        await _app.InThePastAsync(ago, async () => id = await DecidedAsync(supplierId, maturity));
        return id;
    }

    /// <summary>
    /// A supplier in a Low jurisdiction sharing firmware, decided at C 0 (tier High, reassessment after 12 months) exactly twelve
    /// months before <paramref name="dueOn"/>.
    /// </summary>
    public async Task<Guid> DecidedDueOnAsync(DateOnly dueOn)
    {
        var supplier = await NewSupplierAsync(LowCountry);
        var decidedOn = dueOn.AddMonths(-12);
        await DecidedAgoAsync(TimeSpan.FromDays(_app.Clock.Today.DayNumber - decidedOn.DayNumber), supplier, maturity: 0);
        var decided = await SupplierAsync(supplier);
        Assert.Equal((RiskTier.High, dueOn), (decided.LatestTier, decided.ReassessmentDueOn));
        return supplier;
    }

    public async Task OffboardAsync(Guid supplierId)
    {
        var supplier = await SupplierAsync(supplierId);
        await _app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierCommands>().ChangeStatusAsync(supplierId, supplier.Version, SupplierStatus.Offboarded));
    }

    /// <summary>The supplier as the register holds it now.</summary>
    public async Task<Supplier> SupplierAsync(Guid supplierId) =>
        (await _app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<SupplierQueries>().GetAsync(supplierId)))!.Supplier;

    public Task<PortfolioOverview> OverviewAsync(string user = Executive, string[]? roles = null) =>
        _app.AsUserAsync(user, roles ?? ExecutiveRole, s => s.GetRequiredService<PortfolioQueries>().GetAsync());
}
