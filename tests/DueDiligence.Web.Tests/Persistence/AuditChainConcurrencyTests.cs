using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Persistence;

/// <summary>
/// Many writers at once, each on its own connection, as several app instances would be: the audit chain takes the
/// database's lock before it reads its last hash, so it never forks and loses no event.
/// </summary>
public sealed class AuditChainConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Analyst = [AppRoles.Analyst];

    [Fact]
    public async Task Saves_ByManyWritersAtOnce_KeepOneUnbrokenChainWithAnEventForEachChange()
    {
        await using (var before = await app.CreateDbContextAsync())
        {
            Assert.True((await app.AsUserAsync("admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync())).IsIntact);
        }

        var batch = Guid.NewGuid().ToString("N")[..8];
        var writers = Enumerable.Range(1, 120).Select(i => Task.Run(() => app.AsUserAsync($"writer-{i}@test", Analyst, s =>
            s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput { LegalName = $"Concurrent {batch} {i:000}", HqCountry = "DE", Category = SupplierCategory.Other }))));

        await Task.WhenAll(writers);

        await using var db = await app.CreateDbContextAsync();
        var verification = await app.AsUserAsync("admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(verification.IsIntact, verification.Reason);
        var created = await db.Suppliers.CountAsync(s => s.LegalName.StartsWith($"Concurrent {batch}"));
        Assert.Equal(120, created);
        var audited = await db.AuditEvents.CountAsync(e => e.EntityType == "Supplier" && e.Actor.StartsWith("writer-"));
        Assert.Equal(120, audited);
        var previousHashes = await db.AuditEvents.Select(e => e.PreviousHash).ToListAsync();
        Assert.Equal(previousHashes.Count, previousHashes.Distinct().Count());
    }

    [Fact]
    public async Task AnswerSaves_ByTenEditorsAtOnceAmongOtherWriters_KeepOneUnbrokenChainWithAnEventForEachAnswer()
    {
        // An answer's save reads the chain's tip with the assessment, after taking the lock; a supplier's save reads it in the audited save.
        var id = await AssessmentScenarios.NewDraftAsync(app);
        var questions = (await AssessmentScenarios.DefaultTemplateAsync(app)).Definition.Sections.SelectMany(s => s.Questions).Take(10).ToList();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var versions = new Guid?[questions.Count];

        for (var round = 1; round <= 3; round++)
        {
            var answers = questions.Select((question, i) => Task.Run(() => AssessmentScenarios.AnswerAsync(
                app, id, CompleteAnswers.Best(question) with { Comment = $"Round {round}" }, expectedVersion: versions[i])));
            var suppliers = Enumerable.Range(1, 5).Select(i => Task.Run(() => app.AsUserAsync($"bystander-{batch}-{round}-{i}@test", Analyst, s =>
                s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput { LegalName = $"Among answers {batch} {round}-{i}", HqCountry = "DE", Category = SupplierCategory.Other }))));
            var saved = await Task.WhenAll(answers);
            await Task.WhenAll(suppliers);
            for (var i = 0; i < questions.Count; i++)
            {
                versions[i] = saved[i].Version;
            }
        }

        await using var db = await app.CreateDbContextAsync();
        var verification = await app.AsUserAsync("admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(verification.IsIntact, verification.Reason);
        var supplierKey = (await db.Assessments.Where(a => a.Id == id).Select(a => a.SupplierId).SingleAsync()).ToString();
        Assert.Equal(30, await db.AuditEvents.CountAsync(e => e.EntityType == "AssessmentAnswer" && e.SupplierKey == supplierKey && e.Changes.Contains("Round ")));
        Assert.Equal(15, await db.AuditEvents.CountAsync(e => e.EntityType == "Supplier" && e.Actor.StartsWith($"bystander-{batch}-")));
    }
}
