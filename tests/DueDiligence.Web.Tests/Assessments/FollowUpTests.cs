using System.Net;
using System.Security.Cryptography;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// Following up the conditions and findings of a decided assessment through the use case the panel calls: who may (role
/// and relation to the supplier), files through the evidence checks, the audit trail, and a decision that never changes.
/// </summary>
public sealed class FollowUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, bool> People => new()
    {
        { "owner", true },
        { "collaborator", true },
        { "legal", true },
        { "other analyst", false },
        { "executive", false },
        { "admin", false },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task TakeStep_ByEachRoleAndRelation_IsAllowedOnlyToTheSuppliersTeamAndLegal(string who, bool allowed)
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        if (who == "collaborator")
        {
            await scenario.AddCollaboratorAsync(app, OtherAnalyst);
        }

        var (user, roles) = who switch
        {
            "owner" => (Analyst, AnalystRole),
            "collaborator" or "other analyst" => (OtherAnalyst, AnalystRole),
            "legal" => (Legal, LegalRole),
            "executive" => (Executive, ExecutiveRole),
            _ => (Admin, AdminRole),
        };
        var before = await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole);

        var start = () => StepAsync(scenario, user, roles, scenario.Condition, FollowUpStep.Start);

        if (allowed)
        {
            await start();
            var after = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment;
            var condition = Assert.Single(after.Conditions);
            Assert.Equal(ConditionStatus.InProgress, condition.Status);
            Assert.Equal((RemediationAction.Started, user), Assert.Single(condition.History.Select(s => (s.Action, s.ByName))));
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(start);
            var after = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment;
            Assert.Equal(ConditionStatus.Open, Assert.Single(after.Conditions).Status);
            Assert.Empty(after.Conditions[0].History);
            Assert.Equal(before.Assessment.Version, after.Version);
        }
    }

    [Fact]
    public async Task TakeStep_BeforeTheDecision_IsRefusedHereSinceReviewTakesCareOfIt()
    {
        var id = await ReviewScenarios.InLegalReviewAsync(app);
        await AsLegalAsync(app, r => r.AddConditionAsync(id, new ConditionDetails(FollowUpScenario.ConditionText, FollowUpScenario.Today.AddDays(9))));
        var conditionId = (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Conditions[0].Id;

        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<FollowUpAssessment>()
            .TakeStepAsync(id, new FollowUpItem(FollowUpKind.Condition, conditionId), FollowUpStep.Start, null, null)));

        Assert.Equal(
            "Conditions and findings are followed up here once the assessment is decided; until then legal review and the approver take care of them.",
            error.Message);
    }

    [Fact]
    public async Task TakeStep_MarkingMetAndWaiving_LeavesTheDecisionAsItWas()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        var before = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment.Decision!;

        await StepAsync(scenario, Analyst, AnalystRole, scenario.Condition, FollowUpStep.Complete);
        await StepAsync(scenario, Legal, LegalRole, scenario.Finding, FollowUpStep.Waive, "Covered by the group audit clause.");

        var after = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment;
        Assert.Equal(AssessmentStatus.Decided, after.Status);
        Assert.Equal(Fields(before), Fields(after.Decision!));
        Assert.Equal((ConditionStatus.Met, Analyst), (after.Conditions[0].Status, after.Conditions[0].MetByName));
        Assert.Equal((FindingStatus.Waived, "Covered by the group audit clause."), (after.Findings[0].Status, after.Findings[0].WaiverReason));
    }

    [Fact]
    public async Task TakeStep_WaivedWithoutAReason_SaysWhatIsMissingAndChangesNothing()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            StepAsync(scenario, Legal, LegalRole, scenario.Condition, FollowUpStep.Waive, "  "));

        Assert.Equal($"Say why the condition “{FollowUpScenario.ConditionText}” is waived.", error.Message);
        Assert.Equal(ConditionStatus.Open, (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment.Conditions[0].Status);
    }

    [Fact]
    public async Task TakeStep_WithAnExecutableNamedPdf_RefusesTheFileAndKeepsNeitherTheFileNorTheStatusChange()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        var before = await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole);
        var filesBefore = EvidenceFolder();

        var refusal = await Assert.ThrowsAsync<EvidenceRejectedException>(() => StepAsync(
            scenario, Analyst, AnalystRole, scenario.Condition, FollowUpStep.Complete,
            file: new FulfilmentFile("nda-addendum-signed.pdf", new MemoryStream(SampleFiles.WindowsExecutable()))));

        Assert.Equal("“nda-addendum-signed.pdf” is named .pdf but its content is not a PDF: it is a Windows executable.", refusal.Message);
        var after = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment;
        Assert.Equal(ConditionStatus.Open, after.Conditions[0].Status);
        Assert.Empty(after.Conditions[0].Evidence);
        Assert.Equal(before.Assessment.Version, after.Version);
        Assert.Equal(filesBefore, EvidenceFolder());
    }

    [Fact]
    public async Task TakeStep_WhenTheStepIsRefusedAfterTheFileWasStored_RemovesTheFileAgain()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        var filesBefore = EvidenceFolder();

        await Assert.ThrowsAsync<DomainException>(() => StepAsync(
            scenario, Legal, LegalRole, scenario.Finding, FollowUpStep.Waive, reason: null,
            file: new FulfilmentFile("audit-clause.pdf", new MemoryStream(SampleFiles.Pdf()))));

        Assert.Equal(filesBefore, EvidenceFolder());
        Assert.Empty((await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment.Findings[0].Evidence);
    }

    [Fact]
    public async Task TakeStep_MetWithAFile_KeepsItWithItsFingerprintForDownloadByLegalButNotByAnAdministrator()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        var bytes = SampleFiles.Pdf();

        await StepAsync(scenario, Analyst, AnalystRole, scenario.Condition, FollowUpStep.Complete,
            file: new FulfilmentFile("nda-addendum-signed.pdf", new MemoryStream(bytes)));

        var condition = (await LoadAsync(app, scenario.AssessmentId, Legal, LegalRole)).Assessment.Conditions[0];
        var file = Assert.Single(condition.Evidence);
        Assert.Equal(("nda-addendum-signed.pdf", Convert.ToHexStringLower(SHA256.HashData(bytes)), Analyst), (file.OriginalFileName, file.Sha256, file.UploadedByName));
        Assert.Equal([RemediationAction.EvidenceAttached, RemediationAction.Completed], condition.History.Select(s => s.Action));
        Assert.StartsWith(Path.Combine(app.DataDirectory, "evidence"), EvidenceFolder().Single(f => f.EndsWith(file.StorageKey, StringComparison.Ordinal)), StringComparison.Ordinal);

        var url = $"/assessments/{scenario.AssessmentId}/evidence/{file.Id}";
        var legal = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var response = await (await app.SignInAsync(legal.Email, legal.Password)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(admin.Email, admin.Password)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TakeStep_Always_LeavesAuditEventsOfTheStatusChangeAndTheHistoryStep()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);

        await StepAsync(scenario, Analyst, AnalystRole, scenario.Finding, FollowUpStep.Start);

        await using var db = await app.CreateDbContextAsync();
        var findingKey = scenario.FindingId.ToString();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityType == "Finding" && e.EntityKey == findingKey) || e.EntityType == "RemediationStep")
            .ToListAsync();
        var update = Assert.Single(events, e => e.EntityType == "Finding" && e.Action == AuditAction.Update);
        Assert.Equal(Analyst, update.Actor);
        Assert.Contains("\"InProgress\"", update.Changes, StringComparison.Ordinal);
        Assert.Contains(events, e => e.EntityType == "RemediationStep" && e.Action == AuditAction.Insert && e.Actor == Analyst && e.Changes.Contains(findingKey, StringComparison.Ordinal));
    }

    private static (DecisionOutcome, string, DateTime, string, Domain.Scoring.RiskTier, double, DateOnly?) Fields(AssessmentDecision d) =>
        (d.Outcome, d.Rationale, d.DecidedAtUtc, d.DecidedById, d.Tier, d.ResidualRisk, d.ReassessmentDueOn);

    private Task<Assessment> StepAsync(
        FollowUpScenario scenario, string user, string[] roles, FollowUpItem item, FollowUpStep step, string? reason = null, FulfilmentFile? file = null) =>
        app.AsUserAsync(user, roles, s => s.GetRequiredService<FollowUpAssessment>().TakeStepAsync(scenario.AssessmentId, item, step, reason, file));

    /// <summary>Every file in the app's evidence folder, temporary ones included.</summary>
    private List<string> EvidenceFolder() =>
        Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
