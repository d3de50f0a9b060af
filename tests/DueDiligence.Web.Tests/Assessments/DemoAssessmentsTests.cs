using System.Security.Cryptography;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>The demo assessments a newcomer finds: every workflow state, consistent suppliers, real evidence files.</summary>
public sealed class DemoAssessmentsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Seed_WhenDemoDataIsOn_ShowsAnAssessmentInEveryStateOfTheWorkflow()
    {
        var rows = await ListAsync(AssessmentQueue.All);

        Assert.Equal(
            [
                ("Brightpath Precision Moulding Co., Ltd.", AssessmentStatus.Decided, DecisionOutcome.ApprovedWithConditions),
                ("Eastern Seaboard AutoParts Co., Ltd.", AssessmentStatus.Decided, DecisionOutcome.Approved),
                ("Kinetic Design Studio Pvt. Ltd.", AssessmentStatus.AwaitingDecision, (DecisionOutcome?)null),
                ("Lotus Delta Electronics JSC", AssessmentStatus.Draft, null),
                ("Microline Components Sdn. Bhd.", AssessmentStatus.Submitted, null),
                ("Oder Embedded Systems sp. z o.o.", AssessmentStatus.AwaitingDecision, null),
                ("Visayas Cloudworks Inc.", AssessmentStatus.Decided, DecisionOutcome.Rejected),
                ("Waferlink Semiconductor Corp.", AssessmentStatus.LegalReview, null),
            ],
            rows.OrderBy(r => r.SupplierName, StringComparer.Ordinal).Select(r => (r.SupplierName, r.Status, r.Outcome)));
        Assert.All(rows, r => Assert.Equal("Ana Analyst", r.AnalystName));
        Assert.All(rows.Where(r => r.Status != AssessmentStatus.Draft), r => Assert.NotNull(r.Tier));
    }

    [Fact]
    public async Task Seed_KnockOutAssessment_IsCriticalDoNotProceedBecauseTheSupplierRefusesOurNda()
    {
        var view = await ViewAsync(DemoAssessmentStories.KnockOutSupplier);

        Assert.Equal((RiskTier.Critical, Recommendation.DoNotProceed), (view.Score.Tier, view.Score.Recommendation));
        var knockOut = Assert.Single(view.Score.KnockOuts);
        Assert.Equal(("CT-01", "No", false), (knockOut.QuestionCode, knockOut.TriggeringAnswer, knockOut.Waived));
        Assert.Equal(RiskTier.Critical, view.Assessment.ScoreSnapshots.Single().Tier);
        Assert.Contains(view.Assessment.Findings, f => f.Severity == FindingSeverity.Critical && f.QuestionCode == "CT-01");
    }

    [Fact]
    public async Task Seed_SupplierStatusesTiersAndReassessmentDates_FollowTheirAssessments()
    {
        var suppliers = await SuppliersByNameAsync();
        var decided = await ListAsync(AssessmentQueue.Decided);

        foreach (var row in await ListAsync(AssessmentQueue.All))
        {
            var supplier = suppliers[row.SupplierName];
            if (row.Status != AssessmentStatus.Decided)
            {
                Assert.Equal(SupplierStatus.UnderAssessment, supplier.Status);
                Assert.Null(supplier.LatestTier);
                continue;
            }

            var decision = (await ViewAsync(row.SupplierName)).Assessment.Decision!;
            Assert.Equal(row.Outcome switch
            {
                DecisionOutcome.Approved => SupplierStatus.Approved,
                DecisionOutcome.ApprovedWithConditions => SupplierStatus.ApprovedWithConditions,
                _ => SupplierStatus.Rejected,
            }, supplier.Status);
            Assert.Equal(decision.Tier, supplier.LatestTier);
            Assert.Equal(decision.ResidualRisk, supplier.LatestResidualRisk);
            Assert.Equal(decision.ReassessmentDueOn, supplier.ReassessmentDueOn);
        }

        Assert.Equal(3, decided.Count);
        Assert.Equal(4, suppliers.Values.Count(s => s.Status == SupplierStatus.Prospect));
    }

    [Fact]
    public async Task Seed_DecidedAssessments_GiveTheDashboardAnOverdueAndAnUpcomingReassessment()
    {
        var suppliers = await SuppliersByNameAsync();

        var overdue = suppliers[DemoAssessmentStories.ApprovedWithConditionsSupplier];
        var upcoming = suppliers[DemoAssessmentStories.ApprovedSupplier];

        Assert.Equal(RiskTier.High, overdue.LatestTier);
        Assert.True(overdue.ReassessmentDueOn < Today, $"Brightpath's reassessment was due on {overdue.ReassessmentDueOn}.");
        Assert.Equal(RiskTier.Medium, upcoming.LatestTier);
        Assert.InRange(upcoming.ReassessmentDueOn!.Value.DayNumber - Today.DayNumber, 1, 60);
        Assert.Null(suppliers[DemoAssessmentStories.RejectedSupplier].ReassessmentDueOn);
        var decision = (await ViewAsync(DemoAssessmentStories.ApprovedWithConditionsSupplier)).Assessment;
        Assert.Equal(2, decision.Conditions.Count);
        Assert.Equal(ConditionStatus.Open, decision.Conditions.Select(c => c.Status).Distinct().Single());
    }

    [Fact]
    public async Task Seed_Draft_IsOwnedByTheDemoAnalystPartlyAnsweredWithTheCertificateUploaded()
    {
        var view = await ViewAsync(DemoAssessmentStories.DraftSupplier);
        var demoAnalystId = await DemoUserIdAsync(AppRoles.Analyst);

        Assert.Equal(demoAnalystId, view.Assessment.AnalystId);
        Assert.InRange(view.Assessment.Answers.Count, 10, 30);
        Assert.Contains(view.Missing, m => m.Reason == MissingReason.RequiredUnanswered);
        var certificate = Assert.Single(view.Assessment.Evidence);
        Assert.Equal(("DS-01", "application/pdf"), (certificate.QuestionCode, certificate.ContentType));
        Assert.Matches("^ISO27001-certificate-[0-9]{4}\\.pdf$", certificate.OriginalFileName);
        Assert.True(certificate.ExpiresOn > Today);

        await using var stored = app.Services.GetRequiredService<EvidenceStore>().OpenRead(certificate.StorageKey);
        var bytes = new MemoryStream();
        await stored.CopyToAsync(bytes);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(bytes.ToArray(), 0, 8), StringComparison.Ordinal);
        Assert.Equal(certificate.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
    }

    [Fact]
    public async Task Seed_LegalReviewAndAwaitingDecision_HaveTheirFindingsVerifiedEvidenceAndConditions()
    {
        var inReview = (await ViewAsync(DemoAssessmentStories.LegalReviewSupplier)).Assessment;
        var awaiting = (await ViewAsync(DemoAssessmentStories.AwaitingDecisionSupplier)).Assessment;

        Assert.Single(inReview.Findings);
        var verified = Assert.Single(inReview.Evidence, e => e.IsVerified);
        Assert.Equal("Lee Legal", verified.VerifiedByName);
        Assert.Equal(2, awaiting.Conditions.Count(c => c.Status == ConditionStatus.Open));
        Assert.Equal(AssessmentStatus.AwaitingDecision, awaiting.Status);
    }

    [Fact]
    public async Task Seed_EveryDecision_WasTakenByTheDemoExecutiveOnTheScoreKeptAtThatTime()
    {
        foreach (var row in await ListAsync(AssessmentQueue.Decided))
        {
            var assessment = (await ViewAsync(row.SupplierName)).Assessment;
            var snapshot = Assert.Single(assessment.ScoreSnapshots, s => s.Kind == ScoreSnapshotKind.Decision);

            Assert.Equal("Eve Executive", assessment.Decision!.DecidedByName);
            Assert.Equal(snapshot.Tier, assessment.Decision.Tier);
            Assert.Equal(DateOnly.FromDateTime(assessment.Decision.DecidedAtUtc), snapshot.AsOf);
            Assert.True(assessment.Decision.DecidedAtUtc < DateTime.UtcNow.AddDays(-30));
        }
    }

    [Fact]
    public async Task Seed_Answers_UseEveryKindOfAnswerTheQuestionnaireOffers()
    {
        var answers = new List<AssessmentAnswer>();
        foreach (var row in await ListAsync(AssessmentQueue.All))
        {
            answers.AddRange((await ViewAsync(row.SupplierName)).Assessment.Answers);
        }

        Assert.Contains(answers, a => a.YesNo == true);
        Assert.Contains(answers, a => a.YesNo == false);
        Assert.Equal([0, 1, 2, 3, 4], answers.Where(a => a.Maturity.HasValue).Select(a => a.Maturity!.Value).Distinct().Order());
        Assert.Contains(answers, a => a.OptionCodes.Count > 1);
        Assert.Contains(answers, a => a.Number.HasValue);
        Assert.Contains(answers, a => a.Date.HasValue);
        Assert.Contains(answers, a => a.Text is not null && a.ManualRating.HasValue);
        Assert.Contains(answers, a => a.NotApplicable && a.Comment is not null);
        Assert.Contains(answers, a => a.Comment is not null && !a.NotApplicable);
        Assert.Contains(answers, a => a.EvidenceJustification is not null);
    }

    [Fact]
    public async Task Seed_WhenAssessmentsAlreadyExist_AddsNothing()
    {
        var before = (await ListAsync(AssessmentQueue.All)).Count;

        using (var scope = app.Services.CreateScope())
        {
            await using var db = await app.CreateDbContextAsync();
            await DemoAssessments.SeedAsync(
                db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<EvidenceStore>(),
                DateTime.UtcNow, CancellationToken.None);
        }

        Assert.Equal(before, (await ListAsync(AssessmentQueue.All)).Count);
    }

    private Task<IReadOnlyList<AssessmentRow>> ListAsync(AssessmentQueue queue) =>
        app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<AssessmentListQueries>().FirstPageAsync(queue));

    private async Task<AssessmentView> ViewAsync(string supplierName)
    {
        var row = (await ListAsync(AssessmentQueue.All)).Single(r => r.SupplierName == supplierName);
        return await LoadAsync(app, row.Id, Executive, ExecutiveRole);
    }

    private async Task<Dictionary<string, Supplier>> SuppliersByNameAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.LegalName);
    }

    private async Task<string> DemoUserIdAsync(string role)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoAccounts.ForRole(role).Email);
        return user!.Id;
    }
}
