using System.Net;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Portal;

/// <summary>
/// The portal's access rules, attacked through the real app: guessed, expired, withdrawn and replaced links, files and
/// questions outside the invitation, forms from elsewhere, our own pages, floods. Each is refused with a plain page and
/// recorded as a security event.
/// </summary>
public sealed class PortalSecurityTests : IAsyncDisposable
{
    private readonly PortalApp _portal = new();

    [Fact]
    public async Task OpenLink_WithItsToken_KeepsOnlyTheHashAndExchangesTheTokenForACookieOnAnAddressWithoutIt()
    {
        var (_, link) = await _portal.InvitedDraftAsync();
        var token = link.Path["/portal/".Length..];

        var response = await _portal.Browser().GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location?.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalApp.PortalCookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, setCookie, StringComparison.Ordinal);
        Assert.Equal(43, token.Length); // 256 random bits, base64url
        var stored = await StoredInvitationAsync(link.InvitationId);
        Assert.Equal(PortalToken.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Contains(await _portal.EventsAsync("PortalLinkOpened"), e => e.Actor == $"{PortalApp.Contact} (supplier contact)");
    }

    [Fact]
    public async Task OpenLink_WithAGuessedToken_IsRefusedWithAPlainPageAndASecurityEvent()
    {
        await _portal.InvitedDraftAsync();
        var guess = PortalToken.New().Token;

        var response = await _portal.Browser().GetAsync($"/portal/{guess}");
        var page = await _portal.Browser().GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/portal/refused?reason=UnknownLink", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(PortalApp.PortalCookieName, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This link is not valid.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await _portal.EventsAsync("PortalRefused"), e => e.Changes.Contains("UnknownLink", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenLink_AfterTheDeadlineAndGrace_IsRefusedAsExpired_AndSoIsTheSessionItGaveBefore()
    {
        var (_, link) = await _portal.InvitedDraftAsync();
        var cookie = await _portal.OpenLinkAsync(link);

        _portal.Clock.Advance(TimeSpan.FromDays(14 + 7 + 1));
        var response = await _portal.Browser().GetAsync(link.Path);
        var session = await Assert.ThrowsAsync<PortalRefusedException>(() => _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i)));

        Assert.Equal("/portal/refused?reason=Expired", response.Headers.Location?.OriginalString);
        Assert.Equal(PortalRefusal.Expired, session.Reason);
        Assert.Equal(2, (await _portal.EventsAsync("PortalRefused")).Count(e => e.Changes.Contains("Expired", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpenLink_OnTheLastDayOfGrace_StillWorks()
    {
        var (_, link) = await _portal.InvitedDraftAsync();

        _portal.Clock.Advance(TimeSpan.FromDays(14 + 7));

        Assert.Equal("/portal", (await _portal.Browser().GetAsync(link.Path)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Withdrawn_LinkAndItsSession_AreRefused()
    {
        var (id, link) = await _portal.InvitedDraftAsync();
        var cookie = await _portal.OpenLinkAsync(link);

        await _portal.AsAnalystAsync(async s =>
        {
            await s.GetRequiredService<SupplierInvitations>().RevokeAsync(id, link.InvitationId);
            return true;
        });

        Assert.Equal("/portal/refused?reason=Withdrawn", (await _portal.Browser().GetAsync(link.Path)).Headers.Location?.OriginalString);
        var refused = await Assert.ThrowsAsync<PortalRefusedException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 4 }, null)));
        Assert.Equal(PortalRefusal.Withdrawn, refused.Reason);
        Assert.Null((await _portal.AssessmentAsync(id)).AnswerTo("DS-04"));
    }

    [Fact]
    public async Task Reissued_OldLinkAndOldSession_AreRefused_NewLinkWorks()
    {
        var (id, link) = await _portal.InvitedDraftAsync();
        var cookie = await _portal.OpenLinkAsync(link);

        var fresh = await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierInvitations>().ReissueAsync(id, link.InvitationId, null));

        Assert.Equal("/portal/refused?reason=UnknownLink", (await _portal.Browser().GetAsync(link.Path)).Headers.Location?.OriginalString);
        var refused = await Assert.ThrowsAsync<PortalRefusedException>(() => _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i)));
        Assert.Equal(PortalRefusal.Replaced, refused.Reason);
        Assert.Equal("/portal", (await _portal.Browser().GetAsync(fresh.Path)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Contact_AnsweringOrUploadingToAQuestionOutsideItsSections_IsRefusedAndRecorded()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);

        var answer = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DD-01", Number = 30 }, null)));
        var upload = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.UploadAsync(i, "DD-01", "licence.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()))));

        Assert.Equal(SupplierAccess.NotInInvitation, answer.Message);
        Assert.Equal(SupplierAccess.NotInInvitation, upload.Message);
        var assessment = await _portal.AssessmentAsync(id);
        Assert.Null(assessment.AnswerTo("DD-01"));
        Assert.Empty(assessment.Evidence);
        Assert.Equal(2, (await _portal.EventsAsync("PortalRefused")).Count(e => e.Changes.Contains("OutsideInvitation", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Contact_DownloadingAFileOfAnotherQuestionOrAnotherAssessment_IsRefused_ItsOwnFileIsServed()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var (otherId, otherLink) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        var otherCookie = await _portal.OpenLinkAsync(otherLink);
        var own = await _portal.AsContactAsync(cookie, (p, i) => p.UploadAsync(i, "DS-04", "policy.pdf", new MemoryStream(Evidence.SampleFiles.Pdf())));
        var ours = await _portal.AsAnalystAsync(s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, "DD-01", "register.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()), null));
        var otherContacts = await _portal.AsContactAsync(otherCookie, (p, i) => p.UploadAsync(i, "DS-04", "theirs.pdf", new MemoryStream(Evidence.SampleFiles.Pdf())));

        var served = await _portal.GetAsync(cookie, $"/portal/files/{own.Id}");
        var ourFile = await _portal.GetAsync(cookie, $"/portal/files/{ours.Id}");
        var otherAssessment = await _portal.GetAsync(cookie, $"/portal/files/{otherContacts.Id}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("/portal/refused?reason=OutsideInvitation", ourFile.Headers.Location?.OriginalString);
        Assert.Equal("/portal/refused?reason=OutsideInvitation", otherAssessment.Headers.Location?.OriginalString);
        Assert.NotEqual(id, otherId);
        Assert.Equal(2, (await _portal.EventsAsync("PortalRefused")).Count(e => e.Changes.Contains("OutsideInvitation", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Contact_UploadingARenamedExecutable_IsRefusedByTheSameChecksAsOurUploads()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        byte[] executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

        var refused = await Assert.ThrowsAsync<Web.Infrastructure.Files.EvidenceRejectedException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.UploadAsync(i, "DS-04", "certificate.pdf", new MemoryStream(executable))));

        Assert.Contains("certificate.pdf", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await _portal.AssessmentAsync(id)).Evidence);
    }

    [Fact]
    public async Task PortalForm_PostedWithoutTheAntiforgeryTokenOfOneOfItsPages_IsRefusedAndRecorded()
    {
        var (_, link) = await _portal.InvitedDraftAsync();
        var cookie = await _portal.OpenLinkAsync(link);
        var request = new HttpRequestMessage(HttpMethod.Post, "/portal") { Content = new FormUrlEncodedContent([new("_handler", "submit")]) };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", "https://attacker.example");

        var response = await _portal.Browser().SendAsync(request);

        Assert.Equal("/portal/refused?reason=FormNotFromPortal", response.Headers.Location?.OriginalString);
        Assert.Contains(await _portal.EventsAsync("PortalRefused"), e => e.Changes.Contains("FormNotFromPortal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/suppliers")]
    [InlineData("/assessments")]
    [InlineData("/")]
    public async Task PortalVisitor_AskingForOneOfOurPages_GetsThePortalRefusalNotOurSignInPage(string path)
    {
        var (_, link) = await _portal.InvitedDraftAsync();
        var cookie = await _portal.OpenLinkAsync(link);

        var response = await _portal.GetAsync(cookie, path);
        var page = await _portal.Browser().GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/portal/refused?reason=OutsideInvitation", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This page is not part of your questionnaire.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await _portal.EventsAsync("PortalRefused"), e => e.Changes.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PortalPage_WithoutASession_IsRefused()
    {
        await using var portal = new PortalApp();

        var refused = await Assert.ThrowsAsync<PortalRefusedException>(() => portal.AsContactAsync("", (p, i) => p.LoadAsync(i)));

        Assert.Equal(PortalRefusal.NoSession, refused.Reason);
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<SupplierInvitation> StoredInvitationAsync(Guid id)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SupplierInvitations.AsNoTracking().FirstAsync(i => i.Id == id);
    }
}
