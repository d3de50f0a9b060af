using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

public sealed class DefaultTemplateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string DefaultName = "IP Risk Due Diligence — Overseas Manufacturing";

    [Fact]
    public async Task StartUp_OnAnEmptyDatabase_SeedsTheDefaultTemplatePublishedAndValid()
    {
        await using var db = await app.CreateDbContextAsync();
        var seeded = await db.TemplateVersions.AsNoTracking().SingleAsync(v => v.Name == DefaultName);

        Assert.Equal(1, seeded.VersionNumber);
        Assert.Equal(TemplateStatus.Published, seeded.Status);
        Assert.Empty(TemplateValidator.Validate(seeded.Definition));
        Assert.Equal(8, seeded.Definition.Sections.Count);
        Assert.Equal(57, seeded.Definition.Sections.Sum(s => s.Questions.Count));
    }

    [Fact]
    public async Task PublishedTemplatesAsync_ForEveryRole_OffersTheDefaultTemplate()
    {
        foreach (var role in AppRoles.All)
        {
            var published = await app.AsUserAsync($"{role}@test", [role], sp => sp.GetRequiredService<TemplateQueries>().PublishedTemplatesAsync());

            Assert.Contains(published, p => p.Name == DefaultName && p.VersionNumber == 1);
        }
    }
}
