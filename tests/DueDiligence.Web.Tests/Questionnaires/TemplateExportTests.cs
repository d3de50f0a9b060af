using System.Net;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

public sealed class TemplateExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExportAsync_OfTheDefaultTemplate_GivesAFileThatImportsAndExportsIdentically()
    {
        var seeded = await SeededIdAsync();
        var exported = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateQueries>().ExportAsync(seeded));

        var imported = await app.ImportAsync(exported!.Json);
        var exportedAgain = await app.AsAdminAsync(sp => sp.GetRequiredService<TemplateQueries>().ExportAsync(imported.Id!.Value));

        Assert.True(imported.Succeeded, string.Join(" ", imported.Errors));
        Assert.Equal(exported.Json, exportedAgain!.Json);
        Assert.Equal("ip-risk-due-diligence-overseas-manufacturing.v1.json", exported.FileName);
    }

    [Fact]
    public async Task ExportEndpoint_WhenAdministrator_DownloadsTheJsonAsAnAttachment()
    {
        var seeded = await SeededIdAsync();
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = await app.SignInAsync(admin.Email, admin.Password);

        var response = await client.GetAsync($"/admin/templates/{seeded}/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("ip-risk-due-diligence-overseas-manufacturing.v1.json", response.Content.Headers.ContentDisposition.FileNameStar);
        var parsed = TemplateJson.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(parsed.Succeeded);
        Assert.Equal("IP Risk Due Diligence — Overseas Manufacturing", parsed.Definition.Name);
    }

    [Fact]
    public async Task ExportEndpoint_WhenAnalyst_Returns403()
    {
        var seeded = await SeededIdAsync();
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync($"/admin/templates/{seeded}/export.json");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("duediligence.template/1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportEndpoint_WhenVersionDoesNotExist_Returns404()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = await app.SignInAsync(admin.Email, admin.Password);

        var response = await client.GetAsync($"/admin/templates/{Guid.NewGuid()}/export.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> SeededIdAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.Where(v => v.VersionNumber == 1 && v.Status == TemplateStatus.Published)
            .OrderBy(v => v.CreatedAt).Select(v => v.Id).FirstAsync();
    }
}
