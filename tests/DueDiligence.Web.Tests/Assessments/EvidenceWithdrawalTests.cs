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

/// <summary>Withdrawing evidence and dating it after upload, through the use cases the wizard calls, on the real database and evidence folder.</summary>
public sealed class EvidenceWithdrawalTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Reason = "Superseded by the renewed certificate.";

    [Fact]
    public async Task WithdrawEvidence_WhenTheOwnerGivesAReason_MarksTheFileAndKeepsItWithItsFingerprint()
    {
        var id = await NewDraftAsync(app);
        var bytes = SampleFiles.Pdf();
        var file = await UploadAsync(id, "DS-01", new MemoryStream(bytes));

        var withdrawn = await WithdrawAsync(id, file.Id, Reason);

        var view = await LoadAsync(app, id);
        var stored = Assert.Single(view.Assessment.Evidence);
        Assert.True(stored.IsWithdrawn);
        Assert.Equal(Reason, stored.WithdrawalReason);
        Assert.Equal(Analyst, stored.WithdrawnByName);
        Assert.Equal(withdrawn.WithdrawnAtUtc, stored.WithdrawnAtUtc);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        await using var onDisk = app.Services.GetRequiredService<EvidenceStore>().OpenRead(stored.StorageKey);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(onDisk)));
    }

    [Fact]
    public async Task WithdrawEvidence_WhenDone_IsInTheAuditTrailWithTheReason()
    {
        var id = await NewDraftAsync(app);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));

        await WithdrawAsync(id, file.Id, Reason);

        await using var db = await app.CreateDbContextAsync();
        var audit = await db.AuditEvents.Where(e => e.EntityKey == file.Id.ToString() && e.Action == AuditAction.Update).ToListAsync();
        var change = Assert.Single(audit);
        Assert.Equal(Analyst, change.Actor);
        Assert.Contains(Reason, change.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawEvidence_WhenTheFileWasTheOnlyEvidence_NoLongerCountsForTheScoreOrTheSubmission()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id, instead: q => q.Code == "DS-01" ? CompleteAnswers.Best(q) with { EvidenceJustification = null } : null);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));
        var withFile = await LoadAsync(app, id);
        Assert.Empty(withFile.Missing);

        await WithdrawAsync(id, file.Id, Reason);

        var after = await LoadAsync(app, id);
        var ds01 = after.Score.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "DS-01");
        Assert.Equal(0.5, ds01.Confidence);
        Assert.True(after.Score.ResidualRisk > withFile.Score.ResidualRisk);
        var missing = Assert.Single(after.Missing);
        Assert.Equal(("DS-01", MissingReason.EvidenceMissing), (missing.QuestionCode, missing.Reason));
        var refusal = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => SubmitAsync(app, id));
        Assert.Equal(["DS-01"], refusal.Missing.Select(m => m.QuestionCode));
    }

    [Theory]
    [InlineData(OtherAnalyst, AppRoles.Analyst, "Only the analyst who started this assessment, or the supplier's owner or a collaborator, withdraws its evidence.")]
    [InlineData(Legal, AppRoles.LegalReviewer, "")]
    public async Task WithdrawEvidence_WhenSomeoneElseTries_IsRefusedAndChangesNothing(string user, string role, string expected)
    {
        var id = await NewDraftAsync(app);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(user, [role], s => s.GetRequiredService<WithdrawEvidence>().ExecuteAsync(id, file.Id, Reason)));

        if (expected.Length > 0)
        {
            Assert.Equal(expected, refusal.Message);
        }

        Assert.False(Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).IsWithdrawn);
    }

    [Fact]
    public async Task WithdrawEvidence_WhenTheAssessmentIsSubmitted_IsRefused()
    {
        var id = await NewDraftAsync(app);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));
        await AnswerEverythingAsync(app, id);
        await SubmitAsync(app, id);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => WithdrawAsync(id, file.Id, Reason));

        Assert.Equal("Evidence can only be withdrawn while the assessment is a draft; this assessment is submitted.", refusal.Message);
    }

    [Fact]
    public async Task ChangeEvidenceExpiry_WhenSetAfterUpload_KeepsTheDateAndTheScoreFollowsIt()
    {
        var id = await NewDraftAsync(app);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-01", YesNo = true });
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);

        var dated = await ChangeExpiryAsync(id, file.Id, expiry);

        Assert.Equal(expiry, dated.ExpiresOn);
        var stored = Assert.Single((await LoadAsync(app, id)).Assessment.Evidence);
        Assert.Equal(expiry, stored.ExpiresOn);

        await ChangeExpiryAsync(id, file.Id, null);
        Assert.Null(Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).ExpiresOn);
    }

    [Fact]
    public async Task ChangeEvidenceExpiry_WhenTheDateIsToday_SaysItWouldNoLongerCount()
    {
        var id = await NewDraftAsync(app);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => ChangeExpiryAsync(id, file.Id, today));

        Assert.StartsWith($"An expiry date of {today:yyyy-MM-dd} means “ISO27001-certificate.pdf” no longer counts as evidence", refusal.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).ExpiresOn);
    }

    [Fact]
    public async Task ChangeEvidenceExpiry_WhenAnotherAnalystTries_IsRefused()
    {
        var id = await NewDraftAsync(app);
        var file = await UploadAsync(id, "DS-01", new MemoryStream(SampleFiles.Pdf()));

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(OtherAnalyst, AnalystRole,
            s => s.GetRequiredService<ChangeEvidenceExpiry>().ExecuteAsync(id, file.Id, new DateOnly(2031, 1, 1))));

        Assert.Equal("Only the analyst who started this assessment, or the supplier's owner or a collaborator, dates its evidence.", refusal.Message);
    }

    [Fact]
    public async Task Rescore_AfterAnAnswerIsAppliedInMemory_MatchesAFreshLoad()
    {
        var id = await NewDraftAsync(app);
        var view = await LoadAsync(app, id);
        var input = new AnswerInput { QuestionCode = "DS-01", YesNo = true, Comment = "Certificate seen." };

        var saved = await AnswerAsync(app, id, input);
        view.Assessment.ApplySavedAnswer(input, saved.SavedBy, saved.SavedAtUtc, saved.Version);
        var rescored = await app.AsUserAsync(Analyst, AnalystRole, s => Task.FromResult(s.GetRequiredService<AssessmentQueries>().Rescore(view)));

        var fresh = await LoadAsync(app, id);
        Assert.Equal(fresh.Score.ResidualRisk, rescored.Score.ResidualRisk);
        Assert.Equal(fresh.Score.Completion, rescored.Score.Completion);
        Assert.Equal(fresh.Missing.Select(m => m.Message), rescored.Missing.Select(m => m.Message));
        Assert.Equal(fresh.Assessment.AnswerTo("DS-01")!.Version, view.Assessment.AnswerTo("DS-01")!.Version);
        // The next save from the screen's copy passes the version check.
        await AnswerAsync(app, id, input with { Comment = "Certificate seen on site." }, expectedVersion: view.Assessment.AnswerTo("DS-01")!.Version);
    }

    private Task<EvidenceFile> UploadAsync(Guid id, string questionCode, Stream content, DateOnly? expiresOn = null) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, questionCode, "ISO27001-certificate.pdf", content, expiresOn));

    private Task<EvidenceFile> WithdrawAsync(Guid id, Guid fileId, string reason) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<WithdrawEvidence>().ExecuteAsync(id, fileId, reason));

    private Task<EvidenceFile> ChangeExpiryAsync(Guid id, Guid fileId, DateOnly? expiresOn) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<ChangeEvidenceExpiry>().ExecuteAsync(id, fileId, expiresOn));
}
