using System.Security.Cryptography;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Uploads through the use case the wizard calls, on the real evidence folder of the app.</summary>
public sealed class EvidenceUploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Accepted = "Accepted: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), text (.txt), e-mail (.eml, .msg).";
    private const long MegaByte = 1024 * 1024;

    public static TheoryData<string, string, string> RefusedUploads => new()
    {
        { "declared-oversize", "site-audit-video.pdf", "“site-audit-video.pdf” is 30 MB; the limit is 25 MB." },
        { "streamed-oversize", "site-audit-video.pdf", "“site-audit-video.pdf” is larger than the limit of 25 MB." },
        { "executable", "supplier-tool.exe", $"“supplier-tool.exe”: files of type .exe are not accepted. {Accepted}" },
        { "executable", "ISO27001-certificate.pdf", "“ISO27001-certificate.pdf” is named .pdf but its content is not a PDF: it is a Windows executable." },
        { "empty", "nda-signed.pdf", "“nda-signed.pdf” is empty." },
        { "pdf", "../../keys/nda-signed.pdf", "The file name “../../keys/nda-signed.pdf” contains path characters; rename the file and upload it again." },
        { "pdf", @"C:\scans\nda-signed.pdf", @"The file name “C:\scans\nda-signed.pdf” contains path characters; rename the file and upload it again." },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task ExecuteAsync_WhenTheFileIsRefused_SaysWhyAndChangesNothing(string content, string fileName, string expected)
    {
        var id = await NewDraftAsync(app);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-01", YesNo = true, Comment = "Certificate sent by e-mail." });
        await UploadAsync(id, "DS-01", "ISO27001-certificate.pdf", new MemoryStream(SampleFiles.Pdf()));
        var before = await LoadAsync(app, id);
        var filesBefore = EvidenceFolder();

        var refusal = await Assert.ThrowsAsync<EvidenceRejectedException>(() => UploadAsync(id, "DS-01", fileName, Upload(content)));

        Assert.Equal(expected, refusal.Message);
        var after = await LoadAsync(app, id);
        Assert.Equal(
            before.Assessment.Answers.Select(a => (a.QuestionCode, a.Version, a.YesNo, a.Comment)),
            after.Assessment.Answers.Select(a => (a.QuestionCode, a.Version, a.YesNo, a.Comment)));
        Assert.Equal(["ISO27001-certificate.pdf"], after.Assessment.Evidence.Select(e => e.OriginalFileName));
        Assert.Equal(before.Assessment.Version, after.Assessment.Version);
        Assert.Equal(filesBefore, EvidenceFolder());
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheFileIsAcceptable_AttachesItToTheQuestionWithItsFingerprint()
    {
        var id = await NewDraftAsync(app);
        var bytes = SampleFiles.Pdf();

        var evidence = await UploadAsync(id, "CT-01", "NDA-signed.pdf", new MemoryStream(bytes), new DateOnly(2030, 6, 30));

        var view = await LoadAsync(app, id);
        var stored = Assert.Single(view.Assessment.Evidence);
        Assert.Equal(evidence.Id, stored.Id);
        Assert.Equal("CT-01", stored.QuestionCode);
        Assert.Equal("NDA-signed.pdf", stored.OriginalFileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(new DateOnly(2030, 6, 30), stored.ExpiresOn);
        Assert.Equal(Analyst, stored.UploadedByName);
        Assert.False(stored.IsVerified);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheDocumentHasAlreadyExpired_SaysSoAndKeepsNoFile()
    {
        var id = await NewDraftAsync(app);
        var filesBefore = EvidenceFolder();

        var refusal = await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
            UploadAsync(id, "DS-01", "ISO27001-certificate-2019.pdf", new MemoryStream(SampleFiles.Pdf()), new DateOnly(2022, 3, 31)));

        Assert.Equal(
            "“ISO27001-certificate-2019.pdf” expired on 2022-03-31, so it cannot count as evidence; upload a current document or correct the expiry date.",
            refusal.Message);
        Assert.Empty((await LoadAsync(app, id)).Assessment.Evidence);
        Assert.Equal(filesBefore, EvidenceFolder());
    }

    private static Stream Upload(string content) => content switch
    {
        "declared-oversize" => new GeneratedUpload(30 * MegaByte, statesItsLength: true),
        "streamed-oversize" => new GeneratedUpload(40 * MegaByte, statesItsLength: false),
        "executable" => new MemoryStream(SampleFiles.WindowsExecutable()),
        "empty" => new MemoryStream(),
        _ => new MemoryStream(SampleFiles.Pdf()),
    };

    private Task<EvidenceFile> UploadAsync(Guid id, string questionCode, string fileName, Stream content, DateOnly? expiresOn = null) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, questionCode, fileName, content, expiresOn));

    /// <summary>Every file in the app's evidence folder, temporary ones included.</summary>
    private List<string> EvidenceFolder() =>
        Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
