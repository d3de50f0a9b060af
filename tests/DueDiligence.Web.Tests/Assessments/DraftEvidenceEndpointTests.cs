using System.Net;
using System.Net.Http.Headers;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Client.Assessments;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.DraftEndpointTests;
using static DueDiligence.Web.Tests.Infrastructure.PageApiSession;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The wizard's evidence through the page API, as the browser's wizard will send it: a multipart upload checked by size,
/// type and content, a withdrawal and a new expiry; each answers the file's record, which the browser's copy of the
/// draft takes over and then scores as the server does.
/// </summary>
public sealed class DraftEvidenceEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Upload_APdfWithAnExpiry_IsStoredAndTheBrowsersCopyScoresAsTheServerAfterIt()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        var screen = await ReadDraftAsync(analyst, id);
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);

        var response = await analyst.SendAsync(HttpMethod.Post, EvidencePath(id), Form("CT-01", "NDA-signed.pdf", SampleFiles.Pdf(), expires));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await ReadAsync<EvidenceCopy>(response);
        Assert.Equal(("CT-01", "NDA-signed.pdf", expires), (file.QuestionCode, file.OriginalFileName, file.ExpiresOn));
        var server = await LoadAsync(app, id, analystId);
        var stored = Assert.Single(server.Assessment.Evidence);
        Assert.Equal((file.Id, file.Sha256), (stored.Id, stored.Sha256));
        var copy = Assessment.FromCopy(screen.Assessment);
        copy.ApplySavedEvidence(file);
        Assert.Equal(Json(server.Score), Json(BrowserScore(copy, screen)));
        Assert.Equal(Json(server.Missing), Json(copy.MissingForSubmission(screen.Today)));
    }

    [Fact]
    public async Task Upload_OfAnExecutableNamedPdf_IsRefusedWithWhy_AndNothingIsAttached()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);

        var response = await analyst.SendAsync(HttpMethod.Post, EvidencePath(id), Form("CT-01", "ISO27001-certificate.pdf", SampleFiles.WindowsExecutable()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("“ISO27001-certificate.pdf” is named .pdf but its content is not a PDF: it is a Windows executable.", await DetailAsync(response));
        Assert.Empty((await LoadAsync(app, id, analystId)).Assessment.Evidence);
    }

    [Fact]
    public async Task Upload_WithoutTheToken_IsRefused_AndNothingIsAttached()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);

        var response = await analyst.SendAsync(HttpMethod.Post, EvidencePath(id), Form("CT-01", "NDA-signed.pdf", SampleFiles.Pdf()), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await LoadAsync(app, id, analystId)).Assessment.Evidence);
    }

    [Fact]
    public async Task WithdrawAndRedate_AFile_AnswerItsRecordAsTheServerKeepsIt()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        var first = await ReadAsync<EvidenceCopy>(await analyst.SendAsync(HttpMethod.Post, EvidencePath(id), Form("CT-01", "NDA-signed.pdf", SampleFiles.Pdf())));
        var second = await ReadAsync<EvidenceCopy>(await analyst.SendAsync(HttpMethod.Post, EvidencePath(id), Form("CT-02", "audit-notes.txt", SampleFiles.Text())));
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);

        var withdrawn = await analyst.SendAsync(HttpMethod.Post, $"{EvidencePath(id)}/{first.Id}/withdrawal", new EvidenceWithdrawal("Uploaded to the wrong question."));
        var redated = await analyst.SendAsync(HttpMethod.Put, $"{EvidencePath(id)}/{second.Id}/expiry", new EvidenceExpiry(expires));

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Uploaded to the wrong question.", (await ReadAsync<EvidenceCopy>(withdrawn)).WithdrawalReason);
        Assert.Equal(expires, (await ReadAsync<EvidenceCopy>(redated)).ExpiresOn);
        var server = (await LoadAsync(app, id, analystId)).Assessment;
        Assert.True(server.Evidence.Single(e => e.Id == first.Id).IsWithdrawn);
        Assert.Equal(expires, server.Evidence.Single(e => e.Id == second.Id).ExpiresOn);
    }

    private static string EvidencePath(Guid id) => $"{DraftPath(id)}/evidence";

    /// <summary>The upload form as the browser's wizard sends it.</summary>
    private static MultipartFormDataContent Form(string questionCode, string fileName, byte[] content, DateOnly? expiresOn = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(questionCode), "questionCode" }, { file, "file", fileName } };
        if (expiresOn is { } date)
        {
            form.Add(new StringContent(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "expiresOn");
        }

        return form;
    }
}
