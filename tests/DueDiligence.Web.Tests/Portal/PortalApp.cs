using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Portal;

/// <summary>The real app on a fake clock that the tests move, with helpers to invite a contact and act as it.</summary>
public sealed class PortalApp : IAsyncDisposable
{
    public const string Contact = "Lan Nguyen";

    public PortalApp(params (string Key, string Value)[] settings)
    {
        App = Factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public AppFactory Factory { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The analyst who starts the drafts and invites: a test name, or a real account's id when notifications matter.</summary>
    public string AnalystId { get; set; } = Analyst;

    public Task<T> AsAnalystAsync<T>(Func<IServiceProvider, Task<T>> work) => AppFactory.AsUserAsync(App.Services, AnalystId, AnalystRole, work);

    /// <summary>The conversations with supplier contacts as the analyst's assessment page loads them (with the assessment it shows).</summary>
    public Task<SupplierConversations> SupplierThreadsAsync(Guid assessmentId) => AsAnalystAsync(async s =>
        (await s.GetRequiredService<AssessmentPanelQueries>().GetAsync((await s.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId))!)).SupplierConversations);

    /// <summary>A new draft with <see cref="Contact"/> invited to answer section DS, due in 14 days.</summary>
    public async Task<(Guid AssessmentId, IssuedLink Link)> InvitedDraftAsync(params string[] sections)
    {
        var supplierId = await NewSupplierInAppAsync();
        var template = await AsAnalystAsync(async s =>
            await s.GetRequiredService<Web.Infrastructure.Persistence.AppDbContext>().TemplateVersions.AsNoTracking().FirstAsync(t => t.Status == Domain.Questionnaires.TemplateStatus.Published));
        var id = await AsAnalystAsync(s => s.GetRequiredService<Web.Features.Assessments.StartAssessment>().ExecuteAsync(supplierId, template.Id));
        var links = await AsAnalystAsync(s => s.GetRequiredService<SupplierInvitations>().InviteAsync(
            id, [new InviteeInput(null, Contact, "lan@supplier.example")], sections.Length == 0 ? ["DS"] : sections, Today.AddDays(14)));
        return (id, links.Single());
    }

    /// <summary>Opens the link as the contact's browser does; returns the portal cookie it got, as a Cookie header.</summary>
    public async Task<string> OpenLinkAsync(IssuedLink link)
    {
        var response = await Browser().GetAsync(link.Path);
        Assert.Equal("/portal", response.Headers.Location?.OriginalString);
        return CookieOf(response);
    }

    public static string CookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalCookieName + "=", StringComparison.Ordinal)).Split(';')[0];

    public const string PortalCookieName = "DueDiligence.Portal";

    /// <summary>A GET as the contact's browser, with the portal cookie.</summary>
    public Task<HttpResponseMessage> GetAsync(string cookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return Browser().SendAsync(request);
    }

    /// <summary>Runs portal use cases as the portal page does, in a scope whose request carries the portal cookie.</summary>
    public async Task<T> AsContactAsync<T>(string cookie, Func<SupplierPortal, SupplierInvitation, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Cookie = cookie;
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = context;
        var invitation = await scope.ServiceProvider.GetRequiredService<PortalSession>().RequireAsync();
        return await work(scope.ServiceProvider.GetRequiredService<SupplierPortal>(), invitation);
    }

    public Task AsContactAsync(string cookie, Func<SupplierPortal, SupplierInvitation, Task> work) =>
        AsContactAsync(cookie, async (portal, invitation) =>
        {
            await work(portal, invitation);
            return true;
        });

    public async Task<IReadOnlyList<AuditEvent>> EventsAsync(string entityType)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<Assessment> AssessmentAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
        return await Web.Features.Assessments.AssessmentStore.LoadAsync(db, id, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private async Task<Guid> NewSupplierInAppAsync()
    {
        _ = App.Server;
        return await NewSupplierAsync(Factory, owner: AnalystId);
    }
}
