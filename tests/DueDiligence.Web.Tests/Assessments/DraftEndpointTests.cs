using System.Net;
using System.Text.Json;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Client.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Infrastructure.PageApiSession;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The wizard's page API over HTTP with real sign-ins, as the browser's wizard will call it: the draft it reads scores in
/// the browser as on the server; answers are saved and the draft submitted through the use cases, with the session
/// cookie, the antiforgery token, and the same role, record and version rules.
/// </summary>
public sealed class DraftEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Read_ByTheDraftsAnalyst_GivesADraftThatScoresAsTheServerScoresIt()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "IP-02", YesNo = true }, analystId);

        var screen = await ReadDraftAsync(analyst, id);

        var server = await LoadAsync(app, id, analystId);
        Assert.Equal(Json(server.Score), Json(BrowserScore(Assessment.FromCopy(screen.Assessment), screen)));
        Assert.Equal(Json(server.Missing), Json(Assessment.FromCopy(screen.Assessment).MissingForSubmission(screen.Today)));
        Assert.Equal(true, screen.Assessment.Answers.Single(a => a.QuestionCode == "IP-02").YesNo);
        Assert.Equal(server.Supplier.MaxSensitivity, screen.MaxSensitivity);
    }

    [Fact]
    public async Task SaveAnswer_WithTheToken_IsSavedAndTheBrowsersCopyScoresAsTheServerAfterIt()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        var screen = await ReadDraftAsync(analyst, id);
        var input = new AnswerInput { QuestionCode = "LL-01", Maturity = 3, Comment = "Reviewed every quarter." };

        var response = await analyst.SendAsync(HttpMethod.Put, AnswerPath(id, "LL-01"), new AnswerSave(input, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await ReadAsync<SavedAnswer>(response);
        var copy = Assessment.FromCopy(screen.Assessment);
        copy.ApplySavedAnswer(input, saved.SavedBy, saved.SavedAtUtc, saved.Version);
        var server = await LoadAsync(app, id, analystId);
        Assert.Equal(3, server.Assessment.AnswerTo("LL-01")!.Maturity);
        Assert.Equal(saved.Version, server.Assessment.AnswerTo("LL-01")!.Version);
        Assert.Equal(server.Assessment.AnswerTo("LL-01")!.UpdatedByName, saved.SavedBy.Name);
        Assert.Equal(Json(server.Score), Json(BrowserScore(copy, screen)));
    }

    [Fact]
    public async Task SaveAnswer_WithoutTheToken_IsRefusedAndSavesNothing()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);

        var response = await analyst.SendAsync(HttpMethod.Put, AnswerPath(id, "LL-01"), new AnswerSave(new AnswerInput { QuestionCode = "LL-01", Maturity = 3 }, null), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The page's security token is missing or out of date; reload the page and try again.", await DetailAsync(response));
        Assert.Null((await LoadAsync(app, id, analystId)).Assessment.AnswerTo("LL-01"));
    }

    [Fact]
    public async Task SaveAnswer_FromAnOlderVersion_IsRefusedWithWhoChangedIt()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        var first = await AnswerAsync(app, id, new AnswerInput { QuestionCode = "LL-01", Maturity = 1 }, analystId);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "LL-01", Maturity = 2 }, analystId, first.Version);

        var response = await analyst.SendAsync(HttpMethod.Put, AnswerPath(id, "LL-01"), new AnswerSave(new AnswerInput { QuestionCode = "LL-01", Maturity = 4 }, first.Version));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("Question LL-01 was changed by ", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(2, (await LoadAsync(app, id, analystId)).Assessment.AnswerTo("LL-01")!.Maturity);
    }

    [Fact]
    public async Task SaveAnswer_ThatDoesNotFitTheQuestion_IsRefusedWithTheRule()
    {
        var (id, analyst, _) = await DemoAnalystsDraftAsync(app);

        var response = await analyst.SendAsync(HttpMethod.Put, AnswerPath(id, "LL-01"), new AnswerSave(new AnswerInput { QuestionCode = "LL-01", YesNo = true }, null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("LL-01", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAnswer_ToAnotherQuestionThanTheAddressSays_IsRefused()
    {
        var (id, analyst, _) = await DemoAnalystsDraftAsync(app);

        var response = await analyst.SendAsync(HttpMethod.Put, AnswerPath(id, "IP-01"), new AnswerSave(new AnswerInput { QuestionCode = "LL-01", Maturity = 3 }, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The answer is to LL-01, not to IP-01.", await DetailAsync(response));
    }

    [Fact]
    public async Task ReadAndSave_ByLegal_AreForbidden_AndWithoutASessionUnauthorized()
    {
        var (id, _, analystId) = await DemoAnalystsDraftAsync(app);
        var legalAccount = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var legal = await PageApiSession.SignInAsync(app, legalAccount.Email, legalAccount.Password);

        var read = await legal.GetAsync(DraftPath(id));
        var save = await legal.SendAsync(HttpMethod.Put, AnswerPath(id, "LL-01"), new AnswerSave(new AnswerInput { QuestionCode = "LL-01", Maturity = 3 }, null));
        var anonymous = await app.CreateBrowserLikeClient().GetAsync(DraftPath(id));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Null((await LoadAsync(app, id, analystId)).Assessment.AnswerTo("LL-01"));
    }

    [Fact]
    public async Task Submit_WithWorkMissing_ListsIt_ThenOnceCompleteSubmits()
    {
        var (id, analyst, analystId) = await DemoAnalystsDraftAsync(app);

        var incomplete = await analyst.SendAsync(HttpMethod.Post, $"{DraftPath(id)}/submission");
        await AnswerEverythingAsync(app, id, analystId);
        var complete = await analyst.SendAsync(HttpMethod.Post, $"{DraftPath(id)}/submission");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var problem = JsonDocument.Parse(await incomplete.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("missing").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
        Assert.Equal(AssessmentStatus.Submitted, (await LoadAsync(app, id, analystId)).Assessment.Status);
    }

    [Fact]
    public async Task ConfirmSection_OfAReassessment_AnswersItConfirmed_AndTheBrowsersCopyListsWhatIsMissingAsTheServer()
    {
        var (earlier, analyst, analystId) = await DemoAnalystsDraftAsync(app);
        await AnswerEverythingAsync(app, earlier, analystId);
        await SubmitAsync(app, earlier, analystId);
        await AsLegalAsync(app, r => r.StartReviewAsync(earlier));
        await AsLegalAsync(app, r => r.ForwardToDecisionAsync(earlier, "Legal finds no blocking issue; proceed on the recorded terms."));
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(earlier, DecisionOutcome.Approved, "Approved for the page API tests."));
        var supplierId = (await LoadAsync(app, earlier, analystId)).Supplier.Id;
        var id = await app.AsUserAsync(analystId, AnalystRole, s => s.GetRequiredService<StartAssessment>().ReassessAsync(supplierId));
        var screen = await ReadDraftAsync(analyst, id);
        var section = screen.Assessment.CarriedSections[0].SectionCode;

        var response = await analyst.SendAsync(HttpMethod.Post, $"{DraftPath(id)}/sections/{section}/confirmation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmed = await ReadAsync<CarriedSectionCopy>(response);
        Assert.NotNull(confirmed.ConfirmedAtUtc);
        var copy = Assessment.FromCopy(screen.Assessment);
        copy.ApplyConfirmedSection(confirmed);
        var server = await LoadAsync(app, id, analystId);
        Assert.True(server.Assessment.CarriedSections.Single(c => c.SectionCode == section).IsConfirmed);
        Assert.Equal(Json(server.Missing), Json(copy.MissingForSubmission(screen.Today)));
    }

    internal static string DraftPath(Guid id) => $"/page-api/assessments/{id}/draft";

    internal static async Task<DraftScreen> ReadDraftAsync(PageApiSession session, Guid id)
    {
        var response = await session.GetAsync(DraftPath(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<DraftScreen>(response);
    }

    /// <summary>A new draft of the demo analyst's, with their signed-in session and user id.</summary>
    internal static async Task<(Guid Id, PageApiSession Analyst, string AnalystId)> DemoAnalystsDraftAsync(AppFactory app)
    {
        var account = DemoAccounts.ForRole(AppRoles.Analyst);
        var analystId = await app.UserIdAsync(account.Email);
        return (await NewDraftAsync(app, analystId), await PageApiSession.SignInAsync(app, account.Email, account.Password), analystId);
    }

    /// <summary>The score as the browser computes it from the draft it holds.</summary>
    internal static ScoreResult BrowserScore(Assessment draft, DraftScreen screen) =>
        ScoringEngine.Score(draft.ToScoringInput(screen.MaxSensitivity, [.. screen.Countries.Select(c => c.Risk)], screen.Today));

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static string AnswerPath(Guid id, string code) => $"{DraftPath(id)}/answers/{code}";
}
