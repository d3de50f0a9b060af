using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>The partitioning planner through its real use cases: who may change the bill of materials, and what the shares say.</summary>
public sealed class PlannerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly SourcingScenario _scenario = new(app);

    [Fact]
    public async Task AddAsync_ByTheOwner_ShowsTheSharesAndTheFirmwareAdvice()
    {
        var (project, china, mexico) = await ProjectAsync();

        await AddAsync(project, Component("Main board firmware", 5, china, firmware: true));
        await AddAsync(project, Component("Housing", 3, china));
        await AddAsync(project, Component("Frame", 2, mexico));

        var view = (await ViewAsync(project, SourcingScenario.Legal))!;
        Assert.Equal([80.0, 20.0], view.Plan.Suppliers.Select(s => s.SharePercent));
        Assert.True(view.Plan.Suppliers[0].OverLimit);
        Assert.Equal(["Main board firmware"], view.Plan.Suppliers[0].KnowHow);
        Assert.Contains(view.Plan.Advice, a => a.Text.StartsWith("Keep “Main board firmware” in-house", StringComparison.Ordinal));
        Assert.False(view.CanEdit);
    }

    [Fact]
    public async Task AddAsync_ByAnAnalystOutsideTheTeam_IsRefusedNamingTheOwner_AndNothingIsSaved()
    {
        var (project, china, _) = await ProjectAsync();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("bob@test", SourcingScenario.Analyst,
            s => s.GetRequiredService<PlannerCommands>().AddAsync(project, Component("Firmware", 5, china))));

        Assert.Equal("Only the owner (ana@test) and collaborators can change this sourcing project.", error.Message);
        Assert.Equal(0, await ComponentCountAsync(project));
    }

    [Theory]
    [InlineData("LegalReviewer")]
    [InlineData("Executive")]
    [InlineData("Admin")]
    public async Task AddAsync_WhenNotAnAnalyst_IsRefused(string role)
    {
        var (project, china, _) = await ProjectAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("ana@test", [role],
            s => s.GetRequiredService<PlannerCommands>().AddAsync(project, Component("Firmware", 5, china))));

        Assert.Equal(0, await ComponentCountAsync(project));
    }

    [Fact]
    public async Task AddAsync_GivenToASupplierThatIsNotACandidate_IsRefused()
    {
        var (project, _, _) = await ProjectAsync();
        var stranger = await _scenario.SupplierAsync(SourcingScenario.Name("Stranger"));

        var error = await Assert.ThrowsAsync<DomainException>(() => AddAsync(project, Component("Firmware", 5, stranger)));

        Assert.Equal("Give the component to a candidate of this project, or keep it in-house.", error.Message);
    }

    [Fact]
    public async Task UpdateAndRemove_ByAnAnalystOutsideTheTeam_AreRefused()
    {
        var (project, china, _) = await ProjectAsync();
        var id = await AddAsync(project, Component("Housing", 3, china));
        var row = (await ViewAsync(project))!.Rows.Single();
        var change = Component("Housing", 3, null);
        change.Id = id;
        change.Version = row.Component.Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("bob@test", SourcingScenario.Analyst, s => s.GetRequiredService<PlannerCommands>().UpdateAsync(change)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("bob@test", SourcingScenario.Analyst, s => s.GetRequiredService<PlannerCommands>().RemoveAsync(id)));

        Assert.Equal(china, (await ViewAsync(project))!.Rows.Single().Component.SupplierId);
    }

    [Fact]
    public async Task GetAsync_WhenSignedInWithoutARole_IsRefused()
    {
        var (project, _, _) = await ProjectAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("nobody@test", [], s => s.GetRequiredService<PlannerQueries>().GetAsync(project)));
    }

    private async Task<(Guid Project, Guid China, Guid Mexico)> ProjectAsync()
    {
        var china = await _scenario.SupplierAsync(SourcingScenario.Name("Brightpath"), "CN");
        var mexico = await _scenario.SupplierAsync(SourcingScenario.Name("Sierra"), "MX");
        return (await _scenario.ProjectAsync("HM-4 planner", china, mexico), china, mexico);
    }

    private Task<Guid> AddAsync(Guid project, PlannerComponentInput input) =>
        app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<PlannerCommands>().AddAsync(project, input));

    private Task<PlannerView?> ViewAsync(Guid project, string[]? roles = null) =>
        app.AsUserAsync("reader@test", roles ?? SourcingScenario.Analyst, s => s.GetRequiredService<PlannerQueries>().GetAsync(project));

    private async Task<int> ComponentCountAsync(Guid project)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.ProductComponents.CountAsync(c => c.SourcingProjectId == project);
    }

    private static PlannerComponentInput Component(string name, int sensitivity, Guid? supplier, bool firmware = false) =>
        new() { Name = name, Sensitivity = sensitivity, SupplierId = supplier, HoldsFirmware = firmware };
}
