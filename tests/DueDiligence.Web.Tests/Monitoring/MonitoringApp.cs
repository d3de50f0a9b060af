using System.Text;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// The real app with demo data on a fake clock, and the steps that put decided suppliers where a monitoring test needs
/// them, through the use cases the pages call. Two one-question templates: a maturity answer sets C (level × 25); in the
/// evidence template the answer needs evidence, whose confidence (verified 1, missing or expired 0.5) scales it. A third
/// adds the expiry date of the supplier's licence, which knocks out once it has passed.
/// Countries outside the reference library, used by no demo supplier, are rated by legal.
/// </summary>
public sealed class MonitoringApp : IAsyncLifetime
{
    public const string Analyst = "ana@test";
    public const string OtherAnalyst = "ben@test";
    public const string Legal = "lee@test";
    public const string Executive = "eve@test";
    public const string Admin = "adam@test";

    public const string LowCountry = "EE";

    public static readonly string[] AnalystRole = [AppRoles.Analyst];
    public static readonly string[] LegalRole = [AppRoles.LegalReviewer];
    public static readonly string[] ExecutiveRole = [AppRoles.Executive];
    public static readonly string[] AdminRole = [AppRoles.Admin];

    private const string QuestionCode = "SC-01";

    public const string LicenceQuestionCode = "LL-02";

    private readonly AppFactory _factory;

    /// <summary>The app's log, read for the end of the job's first daily check (it runs at start, beside the first test otherwise).</summary>
    private readonly CapturingLoggerProvider _log = new(LogLevel.Information);

    public MonitoringApp()
        : this(null)
    {
    }

    /// <param name="configure">Settings of this installation beyond the clock (the webhook tests allow loopback targets).</param>
    internal MonitoringApp(Action<IWebHostBuilder>? configure) => _factory = new AppFactory(TestDatabase.Current, demoData: true, configure);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Guid PlainTemplateId { get; private set; }

    public Guid EvidenceTemplateId { get; private set; }

    public Guid LicenceTemplateId { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(_log);
            // The job's rounds wait on a clock of their own that never moves: after its first round at start, the daily check
            // runs only when a test runs it (AfterDaysAsync), never beside a test's own changes.
            services.AddSingleton(provider => new SupplierPositionsJob(
                provider.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(), provider.GetRequiredService<ILogger<SupplierPositionsJob>>()));
        }));
        _ = App.Services;
        await _log.LoggedAsync(line => line.Contains($"({SupplierPositionsJob.DailyLease})", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(2));
        await RateAsync(LowCountry, LegalRating.Low);
        PlainTemplateId = await PublishTemplateAsync("Monitoring test: one maturity question", evidenceRequired: false);
        EvidenceTemplateId = await PublishTemplateAsync("Monitoring test: one maturity question with evidence", evidenceRequired: true);
        LicenceTemplateId = await PublishTemplateAsync("Monitoring test: a maturity question and the licence's expiry", evidenceRequired: false, licenceQuestion: true);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public Task<T> AsUserAsync<T>(string name, string[] roles, Func<IServiceProvider, Task<T>> work) => AppFactory.AsUserAsync(App.Services, name, roles, work);

    public Task AsUserAsync(string name, string[] roles, Func<IServiceProvider, Task> work) =>
        AsUserAsync(name, roles, async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>Legal rates the country a second after anything before (the newest rating is the current one).</summary>
    public Task RateAsync(string country, LegalRating rating)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync(country, new RatingInput
        {
            Rating = rating,
            Rationale = "Rated for the monitoring tests.",
            NextReviewOn = Today.AddMonths(6).ToDateTime(TimeOnly.MinValue),
        }));
    }

    /// <summary>A new prospect of <see cref="Analyst"/> with its HQ and sites in these countries, sharing firmware at this sensitivity.</summary>
    public Task<Guid> NewSupplierAsync(string hq, string[]? sites = null, int sensitivity = 5) =>
        AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = $"Monitoring Test Supplier {Guid.NewGuid():N}",
            HqCountry = hq,
            Category = SupplierCategory.ContractManufacturer,
            Sites = (sites ?? []).Prepend(hq).Select(c => new SiteInput { Country = c, City = "Test City", Activities = SiteActivity.ComponentManufacturing }).ToList(),
            Exposure = [new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = sensitivity }],
        }));

    /// <summary>The supplier's edit form as saved, changed by <paramref name="change"/>, saved again by its owner.</summary>
    public async Task EditSupplierAsync(Guid supplierId, Action<SupplierInput> change)
    {
        var supplier = (await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierQueries>().GetAsync(supplierId)))!.Supplier;
        var input = SupplierInput.From(supplier);
        change(input);
        await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input));
    }

    /// <summary>
    /// Submitted at this maturity; with evidence expiring in <paramref name="evidenceExpiresInDays"/> days on the evidence
    /// template; with a licence that expires in <paramref name="licenceExpiresInDays"/> days on the licence template; on
    /// another template with its one question (<see cref="PublishTemplateAsync"/>) when given.
    /// </summary>
    public async Task<Guid> SubmittedAsync(Guid supplierId, int maturity, int? evidenceExpiresInDays = null, Guid? templateId = null, int? licenceExpiresInDays = null)
    {
        var template = templateId ?? (licenceExpiresInDays is not null ? LicenceTemplateId : evidenceExpiresInDays is null ? PlainTemplateId : EvidenceTemplateId);
        var id = await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, template));
        await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, new AnswerInput { QuestionCode = QuestionCode, Maturity = maturity }, null));
        if (licenceExpiresInDays is { } expiresIn)
        {
            await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<AnswerQuestion>()
                .ExecuteAsync(id, new AnswerInput { QuestionCode = LicenceQuestionCode, Date = Today.AddDays(expiresIn) }, null));
        }

        if (evidenceExpiresInDays is { } days)
        {
            await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>()
                .ExecuteAsync(id, QuestionCode, "access-control-audit.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()), Today.AddDays(days)));
        }

        await AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        return id;
    }

    /// <summary>
    /// Decided at this maturity: approved, or approved with a condition due in <paramref name="conditionDueInDays"/> days; on
    /// the evidence template, legal verifies the evidence first.
    /// </summary>
    public async Task<Guid> DecidedAsync(
        Guid supplierId, int maturity, int? evidenceExpiresInDays = null, int? conditionDueInDays = null, Guid? templateId = null, int? licenceExpiresInDays = null)
    {
        var id = await SubmittedAsync(supplierId, maturity, evidenceExpiresInDays, templateId, licenceExpiresInDays);
        await AsUserAsync(Legal, LegalRole, async s =>
        {
            var review = s.GetRequiredService<ReviewAssessment>();
            var reviewed = await review.StartReviewAsync(id);
            foreach (var evidence in reviewed.Assessment.Evidence)
            {
                await review.VerifyEvidenceAsync(id, evidence.Id);
            }

            if (conditionDueInDays is { } days)
            {
                await review.AddConditionAsync(id, new ConditionDetails("NDA signed before tooling is shipped", Today.AddDays(days)));
            }

            await review.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.");
        });
        var outcome = conditionDueInDays is null ? DecisionOutcome.Approved : DecisionOutcome.ApprovedWithConditions;
        await AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(id, outcome, "Decided for the monitoring tests."));
        return id;
    }

    /// <summary>The queue as this user sees it, limited to the given suppliers (other tests add their own).</summary>
    public async Task<IReadOnlyList<ChangedSupplierRow>> QueueAsync(IEnumerable<Guid> suppliers, string user = Executive, string[]? roles = null)
    {
        var mine = suppliers.ToHashSet();
        var rows = await AsUserAsync(user, roles ?? ExecutiveRole, s => s.GetRequiredService<ChangedSinceDecisionQueries>().ListAsync(0, 500));
        return rows.Rows.Where(r => mine.Contains(r.SupplierId)).ToList();
    }

    public async Task<SupplierPosition> PositionAsync(Guid supplierId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.SupplierPositions.AsNoTracking().SingleAsync(p => p.SupplierId == supplierId);
    }

    /// <summary>The notifications that lead to <paramref name="link"/>, whoever they went to.</summary>
    public async Task<List<Notification>> NoticesAsync(string link)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Link == link).ToListAsync();
    }

    /// <summary>
    /// As the next start of the app finds the supplier without a position (the first start of an upgrade that adds them):
    /// removes its position and runs the start-up recompute.
    /// </summary>
    public async Task FirstPositionAtStartUpAsync(Guid supplierId)
    {
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.SupplierPositions.Where(p => p.SupplierId == supplierId).ExecuteDeleteAsync();
        }

        await AsUserAsync("system", [], async s =>
        {
            var updater = s.GetRequiredService<SupplierPositionUpdater>();
            await updater.RecomputeAsync(await updater.NotCurrentAsync(CancellationToken.None), PositionTrigger.StartUp, CancellationToken.None);
        });
    }

    /// <summary>Moves the clock on by whole days and runs the daily check, as the job does once a day.</summary>
    public async Task AfterDaysAsync(int days)
    {
        Clock.Advance(TimeSpan.FromDays(days));
        Assert.True(await App.Services.GetRequiredService<SupplierPositionsJob>().RunDailyAsync(CancellationToken.None));
    }

    /// <summary>
    /// A template of its own with one maturity question (<c>SC-01</c>), and with <paramref name="licenceQuestion"/> the date
    /// the licence expires (<c>LL-02</c>, a knock-out once passed), imported and published by the admin.
    /// </summary>
    public async Task<Guid> PublishTemplateAsync(string name, bool evidenceRequired, bool licenceQuestion = false)
    {
        var licence = licenceQuestion
            ? $$""", { "code": "{{LicenceQuestionCode}}", "text": "When does the supplier's business licence expire?", "type": "Date", "weight": 1, "required": true, "knockOut": { "dateOnOrBeforeAsOf": true } }"""
            : "";
        var json = $$"""
            {
              "schema": "duediligence.template/1",
              "name": "{{name}}",
              "sections": [
                {
                  "code": "SC", "title": "Security controls", "weight": 1,
                  "questions": [
                    { "code": "{{QuestionCode}}", "text": "How mature is the supplier's access control?", "type": "Maturity", "weight": 1, "required": true, "evidenceRequired": {{(evidenceRequired ? "true" : "false")}} }{{licence}}
                  ]
                }
              ]
            }
            """;
        var imported = await AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateImport>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        var templateId = imported.Id ?? throw new InvalidOperationException(string.Join(" ", imported.Errors));
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stamp = await db.TemplateVersions.Where(t => t.Id == templateId).Select(t => t.EditStamp).SingleAsync();
            await AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<TemplateCommands>().PublishAsync(templateId, stamp));
        }

        return templateId;
    }
}

[CollectionDefinition(Name)]
public sealed class MonitoringCollection : ICollectionFixture<MonitoringApp>
{
    public const string Name = "monitoring";
}
