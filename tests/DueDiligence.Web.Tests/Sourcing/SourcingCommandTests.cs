using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

public sealed class SourcingCommandTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = DateTime.UtcNow.AddDays(-20);

    private readonly SourcingScenario _scenario = new(app);

    [Fact]
    public async Task CreateAsync_WhenLegalReviewer_IsRefusedAndNothingIsStored()
    {
        var before = await ProjectCountAsync();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("lee@test", SourcingScenario.Legal,
            s => s.GetRequiredService<SourcingCommands>().CreateAsync(new SourcingProjectInput { Name = "Housings", Need = "50k units/yr" })));

        Assert.Equal("This needs the role Procurement analyst.", error.Message);
        Assert.Equal(before, await ProjectCountAsync());
    }

    [Fact]
    public async Task CreateAsync_WithoutNameOrNeed_IsRefusedWithEverySpecificMessage()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("ana@test", SourcingScenario.Analyst,
            s => s.GetRequiredService<SourcingCommands>().CreateAsync(new SourcingProjectInput { Name = " ", Need = "" })));

        Assert.Equal(
            ["Name the sourcing project.", "Describe the need, e.g. “injection-moulded housing, 50k units/yr”."],
            error.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task AddCandidateAsync_WhenAlreadyACandidate_IsRefused()
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Twice"));
        var project = await _scenario.ProjectAsync("Twice added", supplier);

        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync("ana@test", SourcingScenario.Analyst,
            s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, supplier)));

        Assert.Equal("This supplier is already a candidate of the project.", error.Message);
        Assert.Single((await _scenario.ViewAsync(project))!.Comparison.Candidates);
    }

    [Fact]
    public async Task AddCandidateAsync_WhenExecutive_IsRefused()
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Offered"));
        var project = await _scenario.ProjectAsync("Executive adds");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("eve@test", SourcingScenario.Executive,
            s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, supplier)));

        Assert.Empty((await _scenario.ViewAsync(project))!.Comparison.Candidates);
    }

    [Fact]
    public async Task RemoveCandidateAsync_WhenAnalyst_TakesTheSupplierOutOfTheComparison()
    {
        var kept = await _scenario.SupplierAsync(SourcingScenario.Name("Kept"));
        var removed = await _scenario.SupplierAsync(SourcingScenario.Name("Removed"));
        var project = await _scenario.ProjectAsync("Shortlist", kept, removed);

        await app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<SourcingCommands>().RemoveCandidateAsync(project, removed));

        Assert.Equal([kept], (await _scenario.ViewAsync(project))!.Comparison.Candidates.Select(c => c.SupplierId));
    }

    [Fact]
    public async Task ChoosePartnerAsync_WhenCandidateIsExcluded_IsRefusedNamingTheKnockOut()
    {
        var (project, _, knocked) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, knocked, "Cheapest quote.");

        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync("eve@test", SourcingScenario.Executive,
            s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice)));

        Assert.Contains("is excluded by an unwaived knock-out (CT-01 “", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("answered No) and cannot be chosen.", error.Message, StringComparison.Ordinal);
        var view = await _scenario.ViewAsync(project);
        Assert.Equal(SourcingStatus.Open, view!.Project.Status);
        Assert.Null(view.Project.ChosenSupplierId);
    }

    [Fact]
    public async Task ChoosePartnerAsync_WhenLegalReviewer_IsRefused()
    {
        var (project, good, _) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, good, "Lowest residual risk.");

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("lee@test", SourcingScenario.Legal,
            s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice)));

        Assert.Equal("This needs the role Executive.", error.Message);
        Assert.Equal(SourcingStatus.Open, (await _scenario.ViewAsync(project))!.Project.Status);
    }

    [Fact]
    public async Task ChoosePartnerAsync_WhenAnalyst_IsRefused()
    {
        var (project, good, _) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, good, "Lowest residual risk.");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("ana@test", SourcingScenario.Analyst,
            s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice)));

        Assert.Equal(SourcingStatus.Open, (await _scenario.ViewAsync(project))!.Project.Status);
    }

    [Fact]
    public async Task ChoosePartnerAsync_WhenExecutive_RecordsThePartnerAndMemoAndClosesTheProject()
    {
        var (project, good, _) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, good, "Lowest residual risk; moulds stay ours.");

        await app.AsUserAsync("eve@test", SourcingScenario.Executive, s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice));

        var view = await _scenario.ViewAsync(project, SourcingScenario.Legal);
        Assert.Equal(SourcingStatus.Decided, view!.Project.Status);
        Assert.Equal(good, view.Chosen!.SupplierId);
        Assert.Equal("Lowest residual risk; moulds stay ours.", view.Project.DecisionMemo);
        Assert.Equal("eve@test", view.Project.DecidedByName);
        var row = (await app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<SourcingQueries>().ListAsync())).Single(r => r.Id == project);
        Assert.Equal(view.Chosen.SupplierName, row.ChosenPartner);
        var closed = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync("ana@test", SourcingScenario.Analyst,
            s => s.GetRequiredService<SourcingCommands>().RemoveCandidateAsync(project, good)));
        Assert.Equal("The partner of this project has been chosen; the project is closed.", closed.Message);
    }

    [Fact]
    public async Task ChoosePartnerAsync_WithoutMemo_IsRefusedWithTheMessage()
    {
        var (project, good, _) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, good, "   ");

        var error = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("eve@test", SourcingScenario.Executive,
            s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice)));

        Assert.Equal("Write the decision memo: why this partner, and on what conditions.", Assert.Single(error.Errors).ErrorMessage);
    }

    [Fact]
    public async Task ChoosePartnerAsync_AfterTheCandidatesChanged_IsRefusedAsOutdatedAndNothingIsRecorded()
    {
        var (project, good, _) = await ProjectWithGoodAndKnockedOutAsync();
        var choice = await _scenario.ChoiceAsync(project, good, "Lowest residual risk.");
        var late = await _scenario.SupplierAsync(SourcingScenario.Name("Late"));
        await app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, late));

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsUserAsync("eve@test", SourcingScenario.Executive,
            s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice)));

        Assert.Contains("was changed by someone else after you opened it", error.Message, StringComparison.Ordinal);
        Assert.Equal(SourcingStatus.Open, (await _scenario.ViewAsync(project))!.Project.Status);
    }

    private async Task<(Guid Project, Guid Good, Guid KnockedOut)> ProjectWithGoodAndKnockedOutAsync()
    {
        var good = await _scenario.SupplierAsync(SourcingScenario.Name("Good"));
        await _scenario.AssessmentAsync(good, 0.8, AssessmentStatus.Decided, Start);
        var knocked = await _scenario.SupplierAsync(SourcingScenario.Name("Knocked"));
        await _scenario.AssessmentAsync(knocked, 1.0, AssessmentStatus.AwaitingDecision, Start, CandidateAnswers.NdaQuestion);
        return (await _scenario.ProjectAsync("Housing partner", good, knocked), good, knocked);
    }

    private async Task<int> ProjectCountAsync() =>
        (await app.AsUserAsync("lee@test", SourcingScenario.Legal, s => s.GetRequiredService<SourcingQueries>().ListAsync())).Count;
}
