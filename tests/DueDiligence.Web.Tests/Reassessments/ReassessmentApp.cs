using System.Collections.Concurrent;
using System.Text;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Reassessments;

/// <summary>
/// The real app with demo data on a clock the tests move, and a small questionnaire published in version 1 to decide
/// suppliers on. Version 2 (GV-02 now Yes/No, option B of SC-01 gone, SC-02 removed, SC-03 new) is published on demand;
/// it retires version 1.
/// </summary>
public class QuestionnaireApp : IAsyncLifetime
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

    private const string VersionOne = """
        {
          "schema": "duediligence.template/1",
          "name": "Reassessment test questionnaire",
          "sections": [
            {
              "code": "GV", "title": "Governance", "weight": 1,
              "questions": [
                { "code": "GV-01", "text": "Is a signed NDA in place?", "type": "YesNo", "weight": 1, "required": true, "evidenceRequired": true,
                  "knockOut": { "yesNo": false } },
                { "code": "GV-02", "text": "How mature is access control?", "type": "Maturity", "weight": 1, "required": true }
              ]
            },
            {
              "code": "SC", "title": "Security", "weight": 1,
              "questions": [
                { "code": "SC-01", "text": "Where are the moulds kept?", "type": "SingleChoice", "weight": 1, "required": true,
                  "options": [
                    { "code": "A", "label": "In a locked tool room", "points": 1 },
                    { "code": "B", "label": "On the shop floor", "points": 0.5 },
                    { "code": "C", "label": "Off site", "points": 0 }
                  ],
                  "knockOut": { "options": ["C"] } },
                { "code": "SC-02", "text": "Describe the visitor policy.", "type": "Text", "weight": 1 }
              ]
            }
          ]
        }
        """;

    private readonly AppFactory _factory = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Guid VersionOneId { get; private set; }

    public Guid VersionTwoId { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        var imported = await AsUserAsync(Admin, AdminRole, s =>
            s.GetRequiredService<TemplateImport>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(VersionOne))));
        VersionOneId = imported.Id ?? throw new InvalidOperationException(string.Join(" ", imported.Errors));
        await PublishAsync(VersionOneId);
        await PrepareAsync();
    }

    /// <summary>What a fixture sets up once the first version is published.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Publishes version 2 of the questionnaire, which retires version 1.</summary>
    public async Task PublishVersionTwoAsync()
    {
        var draftId = await AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateCommands>().NewVersionAsync(VersionOneId));
        TemplateVersion draft;
        await using (var db = await CreateDbContextAsync())
        {
            draft = await db.TemplateVersions.AsNoTracking().SingleAsync(t => t.Id == draftId);
        }

        var definition = draft.Definition;
        var governance = definition.Sections[0];
        var security = definition.Sections[1];
        var maturity = governance.Questions[1];
        maturity.Type = QuestionType.YesNo;
        maturity.Text = "Is access control reviewed every year?";
        security.Questions[0].Options.RemoveAll(o => o.Code == "B");
        security.Questions.RemoveAll(q => q.Code == "SC-02");
        security.Questions.Add(new QuestionDefinition { Code = "SC-03", Text = "Are moulds tagged?", Type = QuestionType.YesNo, Weight = 1 });
        await AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateCommands>().SaveDraftAsync(draftId, draft.EditStamp, definition));
        await PublishAsync(draftId);
        VersionTwoId = draftId;
    }

    /// <summary>A supplier in Vietnam sharing firmware (sensitivity 5), owned by <see cref="Analyst"/>.</summary>
    public Task<Guid> NewSupplierAsync() => AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
    {
        LegalName = $"Reassessment Test Supplier {Guid.NewGuid():N}",
        HqCountry = "VN",
        Category = SupplierCategory.ContractManufacturer,
        Exposure = [new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 5 }],
    }));

    /// <summary>
    /// Assessed on version 1 and decided: GV-01 Yes with a signed NDA (PDF, expiring in 200 days), GV-02 at
    /// <paramref name="maturity"/>, SC-01 B, SC-02 a visitor policy.
    /// </summary>
    public async Task<Guid> DecidedAsync(Guid supplierId, int maturity = 3, DecisionOutcome outcome = DecisionOutcome.Approved)
    {
        var id = await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, VersionOneId));
        await AnswerAsync(id, new AnswerInput { QuestionCode = "GV-01", YesNo = true });
        await AnswerAsync(id, new AnswerInput { QuestionCode = "GV-02", Maturity = maturity });
        await AnswerAsync(id, new AnswerInput { QuestionCode = "SC-01", OptionCodes = ["B"] });
        await AnswerAsync(id, new AnswerInput { QuestionCode = "SC-02", Text = "Visitors are escorted." });
        await AsUserAsync(Analyst, AnalystRole, s =>
            s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, "GV-01", "nda-signed.pdf", new MemoryStream(SampleFiles.Pdf()), Today.AddDays(200)));
        return await DecideAsync(id, outcome);
    }

    /// <summary>Submits, reviews, forwards and decides an assessment whose answers are complete.</summary>
    public async Task<Guid> DecideAsync(Guid assessmentId, DecisionOutcome outcome = DecisionOutcome.Approved)
    {
        await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(assessmentId));
        await AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().StartReviewAsync(assessmentId));
        await AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(assessmentId, "Legal finds no blocking issue; proceed on the recorded terms."));
        await AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(assessmentId, outcome, "Decided for the reassessment tests."));
        return assessmentId;
    }

    public Task<Guid> ReassessAsync(Guid supplierId, string analyst = Analyst, string[]? roles = null) =>
        AsUserAsync(analyst, roles ?? AnalystRole, s => s.GetRequiredService<StartAssessment>().ReassessAsync(supplierId));

    public async Task AnswerAsync(Guid assessmentId, AnswerInput answer)
    {
        await using var db = await CreateDbContextAsync();
        var version = await db.Set<AssessmentAnswer>()
            .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId && a.QuestionCode == answer.QuestionCode)
            .Select(a => (Guid?)a.Version).FirstOrDefaultAsync();
        await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(assessmentId, answer, version));
    }

    public async Task<AssessmentView> LoadAsync(Guid assessmentId, string user = Analyst, string[]? roles = null) =>
        await AsUserAsync(user, roles ?? AnalystRole, s => s.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId))
        ?? throw new InvalidOperationException($"Assessment {assessmentId} was not found.");

    public Task<T> AsUserAsync<T>(string name, string[] roles, Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(App.Services, name, roles, work);

    public Task AsUserAsync(string name, string[] roles, Func<IServiceProvider, Task> work) =>
        AsUserAsync(name, roles, async services =>
        {
            await work(services);
            return true;
        });

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>A client signed in as the seeded demo user of <paramref name="role"/>, keeping cookies like a browser.</summary>
    public async Task<HttpClient> SignInAsync(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignInForm.PostAsync(client, user.Email, user.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task PublishAsync(Guid templateId)
    {
        Guid stamp;
        await using (var db = await CreateDbContextAsync())
        {
            stamp = await db.TemplateVersions.Where(t => t.Id == templateId).Select(t => t.EditStamp).SingleAsync();
        }

        await AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateCommands>().PublishAsync(templateId, stamp));
    }
}

/// <summary>
/// <see cref="QuestionnaireApp"/> with a stock of suppliers decided on version 1 (one per test that needs one), then
/// version 2 published: each of them is ready to be reassessed onto it.
/// </summary>
public sealed class ReassessmentApp : QuestionnaireApp
{
    private const int DecidedSuppliers = 12;

    private readonly ConcurrentQueue<(Guid SupplierId, Guid AssessmentId)> _decided = new();

    /// <summary>A supplier of its own, decided on version 1 (see <see cref="QuestionnaireApp.DecidedAsync"/>), not reassessed yet.</summary>
    public (Guid SupplierId, Guid AssessmentId) TakeDecidedSupplier() =>
        _decided.TryDequeue(out var decided) ? decided : throw new InvalidOperationException("Every prepared supplier was used; prepare more.");

    protected override async Task PrepareAsync()
    {
        for (var i = 0; i < DecidedSuppliers; i++)
        {
            var supplierId = await NewSupplierAsync();
            _decided.Enqueue((supplierId, await DecidedAsync(supplierId)));
        }

        await PublishVersionTwoAsync();
    }
}
