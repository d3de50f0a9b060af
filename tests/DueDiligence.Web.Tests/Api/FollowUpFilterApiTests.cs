using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Api;

/// <summary>The follow-up lists' owner=me and overdue filters, on a clock the test moves past a condition's due date.</summary>
public sealed class FollowUpFilterApiTests(FollowUpFilterApiTests.ClockApp clockApp) : IClassFixture<FollowUpFilterApiTests.ClockApp>
{
    [Fact]
    public async Task Lists_OwnerMeAndOverdue_GiveOnlyTheUsersOwnAndThoseDueBeforeToday()
    {
        var app = clockApp.App;
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var legalId = await app.AsAsync(ReportScenario.Legal, async s => (await s.GetRequiredService<UserManager<Web.Infrastructure.Identity.AppUser>>().FindByEmailAsync(ReportScenario.Legal))!.Id);
        await app.AsAsync(ReportScenario.Legal, s => s.GetRequiredService<AssignOwner>().AssignAsync(workflow.AssessmentId, new FollowUpItem(FollowUpKind.Finding, workflow.FindingId), legalId));
        var legal = await ApiWorkflow.ClientAsync(app, ReportScenario.Legal, ApiApp.Read(ApiResource.Findings));
        var analyst = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, ApiApp.Read(ApiResource.Findings));
        var ofAssessment = $"assessment={workflow.AssessmentId}";

        Assert.Equal([workflow.FindingId], await IdsAsync(legal, $"/api/v1/findings?owner=me&{ofAssessment}"));
        Assert.Empty(await IdsAsync(analyst, $"/api/v1/findings?owner=me&{ofAssessment}"));
        Assert.Empty(await IdsAsync(legal, $"/api/v1/conditions?overdue=true&{ofAssessment}"));

        clockApp.Clock.Advance(TimeSpan.FromDays(20)); // past the condition's 14 days, before the finding's 30

        Assert.Equal([workflow.ConditionId], await IdsAsync(legal, $"/api/v1/conditions?overdue=true&{ofAssessment}"));
        Assert.Empty(await IdsAsync(legal, $"/api/v1/findings?overdue=true&{ofAssessment}"));
        var condition = (await legal.GetFromJsonAsync<JsonElement>($"/api/v1/conditions?{ofAssessment}")).GetProperty("items")[0];
        Assert.True(condition.GetProperty("overdue").GetBoolean());
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>The real app with demo data on a clock the test moves.</summary>
    public sealed class ClockApp : IAsyncLifetime
    {
        public ClockApp() =>
            App = new AppFactory(TestDatabase.Current, demoData: true, builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public AppFactory App { get; }

        public Task InitializeAsync()
        {
            _ = App.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
