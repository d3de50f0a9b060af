using System.Net;
using System.Text;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Evidence downloads over HTTP with real sign-ins: who gets the file, and how it is served.</summary>
public sealed class EvidenceDownloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string OtherAnalystPassword = "walnut-harbour-lantern-58";

    /// <summary>A text file, so that a browser would happily render it if it were not served as an attachment.</summary>
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("Site visit notes: badge access to the tool room, CCTV at the gate.\n");

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task Download_WhenUserMayOpenTheEvidence_GetsTheExactFileAsAnAttachmentWithNosniff(string role)
    {
        var url = await UploadAsDemoAnalystAsync();
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("site-visit-notes.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_WhenUserIsAnotherAnalyst_IsForbidden()
    {
        var url = await UploadAsDemoAnalystAsync();
        var email = await CreateOtherAnalystAsync();
        var client = await app.SignInAsync(email, OtherAnalystPassword);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_WhenUserIsAnAdministrator_IsForbidden()
    {
        var url = await UploadAsDemoAnalystAsync();
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = await app.SignInAsync(admin.Email, admin.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Download_WithoutASession_RedirectsToSignIn()
    {
        var url = await UploadAsDemoAnalystAsync();

        var response = await app.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_WhenTheEvidenceBelongsToAnotherAssessment_IsNotFound()
    {
        var url = await UploadAsDemoAnalystAsync();
        var otherAssessment = await NewDraftAsync(app);
        var legal = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var client = await app.SignInAsync(legal.Email, legal.Password);

        var response = await client.GetAsync($"/assessments/{otherAssessment}/evidence/{url.Split('/')[^1]}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The demo analyst starts a draft of a new supplier and uploads the notes; returns the download address.</summary>
    private async Task<string> UploadAsDemoAnalystAsync()
    {
        var analystId = await UserIdAsync(DemoAccounts.ForRole(AppRoles.Analyst).Email);
        var id = await NewDraftAsync(app, analystId);
        var evidence = await app.AsUserAsync(analystId, AnalystRole, s =>
            s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, "MA-02", "site-visit-notes.txt", new MemoryStream(Content), null));
        return $"/assessments/{id}/evidence/{evidence.Id}";
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    private async Task<string> CreateOtherAnalystAsync()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"analyst.{Guid.NewGuid():N}@test.local";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Other Analyst" };
        Assert.True((await users.CreateAsync(user, OtherAnalystPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Analyst)).Succeeded);
        return email;
    }
}
