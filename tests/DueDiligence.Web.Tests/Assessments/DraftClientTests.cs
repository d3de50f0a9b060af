using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Client.Assessments;
using DueDiligence.Web.Client.Shared;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.DraftEndpointTests;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The browser's wizard's client and the draft it holds, against the real app over HTTP: saves are taken over and scored
/// as the server scores them; the server's refusals arrive as the page's sentences, a submission that misses work with
/// its items.
/// </summary>
public sealed class DraftClientTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Saves_TakenOverByTheSession_ScoreAndListWhatIsMissingAsTheServer()
    {
        var (id, client, analystId) = await DemoAnalystsClientAsync();
        var session = new DraftSession(await client.ReadAsync(id));

        var input = new AnswerInput { QuestionCode = "LL-01", Maturity = 4 };
        session.AnswerSaved(input, await client.SaveAnswerAsync(id, input, null));
        session.EvidenceSaved(await client.UploadEvidenceAsync(id, "CT-01", "NDA-signed.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()), null));

        var server = await LoadAsync(app, id, analystId);
        Assert.Equal(Json(server.Score), Json(session.Score));
        Assert.Equal(Json(server.Missing), Json(session.Missing));
    }

    [Fact]
    public async Task ARefusal_ArrivesAsThePagesSentence()
    {
        var (id, client, _) = await DemoAnalystsClientAsync();

        var refusal = await Assert.ThrowsAsync<PageApiRefusal>(() => client.SaveAnswerAsync(id, new AnswerInput { QuestionCode = "NO-SUCH" }, null));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, refusal.Status);
        Assert.StartsWith("Question “NO-SUCH” is not part of this assessment's questionnaire", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithWorkMissing_ThrowsTheItems()
    {
        var (id, client, analystId) = await DemoAnalystsClientAsync();

        var incomplete = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => client.SubmitAsync(id));

        Assert.Equal(Json((await LoadAsync(app, id, analystId)).Missing), Json(incomplete.Missing));
    }

    [Fact]
    public async Task WithoutASession_SaysToSignInAgain()
    {
        var (id, _, _) = await DemoAnalystsClientAsync();
        var signedOut = new DraftClient(app.CreateBrowserLikeClient(), new FixedToken(null));

        var refusal = await Assert.ThrowsAsync<PageApiRefusal>(() => signedOut.ReadAsync(id));

        Assert.Equal("Your session has ended; sign in again to go on. What you saved is kept.", refusal.Message);
    }

    private async Task<(Guid Id, DraftClient Client, string AnalystId)> DemoAnalystsClientAsync()
    {
        var account = DemoAccounts.ForRole(AppRoles.Analyst);
        var analystId = await app.UserIdAsync(account.Email);
        var http = await app.SignInAsync(account.Email, account.Password);
        var token = Html.HiddenValue(await http.GetStringAsync("/"), "__RequestVerificationToken");
        return (await NewDraftAsync(app, analystId), new DraftClient(http, new FixedToken(token)), analystId);
    }

    /// <summary>The token the signed-in page gave the browser's components (in the app, the framework's own provider hands it over).</summary>
    private sealed class FixedToken(string? value) : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => value is null ? null : new AntiforgeryRequestToken(value, "__RequestVerificationToken");
    }
}
