using System.Net;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Reassessments.QuestionnaireApp;

namespace DueDiligence.Web.Tests.Reassessments;

/// <summary>
/// Starting a reassessment from the supplier's previous decided assessment: who may, what is carried onto the newest
/// published version (answers by question code, evidence as links), the confirmation of carried sections before
/// submission, and the comparison with the previous assessment.
/// </summary>
public sealed partial class ReassessmentTests(ReassessmentApp app) : IClassFixture<ReassessmentApp>
{
    [Fact]
    public async Task ReassessAsync_ByTheOwner_CarriesAnswersByCodeOntoTheNewestPublishedVersion()
    {
        var (supplierId, previousId) = await DecidedSupplierAsync();

        var id = await app.ReassessAsync(supplierId);

        var view = await app.LoadAsync(id);
        var assessment = view.Assessment;
        Assert.Equal((2, previousId), (assessment.TemplateVersionNumber, assessment.CarriedFromAssessmentId));
        Assert.Equal(true, assessment.AnswerTo("GV-01")!.YesNo);
        Assert.Null(assessment.AnswerTo("GV-02"));
        Assert.Null(assessment.AnswerTo("SC-01"));
        Assert.Null(assessment.AnswerTo("SC-03"));
        Assert.Equal(
            [
                ("GV-02", CarryForwardNoteKind.AnswerNotCarried, "The question changed from maturity to Yes/No; answer it again."),
                ("SC-01", CarryForwardNoteKind.AnswerNotCarried, "The earlier answer “On the shop floor” is no longer offered; answer it again."),
                ("SC-02", CarryForwardNoteKind.NoLongerAsked, "No longer asked (its earlier answer is kept in the previous assessment)."),
            ],
            assessment.CarryForwardNotes.Select(n => (n.QuestionCode, n.Kind, n.Message)));
        Assert.Equal([("GV", 1, 1, false)], assessment.CarriedSections.Select(s => (s.SectionCode, s.CarriedAnswers, s.CarriedEvidence, s.IsConfirmed)));
        Assert.Equal(SupplierStatusAfterStart, (await SupplierAsync(supplierId)).Status);
    }

    [Fact]
    public async Task ReassessAsync_LinksTheEarlierEvidenceFile_WithoutCopyingIt_AndServesItThroughTheReassessment()
    {
        var (supplierId, previousId) = await DecidedSupplierAsync();
        var filesBefore = Directory.GetFiles(app.App.Services.GetRequiredService<EvidenceFolder>().Path, "*", SearchOption.AllDirectories).Length;

        var id = await app.ReassessAsync(supplierId);

        var earlier = Assert.Single((await app.LoadAsync(previousId)).Assessment.Evidence);
        var carried = Assert.Single((await app.LoadAsync(id)).Assessment.Evidence);
        Assert.Equal((earlier.StorageKey, earlier.Sha256, earlier.ExpiresOn, earlier.Id), (carried.StorageKey, carried.Sha256, carried.ExpiresOn, carried.CarriedFromId));
        Assert.Equal(filesBefore, Directory.GetFiles(app.App.Services.GetRequiredService<EvidenceFolder>().Path, "*", SearchOption.AllDirectories).Length);

        using var executive = await app.SignInAsync(AppRoles.Executive);
        var download = await executive.GetAsync($"/assessments/{id}/evidence/{carried.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        var elsewhere = await executive.GetAsync($"/assessments/{previousId}/evidence/{carried.Id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(OtherAnalyst, AppRoles.Analyst)]
    [InlineData(Legal, AppRoles.LegalReviewer)]
    [InlineData(Executive, AppRoles.Executive)]
    [InlineData(Admin, AppRoles.Admin)]
    public async Task ReassessAsync_ByAnyoneOutsideTheSupplierTeam_IsRefusedAndStartsNothing(string user, string role)
    {
        var (supplierId, _) = await DecidedSupplierAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.ReassessAsync(supplierId, user, [role]));

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.SupplierId == supplierId));
    }

    [Fact]
    public async Task ReassessAsync_WhenTheSupplierWasNeverDecided_IsRefusedWithTheReason()
    {
        var supplierId = await app.NewSupplierAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => app.ReassessAsync(supplierId));

        Assert.EndsWith("has no decided assessment to reassess from; start a new assessment instead.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReassessAsync_WhileAReassessmentIsOpen_IsRefused()
    {
        var (supplierId, _) = await DecidedSupplierAsync();
        await app.ReassessAsync(supplierId);

        var error = await Assert.ThrowsAsync<DomainException>(() => app.ReassessAsync(supplierId));

        Assert.Contains("already has an assessment in progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WhileACarriedSectionIsUnconfirmed_IsRefusedUntilTheTeamConfirmsIt()
    {
        var (supplierId, _) = await DecidedSupplierAsync();
        var id = await app.ReassessAsync(supplierId);
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "GV-02", YesNo = true });
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "SC-01", OptionCodes = ["A"] });

        var refusal = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => SubmitAsync(id));
        var item = Assert.Single(refusal.Missing);
        Assert.Equal((MissingReason.CarriedSectionUnconfirmed, "GV"), (item.Reason, item.SectionCode));
        Assert.Equal(
            "The assessment cannot be submitted yet: 1 item is missing. Confirm section “Governance”: its answers were carried forward from the previous "
            + "assessment; check they are still accurate and press “Confirm section”.",
            refusal.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(OtherAnalyst, AnalystRole, s => s.GetRequiredService<ConfirmCarriedSection>().ExecuteAsync(id, "GV")));

        var confirmed = await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<ConfirmCarriedSection>().ExecuteAsync(id, "GV"));
        await SubmitAsync(id);

        Assert.Equal((Analyst, app.Clock.GetUtcNow().UtcDateTime.Date), (confirmed.ConfirmedByName, confirmed.ConfirmedAtUtc!.Value.Date));
        Assert.Equal(AssessmentStatus.Submitted, (await app.LoadAsync(id)).Assessment.Status);
    }

    [Fact]
    public async Task CompareAsync_ForEveryReader_ShowsAnswersSectionScoresKnockOutsAndRiskAgainstThePreviousDecision()
    {
        var (supplierId, previousId) = await DecidedSupplierAsync();
        var id = await app.ReassessAsync(supplierId);
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "GV-01", YesNo = false });
        var previous = (await app.LoadAsync(previousId)).Score;
        var now = (await app.LoadAsync(id)).Score;

        foreach (var (user, role) in new[] { (OtherAnalyst, AppRoles.Analyst), (Legal, AppRoles.LegalReviewer), (Executive, AppRoles.Executive) })
        {
            var comparison = (await app.AsUserAsync(user, [role], s => s.GetRequiredService<AssessmentChanges>().CompareAsync(id)))!;

            Assert.Equal((previous.Tier, previous.ResidualRisk, previous.ControlScore), (comparison.Previous.Tier, comparison.Previous.ResidualRisk, comparison.Previous.ControlScore));
            Assert.Equal((RiskTierCritical, now.ResidualRisk, now.ControlScore), (comparison.Current.Tier, comparison.Current.ResidualRisk, comparison.Current.ControlScore));
            Assert.StartsWith("decision of ", comparison.Previous.Basis, StringComparison.Ordinal);
            Assert.Equal("live score today", comparison.Current.Basis);
            Assert.Equal(
                [
                    ("GV-01", "Yes", "No"),
                    ("GV-02", "Level 3 (Managed)", "Not answered"),
                    ("SC-01", "On the shop floor", "Not answered"),
                    ("SC-03", AssessmentChanges.NotAsked, "Not answered"),
                    ("SC-02", "Visitors are escorted.", AssessmentChanges.NotAsked),
                ],
                comparison.Answers.Select(a => (a.QuestionCode, a.Before, a.After)));
            Assert.Equal(
                [("GV", previous.Sections[0].Score, now.Sections[0].Score), ("SC", previous.Sections[1].Score, now.Sections[1].Score)],
                comparison.Sections.Select(s => (s.Code, s.Before, s.After)));
            Assert.Equal(
                [("GV-01", "Not triggered", "Triggered (No)"), ("SC-01", "Not triggered", "Not triggered")],
                comparison.KnockOuts.Select(k => (k.QuestionCode, k.Before, k.After)));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<AssessmentChanges>().CompareAsync(id)));
    }

    private const Domain.Suppliers.SupplierStatus SupplierStatusAfterStart = Domain.Suppliers.SupplierStatus.UnderAssessment;

    private const Domain.Scoring.RiskTier RiskTierCritical = Domain.Scoring.RiskTier.Critical;

    private Task<(Guid SupplierId, Guid AssessmentId)> DecidedSupplierAsync() => Task.FromResult(app.TakeDecidedSupplier());

    private Task SubmitAsync(Guid id) => app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));

    private async Task<Domain.Suppliers.Supplier> SupplierAsync(Guid supplierId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == supplierId);
    }
}
