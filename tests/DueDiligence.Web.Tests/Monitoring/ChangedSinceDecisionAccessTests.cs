using System.Net;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// Who reads the "Changed since decision" queue (the supplier's owner and collaborators, legal, executives; not other
/// analysts' records, not administrators) and who may start a reassessment from it (the supplier's team only).
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class ChangedSinceDecisionAccessTests(MonitoringApp app)
{
    [Fact]
    public async Task ListAsync_ByRoleAndRecord_ShowsTheSupplierToItsTeamLegalAndExecutivesOnly()
    {
        var supplier = await QueuedSupplierAsync("LV");
        var collaborator = await DemoAnalystIdAsync();
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, collaborator));

        Assert.True((await app.QueueAsync([supplier], Analyst, AnalystRole)).Single().CanStartReassessment);
        Assert.True((await app.QueueAsync([supplier], collaborator, AnalystRole)).Single().CanStartReassessment);
        Assert.Empty(await app.QueueAsync([supplier], OtherAnalyst, AnalystRole));
        Assert.False((await app.QueueAsync([supplier], Legal, LegalRole)).Single().CanStartReassessment);
        Assert.False((await app.QueueAsync([supplier], Executive, ExecutiveRole)).Single().CanStartReassessment);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.QueueAsync([supplier], Admin, AdminRole));
        Assert.Null(await app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<ChangedSinceDecisionQueries>().CountAsync()));
    }

    [Fact]
    public async Task StartReassessment_WhenNotOnTheSupplierTeam_IsRefusedAndStartsNothing()
    {
        var supplier = await QueuedSupplierAsync("LT");
        var template = (await app.QueueAsync([supplier])).Single().ReassessOnTemplateId!.Value;

        await Assert.ThrowsAsync<ForbiddenException>(() => StartAsync(OtherAnalyst, AnalystRole, supplier, template));
        await Assert.ThrowsAsync<ForbiddenException>(() => StartAsync(Legal, LegalRole, supplier, template));
        await Assert.ThrowsAsync<ForbiddenException>(() => StartAsync(Executive, ExecutiveRole, supplier, template));
        Assert.False((await app.QueueAsync([supplier])).Single().ReassessmentInProgress);

        await StartAsync(Analyst, AnalystRole, supplier, template);

        var row = (await app.QueueAsync([supplier], Analyst, AnalystRole)).Single();
        Assert.Equal((true, false), (row.ReassessmentInProgress, row.CanStartReassessment));
        var again = await Assert.ThrowsAsync<DomainException>(() => StartAsync(Analyst, AnalystRole, supplier, template));
        Assert.Contains("already has an assessment in progress", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_ByRole_AdministratorsGet403AndTheOthersThePage()
    {
        foreach (var (role, expected) in new[]
                 {
                     (AppRoles.Admin, HttpStatusCode.Forbidden), (AppRoles.Analyst, HttpStatusCode.OK),
                     (AppRoles.LegalReviewer, HttpStatusCode.OK), (AppRoles.Executive, HttpStatusCode.OK),
                 })
        {
            var user = DemoAccounts.ForRole(role);
            var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, user.Email, user.Password)).StatusCode);

            Assert.Equal(expected, (await client.GetAsync("/changed-since-decision")).StatusCode);
        }
    }

    private async Task<Guid> QueuedSupplierAsync(string country)
    {
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(country);
        await app.DecidedAsync(supplier, maturity: 2);
        await app.RateAsync(country, LegalRating.Severe);
        return supplier;
    }

    private async Task<string> DemoAnalystIdAsync()
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var email = DemoAccounts.ForRole(AppRoles.Analyst).Email;
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private Task<Guid> StartAsync(string user, string[] roles, Guid supplier, Guid template) =>
        app.AsUserAsync(user, roles, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template));
}
