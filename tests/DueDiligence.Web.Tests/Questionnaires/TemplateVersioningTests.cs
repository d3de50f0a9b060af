using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

public sealed class TemplateVersioningTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SaveDraftAsync_WhenVersionIsPublished_IsRefusedAndTheStoredDefinitionIsUnchanged()
    {
        var id = await app.PublishedTemplateAsync("Immutable");
        var published = await app.StoredAsync(id);
        var edited = published.Definition;
        edited.Sections[0].Questions[0].Weight = 99;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands(c => c.SaveDraftAsync(id, published.EditStamp, edited)));

        Assert.Contains("a published version is immutable", refusal.Message, StringComparison.Ordinal);
        var stored = await app.StoredAsync(id);
        Assert.Equal(TemplateJson.Serialize(published.Definition), TemplateJson.Serialize(stored.Definition));
        Assert.Equal(3, stored.Definition.Sections[0].Questions[0].Weight);
    }

    [Fact]
    public async Task PublishAsync_WhenDraftIsInvalid_IsRefusedWithTheErrorsListed()
    {
        var id = await Commands(c => c.CreateAsync(new NewTemplateInput { Name = "Blank" }));
        var draft = await app.StoredAsync(id);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands(c => c.PublishAsync(id, draft.EditStamp)));

        Assert.Contains("cannot be published until these problems are fixed", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("fixed: Add at least one section.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TemplateStatus.Draft, (await app.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task NewVersionAsync_FromPublishedVersion_CopiesItIntoAnIndependentDraft()
    {
        var v1 = await app.PublishedTemplateAsync("Copied");
        var original = await app.StoredAsync(v1);

        var v2 = await Commands(c => c.NewVersionAsync(v1));
        var draft = await app.StoredAsync(v2);
        var edited = draft.Definition;
        edited.Sections[0].Title = "Contracts and NDAs";
        await Commands(c => c.SaveDraftAsync(v2, draft.EditStamp, edited));

        Assert.Equal(TemplateStatus.Draft, draft.Status);
        Assert.Equal(2, draft.VersionNumber);
        Assert.Equal(original.TemplateKey, draft.TemplateKey);
        Assert.Equal(TemplateJson.Serialize(original.Definition), TemplateJson.Serialize(draft.Definition));
        Assert.Equal("Contracts and NDAs", (await app.StoredAsync(v2)).Definition.Sections[0].Title);
        Assert.Equal("Contracts", (await app.StoredAsync(v1)).Definition.Sections[0].Title);
    }

    [Fact]
    public async Task NewVersionAsync_WhenTemplateAlreadyHasADraft_IsRefused()
    {
        var v1 = await app.PublishedTemplateAsync("One draft at a time");
        await Commands(c => c.NewVersionAsync(v1));
        var before = await app.StoredVersionCountAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands(c => c.NewVersionAsync(v1)));

        Assert.Equal("\"One draft at a time\" already has a draft, version 2: edit that draft instead. A template has one draft at a time.", refusal.Message);
        Assert.Equal(before, await app.StoredVersionCountAsync());
    }

    [Fact]
    public async Task PublishAsync_OfANewVersion_RetiresThePublishedOne()
    {
        var v1 = await app.PublishedTemplateAsync("Superseded");
        var v2 = await Commands(c => c.NewVersionAsync(v1));

        var publication = await Commands(async c => await c.PublishAsync(v2, (await app.StoredAsync(v2)).EditStamp));

        Assert.Equal([1], publication.RetiredVersionNumbers);
        Assert.Equal(TemplateStatus.Retired, (await app.StoredAsync(v1)).Status);
        Assert.Equal(TemplateStatus.Published, (await app.StoredAsync(v2)).Status);
        var published = await app.AsUserAsync("analyst@test", [AppRoles.Analyst], sp => sp.GetRequiredService<TemplateQueries>().PublishedTemplatesAsync());
        Assert.Equal([2], published.Where(p => p.Name == "Superseded").Select(p => p.VersionNumber));
    }

    [Fact]
    public async Task SaveDraftAsync_WhenAnotherAdministratorSavedFirst_ReportsAConflictAndKeepsTheirSave()
    {
        var id = (await app.ImportAsync(TemplateSamples.ValidJson)).Id!.Value;
        var opened = await app.StoredAsync(id);
        var theirs = opened.Definition;
        theirs.Description = "Saved first";
        var mine = opened.Definition;
        mine.Description = "Saved second";
        await Commands(c => c.SaveDraftAsync(id, opened.EditStamp, theirs));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands(c => c.SaveDraftAsync(id, opened.EditStamp, mine)));

        Assert.Contains("was changed by someone else after you opened it. Nothing was overwritten", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Saved first", (await app.StoredAsync(id)).Definition.Description);
    }

    [Fact]
    public async Task RetireAsync_OfPublishedVersion_TakesItOffTheAnalystsList()
    {
        var id = await app.PublishedTemplateAsync("Retired soon");

        await Commands(async c => { await c.RetireAsync(id); return true; });

        Assert.Equal(TemplateStatus.Retired, (await app.StoredAsync(id)).Status);
        var published = await app.AsUserAsync("analyst@test", [AppRoles.Analyst], sp => sp.GetRequiredService<TemplateQueries>().PublishedTemplatesAsync());
        Assert.DoesNotContain(published, p => p.Id == id);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task Writes_WhenUserIsNotAnAdministrator_AreRefusedAndStoreNothing(string role)
    {
        var published = await app.PublishedTemplateAsync($"Guarded from {role}");
        var stored = await app.StoredAsync(published);
        var before = await app.StoredVersionCountAsync();
        Task<T> AsRole<T>(Func<IServiceProvider, Task<T>> work) => app.AsUserAsync($"{role}@test", [role], work);

        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(sp => sp.GetRequiredService<TemplateCommands>().CreateAsync(new NewTemplateInput { Name = "Mine" })));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(sp => sp.GetRequiredService<TemplateImport>().ImportAsync(TemplateSamples.File(TemplateSamples.ValidJson))));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(sp => sp.GetRequiredService<TemplateCommands>().NewVersionAsync(published)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(sp => sp.GetRequiredService<TemplateCommands>().SaveDraftAsync(published, stored.EditStamp, stored.Definition)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(async sp => { await sp.GetRequiredService<TemplateCommands>().RetireAsync(published); return true; }));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsRole(sp => sp.GetRequiredService<TemplateQueries>().ExportAsync(published)));

        Assert.Equal(before, await app.StoredVersionCountAsync());
        Assert.Equal(TemplateStatus.Published, (await app.StoredAsync(published)).Status);
    }

    [Fact]
    public async Task GetAsync_OfADraft_IsRefusedToAnAnalystButShownToAnAdministrator()
    {
        var draft = (await app.ImportAsync(TemplateSamples.ValidJson)).Id!.Value;

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("analyst@test", [AppRoles.Analyst], sp => sp.GetRequiredService<TemplateQueries>().GetAsync(draft)));
        var shown = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateQueries>().GetAsync(draft));

        Assert.Contains("only administrators see a template before it is published", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(draft, shown!.Version.Id);
        Assert.Equal(draft, shown.Draft!.Id);
    }

    private Task<T> Commands<T>(Func<TemplateCommands, Task<T>> work) =>
        app.AsAdminAsync(sp => work(sp.GetRequiredService<TemplateCommands>()));
}
