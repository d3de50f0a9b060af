using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>Discarding a template draft: administrators only, drafts only, deleted with an audit event that keeps its content.</summary>
public sealed class DiscardTemplateDraftTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExecuteAsync_WhenTheDraftIsANewTemplatesOnlyVersion_DeletesItAndTheTemplateLeavesTheList()
    {
        var id = (await app.ImportAsync(TemplateSamples.ValidJson)).Id!.Value;
        var draft = await app.StoredAsync(id);

        var discarded = await DiscardAsync(id, draft.EditStamp);

        Assert.Equal(new DiscardedDraft("IP risk — short form", 1, TemplateRemoved: true), discarded);
        Assert.False(await ExistsAsync(id));
        var list = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateQueries>().ListAsync());
        Assert.DoesNotContain(list, t => t.TemplateKey == draft.TemplateKey);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheDraftIsANewVersion_DeletesOnlyTheDraftAndANewVersionCanStartAgain()
    {
        var published = await app.PublishedTemplateAsync("Second thoughts");
        var v2 = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateCommands>().NewVersionAsync(published));

        var discarded = await DiscardAsync(v2, (await app.StoredAsync(v2)).EditStamp);

        Assert.Equal(new DiscardedDraft("Second thoughts", 2, TemplateRemoved: false), discarded);
        Assert.False(await ExistsAsync(v2));
        Assert.Equal(TemplateStatus.Published, (await app.StoredAsync(published)).Status);
        var again = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateCommands>().NewVersionAsync(published));
        Assert.Equal(2, (await app.StoredAsync(again)).VersionNumber);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheVersionIsPublished_IsRefusedAndKeepsIt()
    {
        var published = await app.PublishedTemplateAsync("Kept for its assessments");
        var stored = await app.StoredAsync(published);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => DiscardAsync(published, stored.EditStamp));

        Assert.Equal(
            "Version 1 of \"Kept for its assessments\" is published, and only a draft can be discarded. Retire it to stop new assessments with it; it is kept for the assessments made with it.",
            refusal.Message);
        Assert.Equal(TemplateStatus.Published, (await app.StoredAsync(published)).Status);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheVersionIsRetired_IsRefusedAndKeepsIt()
    {
        var retired = await app.PublishedTemplateAsync("Retired, not discarded");
        await app.AsUserAsync("admin@test", TemplateSamples.AdminRoles, sp => sp.GetRequiredService<TemplateCommands>().RetireAsync(retired));

        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await DiscardAsync(retired, (await app.StoredAsync(retired)).EditStamp));

        Assert.Contains("is retired, and only a draft can be discarded", refusal.Message, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(retired));
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task ExecuteAsync_WhenTheUserIsNotAnAdministrator_IsRefusedAndKeepsTheDraft(string role)
    {
        var id = (await app.ImportAsync(TemplateSamples.ValidJson)).Id!.Value;
        var stamp = (await app.StoredAsync(id)).EditStamp;

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync($"{role}@test", [role], sp => sp.GetRequiredService<DiscardTemplateDraft>().ExecuteAsync(id, stamp)));

        Assert.True(await ExistsAsync(id));
    }

    [Fact]
    public async Task ExecuteAsync_WhenSomeoneSavedTheDraftAfterItWasOpened_ReportsAConflictAndKeepsTheirWork()
    {
        var id = (await app.ImportAsync(TemplateSamples.ValidJson)).Id!.Value;
        var opened = await app.StoredAsync(id);
        var theirs = opened.Definition;
        theirs.Description = "Saved by a colleague";
        await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateCommands>().SaveDraftAsync(id, opened.EditStamp, theirs));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => DiscardAsync(id, opened.EditStamp));

        Assert.Contains("was changed by someone else after you opened it, so it was not discarded", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Saved by a colleague", (await app.StoredAsync(id)).Definition.Description);
    }

    [Fact]
    public async Task ExecuteAsync_WhenDiscarded_WritesADeleteAuditEventByTheAdministratorThatKeepsTheDraftsContent()
    {
        var definition = TemplateSamples.ValidDefinition();
        definition.Name = "Audited discard";
        var id = (await app.ImportAsync(TemplateJson.Serialize(definition))).Id!.Value;

        await DiscardAsync(id, (await app.StoredAsync(id)).EditStamp);

        await using var db = await app.CreateDbContextAsync();
        var audit = await db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(TemplateVersion) && e.EntityKey == id.ToString() && e.Action == AuditAction.Delete);
        Assert.Equal("admin@test", audit.Actor);
        Assert.Contains("Audited discard", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("Has the supplier signed our NDA?", audit.Changes, StringComparison.Ordinal);
    }

    private Task<DiscardedDraft> DiscardAsync(Guid id, Guid editStamp) =>
        app.AsAdminAsync(sp => sp.GetRequiredService<DiscardTemplateDraft>().ExecuteAsync(id, editStamp));

    private async Task<bool> ExistsAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AnyAsync(v => v.Id == id);
    }
}
