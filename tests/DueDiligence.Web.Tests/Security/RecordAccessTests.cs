using System.Text.Json;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// The attacks of one analyst on a colleague's records (edit her supplier, rename her sourcing project, start an
/// assessment of her supplier and so block her), through the real use cases; and how owners share and hand over.
/// </summary>
public sealed class RecordAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly RecordTeamScenario _scenario = new(app);

    [Fact]
    public async Task UpdateSupplier_WhenAnotherAnalyst_IsForbiddenAndNothingChanges()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Other"));
        var supplier = await _scenario.SupplierAsync(ana);
        var input = await _scenario.SupplierInputAsync(supplier);
        var name = input.LegalName;
        var events = await EventCountAsync();
        input.LegalName = "Renamed by Ben";
        input.Description = "Ben was here";

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input)));

        Assert.Equal("Only the owner (Ana Owner) and collaborators can edit this supplier.", error.Message);
        var stored = await SupplierAsync(supplier);
        Assert.Equal(name, stored.LegalName);
        Assert.Null(stored.Description);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task ChangeSupplierStatus_WhenAnotherAnalyst_IsForbidden()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Other"));
        var supplier = await _scenario.SupplierAsync(ana);
        var version = (await SupplierAsync(supplier)).Version;

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben,
            s => s.GetRequiredService<SupplierCommands>().ChangeStatusAsync(supplier, version, SupplierStatus.Offboarded)));

        Assert.Equal("Only the owner (Ana Owner) and collaborators can edit this supplier.", error.Message);
        Assert.Equal(SupplierStatus.Prospect, (await SupplierAsync(supplier)).Status);
    }

    [Fact]
    public async Task RenameProject_WhenAnotherAnalyst_IsForbiddenAndNothingChanges()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Other"));
        var project = await _scenario.ProjectAsync(ana);
        var input = await _scenario.ProjectInputAsync(project);
        input.Name = "Ben's project now";

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SourcingCommands>().UpdateAsync(input)));

        Assert.Equal("Only the owner (Ana Owner) and collaborators can change this sourcing project.", error.Message);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal("Housings 2027", (await db.SourcingProjects.AsNoTracking().FirstAsync(p => p.Id == project)).Name);
    }

    [Fact]
    public async Task ProjectCandidates_WhenAnotherAnalyst_CannotBeAddedOrRemoved()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Other"));
        var project = await _scenario.ProjectAsync(ana);
        var kept = await _scenario.SupplierAsync(ana);
        var offered = await _scenario.SupplierAsync(ben);
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, kept));

        await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, offered)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SourcingCommands>().RemoveCandidateAsync(project, kept)));

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal([kept], (await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).FirstAsync(p => p.Id == project)).Candidates.Select(c => c.SupplierId));
    }

    [Fact]
    public async Task StartAssessment_WhenAnotherAnalyst_IsForbiddenAndTheOwnerCanStillStart()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Other"));
        var supplier = await _scenario.SupplierAsync(ana);
        var template = await _scenario.PublishedTemplateAsync();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template)));

        Assert.Equal("Only the owner (Ana Owner) and collaborators can start an assessment of this supplier.", error.Message);
        Assert.Equal(SupplierStatus.Prospect, (await SupplierAsync(supplier)).Status);
        Assert.Equal(0, await AssessmentCountAsync(supplier));
        await _scenario.AsAsync(ana, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template));
        Assert.Equal(1, await AssessmentCountAsync(supplier));
    }

    [Fact]
    public async Task Collaborator_EditsTheSupplierStartsItsAssessmentAndRunsTheProject()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Collaborator"));
        var supplier = await _scenario.SupplierAsync(ana);
        var project = await _scenario.ProjectAsync(ana);
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, ben.Id));
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SourcingTeam>().AddCollaboratorAsync(project, ben.Id));

        var input = await _scenario.SupplierInputAsync(supplier);
        input.Description = "Checked by Ben";
        await _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input));
        var template = await _scenario.PublishedTemplateAsync();
        await _scenario.AsAsync(ben, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template));
        var projectInput = await _scenario.ProjectInputAsync(project);
        projectInput.Name = "Housings 2028";
        await _scenario.AsAsync(ben, s => s.GetRequiredService<SourcingCommands>().UpdateAsync(projectInput));
        await _scenario.AsAsync(ben, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, supplier));

        var stored = await SupplierAsync(supplier);
        Assert.Equal("Checked by Ben", stored.Description);
        Assert.Equal(SupplierStatus.UnderAssessment, stored.Status);
        Assert.Equal(["Ben Collaborator"], stored.Collaborators.Select(c => c.Name));
        await using var db = await app.CreateDbContextAsync();
        var storedProject = await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).FirstAsync(p => p.Id == project);
        Assert.Equal("Housings 2028", storedProject.Name);
        Assert.Single(storedProject.Candidates);
    }

    [Fact]
    public async Task HandOver_MidAssessment_LetsTheNewOwnerAnswerAndShutsOutOthers()
    {
        var (ana, ben, otto) = (await _scenario.PersonAsync("Ana Leaving"), await _scenario.PersonAsync("Ben Taking Over"), await _scenario.PersonAsync("Otto Other"));
        var supplier = await _scenario.SupplierAsync(ana);
        var assessment = await _scenario.AsAsync(ana, async s => await s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, await _scenario.PublishedTemplateAsync()));
        var version = (await SupplierAsync(supplier)).Version;
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().HandOverAsync(supplier, version, ben.Id));
        var question = await FirstYesNoQuestionAsync(assessment);

        await _scenario.AsAsync(ben, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(assessment, new Domain.Assessments.AnswerInput { QuestionCode = question, YesNo = true }, null));
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(otto,
            s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(assessment, new Domain.Assessments.AnswerInput { QuestionCode = question, YesNo = false }, null)));

        Assert.Equal("Only the analyst who started this assessment, or the supplier's owner or a collaborator, answers it.", refusal.Message);
        await using var db = await app.CreateDbContextAsync();
        var answer = await db.Assessments.AsNoTracking().Include(a => a.Answers).Where(a => a.Id == assessment).SelectMany(a => a.Answers).SingleAsync();
        Assert.Equal(("Ben Taking Over", true), (answer.UpdatedByName, answer.YesNo));
    }

    [Fact]
    public async Task RemovedCollaborator_CanNoLongerEdit()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Former"));
        var supplier = await _scenario.SupplierAsync(ana);
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, ben.Id));
        await _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().RemoveCollaboratorAsync(supplier, ben.Id));
        var input = await _scenario.SupplierInputAsync(supplier);
        input.Description = "Ben again";

        await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input)));

        Assert.Empty((await SupplierAsync(supplier)).Collaborators);
    }

    [Fact]
    public async Task HandOver_ByTheOwner_IsAuditedAndTheOldOwnerCannotEdit()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Leaving"), await _scenario.PersonAsync("Ben Taking Over"));
        var supplier = await _scenario.SupplierAsync(ana);
        var version = (await SupplierAsync(supplier)).Version;

        await _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().HandOverAsync(supplier, version, ben.Id));

        var stored = await SupplierAsync(supplier);
        Assert.Equal((ben.Id, "Ben Taking Over"), (stored.OwnerId, stored.OwnerName));
        var handover = await HandOverEventAsync("Supplier", supplier);
        Assert.Equal(ana.Email, handover.Actor);
        Assert.Equal(("Ana Leaving", "Ben Taking Over"), BeforeAfter(handover, "OwnerName"));
        Assert.Equal((ana.Id, ben.Id), BeforeAfter(handover, "OwnerId"));

        var input = await _scenario.SupplierInputAsync(supplier);
        input.Description = "Ana after handing over";
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input)));
        Assert.Equal("Only the owner (Ben Taking Over) and collaborators can edit this supplier.", error.Message);
        await _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input));
        Assert.Equal("Ana after handing over", (await SupplierAsync(supplier)).Description);
    }

    [Fact]
    public async Task HandOver_ByAnAdministrator_MovesAProjectWhoseOwnerLeft()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Gone"), await _scenario.PersonAsync("Ben Successor"));
        var admin = await _scenario.PersonAsync("Ada Admin", AppRoles.Admin);
        var project = await _scenario.ProjectAsync(ana);
        var version = (await _scenario.ProjectInputAsync(project)).Version!.Value;

        await _scenario.AsAsync(admin, s => s.GetRequiredService<SourcingTeam>().HandOverAsync(project, version, ben.Id));

        var handover = await HandOverEventAsync("SourcingProject", project);
        Assert.Equal(admin.Email, handover.Actor);
        Assert.Equal(("Ana Gone", "Ben Successor"), BeforeAfter(handover, "OwnerName"));
        var input = await _scenario.ProjectInputAsync(project);
        input.Name = "Renamed by Ana";
        await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ana, s => s.GetRequiredService<SourcingCommands>().UpdateAsync(input)));
    }

    [Fact]
    public async Task HandOver_ByAnotherAnalyst_IsForbidden()
    {
        var (ana, ben) = (await _scenario.PersonAsync("Ana Owner"), await _scenario.PersonAsync("Ben Grabbing"));
        var supplier = await _scenario.SupplierAsync(ana);
        var version = (await SupplierAsync(supplier)).Version;

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierTeam>().HandOverAsync(supplier, version, ben.Id)));
        var addSelf = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.AsAsync(ben, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, ben.Id)));

        Assert.Equal("Only the owner (Ana Owner) or an administrator can hand over this supplier.", error.Message);
        Assert.Equal("Only the owner (Ana Owner) or an administrator can choose who collaborates on this supplier.", addSelf.Message);
        var stored = await SupplierAsync(supplier);
        Assert.Equal(ana.Id, stored.OwnerId);
        Assert.Empty(stored.Collaborators);
    }

    [Fact]
    public async Task HandOver_ToSomeoneWhoIsNotAnAnalyst_IsRefused()
    {
        var ana = await _scenario.PersonAsync("Ana Owner");
        var lee = await _scenario.PersonAsync("Lee Legal", AppRoles.LegalReviewer);
        var supplier = await _scenario.SupplierAsync(ana);
        var version = (await SupplierAsync(supplier)).Version;

        var error = await Assert.ThrowsAsync<DomainException>(() => _scenario.AsAsync(ana, s => s.GetRequiredService<SupplierTeam>().HandOverAsync(supplier, version, lee.Id)));

        Assert.StartsWith("Choose a procurement analyst whose account is active", error.Message, StringComparison.Ordinal);
        Assert.Equal(ana.Id, (await SupplierAsync(supplier)).OwnerId);
    }

    private async Task<Supplier> SupplierAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).FirstAsync(s => s.Id == id);
    }

    private async Task<string> FirstYesNoQuestionAsync(Guid assessment)
    {
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == assessment);
        return stored.Template.Sections.SelectMany(s => s.Questions).First(q => q.Type == Domain.Questionnaires.QuestionType.YesNo).Code;
    }

    private async Task<int> AssessmentCountAsync(Guid supplierId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Assessments.CountAsync(a => a.SupplierId == supplierId);
    }

    private async Task<long> EventCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditEvents.LongCountAsync();
    }

    private async Task<Domain.Auditing.AuditEvent> HandOverEventAsync(string entityType, Guid id)
    {
        var key = id.ToString();
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityKey == key && e.Changes.Contains("OwnerName"))
            .OrderByDescending(e => e.Id).FirstAsync();
    }

    private static (string? Before, string? After) BeforeAfter(Domain.Auditing.AuditEvent audit, string field)
    {
        using var changes = JsonDocument.Parse(audit.Changes);
        var change = changes.RootElement.GetProperty(field);
        return (change.GetProperty("before").GetString(), change.GetProperty("after").GetString());
    }
}
