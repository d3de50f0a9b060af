using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments.Approvals;

/// <summary>
/// The real app with a second instance on a fake clock that the tests move (decisions and delegations read it), and
/// accounts for three executives and an analyst whose ids are the names <see cref="AssessmentScenarios"/> acts as.
/// </summary>
public sealed class ApprovalApp : IAsyncLifetime
{
    public const string OtherExecutive = "olu@test";
    public const string ThirdExecutive = "tam@test";

    public AppFactory App { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    private WebApplicationFactory<Program> Clocked { get; set; } = default!;

    public async Task InitializeAsync()
    {
        _ = App.Server; // migrates and seeds first; the clocked instance then finds the database ready
        Clocked = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        _ = Clocked.Server;
        foreach (var (id, role) in new[] { (Executive, AppRoles.Executive), (OtherExecutive, AppRoles.Executive), (ThirdExecutive, AppRoles.Executive), (Analyst, AppRoles.Analyst) })
        {
            await AddAccountAsync(id, role);
        }
    }

    public async Task DisposeAsync()
    {
        await Clocked.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>Runs a use case as this user on the clocked instance.</summary>
    public Task<T> AsAsync<T>(string user, string role, Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(Clocked.Services, user, [role], work);

    public Task<Domain.Assessments.AssessmentDecision?> DecideAsync(string executive, Guid id, Domain.Assessments.DecisionOutcome outcome, string? justification = null, string? onBehalfOf = null) =>
        AsAsync(executive, AppRoles.Executive, s => s.GetRequiredService<DecideAssessment>()
            .ExecuteAsync(id, outcome, "The controls hold for the drawings we share.", justification, onBehalfOf));

    /// <summary>The live tier of an assessment awaiting its decision.</summary>
    public async Task<RiskTier> LiveTierAsync(Guid id) => (await LoadAsync(App, id, Executive, ExecutiveRole)).Score.Tier;

    /// <summary>An administrator sets the rule of <paramref name="tier"/>, from the version the page would show.</summary>
    public Task<ApprovalRuleRow> SetRuleAsync(RiskTier tier, int approvals, bool justification) =>
        AsAsync(Admin, AppRoles.Admin, async s =>
        {
            var rules = s.GetRequiredService<ApprovalRules>();
            var current = (await rules.ListAsync()).Single(r => r.Tier == tier);
            return await rules.ChangeAsync(tier, approvals, justification, current.Version);
        });

    private async Task AddAccountAsync(string id, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = id, UserName = id, Email = id, EmailConfirmed = true, DisplayName = id };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
