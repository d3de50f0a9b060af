using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Tests.Portal;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>
/// The supplier portal's e-mails, received by a real SMTP server on loopback: the invitation with its link (whose body the
/// outbox forgets once sent), the optional one-time code on first use from a new browser, and the reminder that a link is
/// about to stop working.
/// </summary>
public sealed partial class PortalMailTests(MailApp mail) : IClassFixture<MailApp>
{
    private readonly RecordTeamScenario _team = new(mail.App);

    [Fact]
    public async Task Invite_EmailsTheContactItsLinkWithTheInvitation_TheLinkOpensThePortal_AndTheStoredBodyIsEmptiedOnceSent()
    {
        var (analyst, assessmentId, link, contact) = await InvitedAsync("Lan <b>Nguyen</b>", asksForCode: false);
        var row = await OutboxRowToAsync(contact);
        Assert.Null(row.RecipientId);
        Assert.Contains(link.Path, row.TextBody, StringComparison.Ordinal);

        await mail.SendDueAsync();

        var received = Assert.Single(mail.ReceivedBy(contact));
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.Equal($"{analyst.Name} asks you to answer questions about {await SupplierNameAsync(assessmentId)}", received.Subject);
        var url = $"{MailApp.AppUrl}{link.Path}";
        Assert.Contains(url, received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Data security", received.TextBody, StringComparison.Ordinal);
        Assert.Contains(DateOnly.FromDateTime(mail.Clock.GetUtcNow().UtcDateTime).AddDays(14).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lan &lt;b&gt;Nguyen&lt;/b&gt;", received.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", received.HtmlBody, StringComparison.Ordinal);
        var sent = await OutboxRowToAsync(contact);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal("", sent.TextBody);
        Assert.Equal("", sent.HtmlBody);
        Assert.Equal(received.Subject, sent.Subject);
        Assert.Equal(contact, sent.ToAddress);

        var opened = await new Browser(mail).GetAsync(new Uri(UrlIn(received.TextBody ?? "")).AbsolutePath);
        Assert.Equal("/portal", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NewLink_IsEmailedToo_AndTheOldOneNoLongerWorks()
    {
        var (analyst, assessmentId, link, contact) = await InvitedAsync("Minh Tran", asksForCode: false);
        await mail.SendDueAsync();

        var fresh = await _team.AsAsync(analyst, s => s.GetRequiredService<SupplierInvitations>().ReissueAsync(assessmentId, link.InvitationId, null));
        await mail.SendDueAsync();

        var mails = mail.ReceivedBy(contact);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("A new link", mails[1].Subject, StringComparison.Ordinal);
        Assert.Contains($"{MailApp.AppUrl}{fresh.Path}", mails[1].TextBody, StringComparison.Ordinal);
        var browser = new Browser(mail);
        Assert.Equal("/portal/refused?reason=UnknownLink", (await browser.GetAsync(link.Path)).Headers.Location?.OriginalString);
        Assert.Equal("/portal", (await browser.GetAsync(fresh.Path)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Code_OnFirstUseInABrowser_IsEmailed_TheRightCodeOpensThePortal_ThatBrowserIsNotAskedAgain_ASecondBrowserIs()
    {
        var (_, _, link, contact) = await InvitedAsync("Hoa Le", asksForCode: true);
        var first = new Browser(mail);

        var opened = await first.GetAsync(link.Path);

        Assert.Equal(PortalEndpoints.CodePath, opened.Headers.Location?.OriginalString);
        Assert.False(first.Has(PortalApp.PortalCookieName));
        var code = await CodeMailedToAsync(contact);
        var page = await first.GetAsync(PortalEndpoints.CodePath);
        Assert.Contains("h•••@", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var accepted = await first.PostCodeAsync(code);
        Assert.Equal(PortalEndpoints.PagePath, Target(accepted));
        Assert.True(first.Has(PortalApp.PortalCookieName));
        Assert.Contains(await EventsAsync("PortalLinkOpened"), e => e.Contains("one-time code accepted", StringComparison.Ordinal));

        Assert.Equal(PortalEndpoints.PagePath, (await first.GetAsync(link.Path)).Headers.Location?.OriginalString);
        var second = new Browser(mail);
        Assert.Equal(PortalEndpoints.CodePath, (await second.GetAsync(link.Path)).Headers.Location?.OriginalString);
        Assert.NotEqual(code, await CodeMailedToAsync(contact));
    }

    [Fact]
    public async Task Code_Wrong_ShowsTheCodePageAgainWithTheTriesLeft_AndIsRecorded()
    {
        var (_, _, link, contact) = await InvitedAsync("Duc Pham", asksForCode: true);
        var browser = new Browser(mail);
        await browser.GetAsync(link.Path);
        var code = await CodeMailedToAsync(contact);

        var wrong = await browser.PostCodeAsync(Other(code));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var text = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("That code is not right.", text, StringComparison.Ordinal);
        Assert.Contains("4 tries left", text, StringComparison.Ordinal);
        Assert.False(browser.Has(PortalApp.PortalCookieName));
        Assert.Contains(await EventsAsync("PortalRefused"), e => e.Contains("WrongCode", StringComparison.Ordinal) && e.Contains(contact, StringComparison.Ordinal));
        Assert.Equal(PortalEndpoints.PagePath, Target(await browser.PostCodeAsync(code)));
    }

    [Fact]
    public async Task Code_AfterFifteenMinutes_IsRefusedAsExpired()
    {
        var (_, _, link, contact) = await InvitedAsync("Thu Vo", asksForCode: true);
        var browser = new Browser(mail);
        await browser.GetAsync(link.Path);
        var code = await CodeMailedToAsync(contact);

        mail.Clock.Advance(TimeSpan.FromMinutes(15));
        var late = await browser.PostCodeAsync(code);

        Assert.Equal("/portal/refused?reason=CodeExpired", Target(late));
        Assert.False(browser.Has(PortalApp.PortalCookieName));
        Assert.Contains(await EventsAsync("PortalRefused"), e => e.Contains("CodeExpired", StringComparison.Ordinal) && e.Contains(contact, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Code_AfterFiveWrongTries_IsRefused_EvenTheRightOne()
    {
        var (_, _, link, contact) = await InvitedAsync("Khanh Bui", asksForCode: true);
        var browser = new Browser(mail);
        await browser.GetAsync(link.Path);
        var code = await CodeMailedToAsync(contact);
        var pending = browser.CookieHeader;

        var statuses = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var response = await browser.PostCodeAsync(Other(code));
            statuses.Add(Target(response) ?? response.StatusCode.ToString());
        }

        // The browser forgot the code; one that kept its cookie cannot try the right code either.
        var again = await new Browser(mail, pending).PostCodeAsync(code);

        Assert.Equal(["BadRequest", "BadRequest", "BadRequest", "BadRequest", "/portal/refused?reason=TooManyCodeAttempts"], statuses);
        Assert.Equal("/portal/refused?reason=TooManyCodeAttempts", Target(again));
        Assert.Contains(await EventsAsync("PortalRefused"), e => e.Contains("TooManyCodeAttempts", StringComparison.Ordinal) && e.Contains(contact, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkAboutToExpire_RemindsTheContactByEmailAndTheAnalyst_OnceOnTheDay()
    {
        var (analyst, assessmentId, _, contact) = await InvitedAsync("Quang Do", asksForCode: false);
        await mail.SendDueAsync();

        // Due in 14 days, 7 days' grace: the last day is in 21 days; the reminder comes 3 days before it.
        mail.Clock.Advance(TimeSpan.FromDays(18));
        await RunRemindersTwiceAsync();
        await mail.SendDueAsync();
        Assert.Equal(2, mail.ReceivedBy(contact).Count);

        mail.Clock.Advance(TimeSpan.FromDays(1));
        await RunRemindersTwiceAsync();
        await mail.SendDueAsync();
        mail.Clock.Advance(TimeSpan.FromDays(1));
        await RunRemindersTwiceAsync();
        await mail.SendDueAsync();

        var mails = mail.ReceivedBy(contact);
        Assert.Equal(2, mails.Count);
        Assert.Contains("stops working in 3 days", mails[1].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("/portal/", mails[1].TextBody, StringComparison.Ordinal);
        await using var db = await mail.App.CreateDbContextAsync();
        var notified = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == analyst.Id && n.Link == $"/assessments/{assessmentId}" && n.Category == NotificationCategory.DueDates).Select(n => n.Title).ToListAsync();
        Assert.Equal(["Quang Do's portal link for " + await SupplierNameAsync(assessmentId) + " stops working in 3 days"], notified);
        Assert.Single(mail.ReceivedBy(analyst.Email), m => (m.Subject ?? "").EndsWith("stops working in 3 days", StringComparison.Ordinal));
    }

    /// <summary>A new draft of a supplier of a new analyst, with one contact (a fresh address) invited to section DS, due in 14 days.</summary>
    private async Task<(Person Analyst, Guid AssessmentId, IssuedLink Link, string Contact)> InvitedAsync(string contactName, bool asksForCode)
    {
        var analyst = await _team.PersonAsync($"Ivy Inviter {Guid.NewGuid():N}"[..16]);
        var supplierId = await _team.SupplierAsync(analyst);
        var template = await _team.PublishedTemplateAsync();
        var assessmentId = await _team.AsAsync(analyst, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, template));
        var contact = $"{contactName.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@supplier.example";
        var links = await _team.AsAsync(analyst, s => s.GetRequiredService<SupplierInvitations>().InviteAsync(
            assessmentId, [new InviteeInput(null, contactName, contact)], ["DS"], mail.Clock.Today().AddDays(14), asksForCode));
        return (analyst, assessmentId, links.Single(), contact);
    }

    /// <summary>Sends the outbox and reads the code from the newest mail the contact received; that mail's row keeps no body.</summary>
    private async Task<string> CodeMailedToAsync(string contact)
    {
        await mail.SendDueAsync();
        var received = mail.ReceivedBy(contact).Last(m => (m.Subject ?? "").StartsWith("Your code", StringComparison.Ordinal));
        await using var db = await mail.App.CreateDbContextAsync();
        Assert.Equal("", (await db.OutboxMails.AsNoTracking().SingleAsync(m => m.MessageId == received.MessageId)).TextBody);
        return CodeInMail().Match(received.TextBody ?? "").Groups[1].Value;
    }

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where a redirect leads, as a path and query (the code page's redirects are absolute).</summary>
    private static string? Target(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string UrlIn(string text) => Regex.Match(text, @"https://\S+/portal/\S+").Value;

    private async Task<OutboxMail> OutboxRowToAsync(string address)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        return await db.OutboxMails.AsNoTracking().OrderBy(m => m.CreatedAtUtc).FirstAsync(m => m.ToAddress == address);
    }

    private async Task<string> SupplierNameAsync(Guid assessmentId)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        return await db.Assessments.Where(a => a.Id == assessmentId).Join(db.Suppliers, a => a.SupplierId, s => s.Id, (_, s) => s.LegalName).SingleAsync();
    }

    /// <summary>The details (JSON) of the security events of a kind.</summary>
    private async Task<IReadOnlyList<string>> EventsAsync(string kind)
    {
        await using var db = await mail.App.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == kind).Select(e => e.Changes).ToListAsync();
    }

    private async Task RunRemindersTwiceAsync()
    {
        var job = mail.App.Services.GetRequiredService<DailyRemindersJob>();
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
    }

    [GeneratedRegex(@"Your code is (\d{6})\.")]
    private static partial Regex CodeInMail();

    /// <summary>A browser of the contact's: its own cookies, no redirects followed.</summary>
    private sealed class Browser(MailApp mail, string? cookies = null)
    {
        private readonly HttpClient _client = mail.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> _cookies = (cookies ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);

        public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

        public bool Has(string cookie) => _cookies.ContainsKey(cookie);

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        /// <summary>Types the code into the code page's form, as the page gives it (with its antiforgery token).</summary>
        public async Task<HttpResponseMessage> PostCodeAsync(string code)
        {
            var page = await (await GetAsync(PortalEndpoints.CodePath)).Content.ReadAsStringAsync();
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, PortalEndpoints.CodePath)
            {
                Content = new FormUrlEncodedContent([new("_handler", "portal-code"), new("__RequestVerificationToken", token), new("Input.Code", code)]),
            });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", CookieHeader);
            }

            var response = await _client.SendAsync(request);
            foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = setCookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }

            return response;
        }
    }
}
