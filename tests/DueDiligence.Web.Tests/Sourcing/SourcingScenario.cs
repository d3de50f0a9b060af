using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>
/// Suppliers, assessments brought to a workflow stage on the default questionnaire, and sourcing projects, stored in the
/// test app's database the way the app stores them.
/// </summary>
internal sealed class SourcingScenario(AppFactory app)
{
    public static readonly string[] Analyst = [AppRoles.Analyst];
    public static readonly string[] Legal = [AppRoles.LegalReviewer];
    public static readonly string[] Executive = [AppRoles.Executive];
    public static readonly string[] Admin = [AppRoles.Admin];

    private static readonly Actor AnalystActor = new("ana@test", "Ana Analyst");
    private static readonly Actor LegalActor = new("lee@test", "Lee Legal");
    private static readonly Actor ExecutiveActor = new("eve@test", "Eve Executive");

    /// <summary>A short, unique supplier name, so that it reads whole in narrow PDF columns.</summary>
    public static string Name(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..5]}";

    public Task<Guid> SupplierAsync(string name, string country = "VN", int sensitivity = 4, string? duns = null) =>
        app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name,
            HqCountry = country,
            Duns = duns,
            Category = SupplierCategory.ContractManufacturer,
            Sites = [new SiteInput { Country = country, City = "Main site", Activities = SiteActivity.ComponentManufacturing }],
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = sensitivity }],
        }));

    /// <summary>
    /// An assessment answered at <paramref name="strength"/> and taken to <paramref name="stage"/> at <paramref name="at"/>;
    /// Decided means approved (rejected when a knock-out is triggered). Returns it with the score kept last.
    /// </summary>
    public async Task<(Guid Id, ScoreResult Kept)> AssessmentAsync(
        Guid supplierId, double strength, AssessmentStatus stage, DateTime at, params string[] knockOuts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var lookup = scope.ServiceProvider.GetRequiredService<JurisdictionRiskLookup>();
        await using var db = await app.CreateDbContextAsync();
        var template = await db.TemplateVersions.AsNoTracking().FirstAsync(t => t.Status == TemplateStatus.Published);
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure).AsSplitQuery().FirstAsync(s => s.Id == supplierId);
        var countries = (await lookup.ForAsync(supplier.ExposureCountries())).Select(c => c.Risk).ToList();
        ScoreResult ScoreAt(Assessment a, DateTime when) =>
            ScoringEngine.Score(a.ToScoringInput(supplier.MaxSensitivity, countries, DateOnly.FromDateTime(when)));

        var assessment = Assessment.Start(supplierId, template, AnalystActor, at);
        foreach (var answer in CandidateAnswers.For(assessment.Template, strength, DateOnly.FromDateTime(at), knockOuts.ToHashSet()))
        {
            assessment.RecordAnswer(answer, AnalystActor, at, null);
        }

        ScoreResult? kept = null;
        if (stage != AssessmentStatus.Draft)
        {
            kept = ScoreAt(assessment, at.AddMinutes(1));
            assessment.Submit(kept, AnalystActor, at.AddMinutes(1));
        }

        if (stage is AssessmentStatus.LegalReview or AssessmentStatus.AwaitingDecision or AssessmentStatus.Decided)
        {
            assessment.StartLegalReview(LegalActor, at.AddMinutes(2));
        }

        if (stage is AssessmentStatus.AwaitingDecision or AssessmentStatus.Decided)
        {
            assessment.ForwardToDecision("Proceed on the recorded terms.", LegalActor, at.AddMinutes(3));
        }

        if (stage == AssessmentStatus.Decided)
        {
            kept = ScoreAt(assessment, at.AddMinutes(4));
            var outcome = kept.HasUnwaivedKnockOut ? DecisionOutcome.Rejected : DecisionOutcome.Approved;
            assessment.DecideAlone(outcome, "Decided in the test scenario.", kept, DateOnly.FromDateTime(at).AddYears(1), ExecutiveActor, at.AddMinutes(4));
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return (assessment.Id, kept!);
    }

    /// <summary>Returns an assessment in the workflow to draft, as a legal reviewer does.</summary>
    public async Task ReturnToDraftAsync(Guid assessmentId, DateTime at)
    {
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.Include(a => a.Transitions).FirstAsync(a => a.Id == assessmentId);
        assessment.ReturnToDraft("Evidence does not match the answers.", LegalActor, at);
        await db.SaveChangesAsync();
    }

    public async Task<Guid> ProjectAsync(string name, params Guid[] candidates)
    {
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SourcingCommands>().CreateAsync(
            new SourcingProjectInput { Name = name, Need = "Injection-moulded housing, 50k units/yr" }));
        foreach (var supplier in candidates)
        {
            await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(id, supplier));
        }

        return id;
    }

    public Task<SourcingProjectView?> ViewAsync(Guid projectId, string[]? roles = null) =>
        app.AsUserAsync("reader@test", roles ?? Executive, s => s.GetRequiredService<SourcingQueries>().GetAsync(projectId));

    /// <summary>The executive's choice as the form sends it, on the version the executive sees now.</summary>
    public async Task<PartnerChoiceInput> ChoiceAsync(Guid projectId, Guid supplierId, string memo)
    {
        var view = await ViewAsync(projectId);
        return new PartnerChoiceInput { ProjectId = projectId, Version = view!.Project.Version, SupplierId = supplierId, Memo = memo };
    }
}
