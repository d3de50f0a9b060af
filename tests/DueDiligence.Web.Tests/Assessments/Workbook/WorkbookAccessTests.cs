using System.Net;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.Workbook.WorkbookScenarios;

namespace DueDiligence.Web.Tests.Assessments.Workbook;

/// <summary>Only the analysts who work on a draft download and import its questionnaire workbook.</summary>
public sealed class WorkbookAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DownloadAndImport_WhenTheAnalystDoesNotWorkOnTheAssessment_AreRefused()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);

        await Assert.ThrowsAsync<ForbiddenException>(() => DownloadAsync(app, id, user: OtherAnalyst));
        await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(app, id, workbook.Content, user: OtherAnalyst));
    }

    [Fact]
    public async Task DownloadAndImport_WhenTheUserIsLegal_AreRefused()
    {
        var id = await NewDraftAsync(app);
        var workbook = await DownloadAsync(app, id);

        await Assert.ThrowsAsync<ForbiddenException>(() => DownloadAsync(app, id, user: Legal, roles: LegalRole));
        await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(app, id, workbook.Content, user: Legal, roles: LegalRole));
    }

    [Fact]
    public async Task Import_WhenTheAssessmentWasSubmitted_IsRefused()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id);
        var workbook = await DownloadAsync(app, id);
        await SubmitAsync(app, id);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(app, id, workbook.Content));

        Assert.EndsWith("imports its questionnaire, while the assessment is a draft.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadEndpoint_ForTheOwningAnalyst_ServesTheWorkbookAsAnUncachedAttachment()
    {
        var id = await DemoAnalystDraftAsync();
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync($"/assessments/{id}/questionnaire.xlsx?section=DS&section=IP");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(WorkbookLayout.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        List<string> codes = [];
        WorkbookEdits.Apply(await response.Content.ReadAsByteArrayAsync(), w => codes.AddRange(w.Codes()));
        Assert.Equal(15, codes.Count);
        Assert.All(codes, c => Assert.True(c.StartsWith("IP-", StringComparison.Ordinal) || c.StartsWith("DS-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task DownloadEndpoint_ForOtherRoles_IsForbidden(string role)
    {
        var id = await DemoAnalystDraftAsync();
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync($"/assessments/{id}/questionnaire.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<Guid> DemoAnalystDraftAsync()
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoAccounts.ForRole(AppRoles.Analyst).Email);
        return await NewDraftAsync(app, user!.Id);
    }
}
