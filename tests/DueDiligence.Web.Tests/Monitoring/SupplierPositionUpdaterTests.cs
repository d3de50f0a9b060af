using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>How a change and the positions it moves are saved: together, or (a whole country's, a template's) batch by batch after it.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class SupplierPositionUpdaterTests(MonitoringApp app)
{
    /// <summary>
    /// The recompute lets go of what it tracked once saved: a re-rating recomputes thousands of suppliers in one context,
    /// batch after batch, and each save's change detection scanned every earlier batch again (quadratic time).
    /// </summary>
    [Fact]
    public async Task SaveAsync_AfterTheRecompute_TracksOnlyWhatTheCallerTracked()
    {
        Guid[] suppliers = [await app.NewSupplierAsync(LowCountry), await app.NewSupplierAsync(LowCountry)];

        await app.AsUserAsync("system", [], async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var tracked = await db.Suppliers.FirstAsync(x => x.Id == suppliers[0]);

            await s.GetRequiredService<SupplierPositionUpdater>().SaveAsync(
                db, () => db.SaveChangesAsync(), new PositionTrigger("Checked"), AffectedSuppliers.Only(suppliers), CancellationToken.None);

            Assert.Same(tracked, Assert.Single(db.ChangeTracker.Entries()).Entity);
        });
    }

    [Fact]
    public async Task RateJurisdiction_OnceTheSuppliersAreRecomputed_LeavesNoNoteOfTheWork()
    {
        const string country = "IS";
        var supplier = await app.NewSupplierAsync(country);

        await app.RateAsync(country, LegalRating.Severe);

        Assert.Equal(90, (await app.PositionAsync(supplier)).WorstJurisdictionRisk);
        Assert.Empty(await NotesAsync(country));
    }

    /// <summary>
    /// An instance that stopped between a country's re-rating and the end of its recompute leaves the note saved with the
    /// rating; once the note is no longer renewed, another instance recomputes the suppliers named there and removes it.
    /// </summary>
    [Fact]
    public async Task ResumeInterruptedAsync_WhenANoteIsNoLongerRenewed_RecomputesTheCountrysSuppliersAndRemovesTheNote()
    {
        const string country = "HR";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(LowCountry, [country]);
        await app.DecidedAsync(supplier, maturity: 2); // J 15: R 34.5, Medium; at J 90 High
        await RateWithoutRecomputeAsync(country, LegalRating.Severe, "stopped-instance", TimeSpan.FromMinutes(-1));
        Assert.Equal(RiskTier.Medium, (await app.PositionAsync(supplier)).LiveTier);

        await app.AsUserAsync("system", [], s => s.GetRequiredService<SupplierPositionUpdater>().ResumeInterruptedAsync(CancellationToken.None));

        var row = Assert.Single(await app.QueueAsync([supplier]));
        Assert.Equal(RiskTier.High, row.Live.Tier);
        Assert.Equal("Croatia: recompute resumed after an interruption", Assert.Single(row.Changes).What);
        Assert.Empty(await NotesAsync(country));
    }

    [Fact]
    public async Task ResumeInterruptedAsync_WhileTheNoteIsRenewed_LeavesTheWorkToItsHolder()
    {
        const string country = "BG";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(country);
        await RateWithoutRecomputeAsync(country, LegalRating.Severe, "busy-instance", SupplierPositionUpdater.NoteHeldFor / 2);

        await app.AsUserAsync("system", [], s => s.GetRequiredService<SupplierPositionUpdater>().ResumeInterruptedAsync(CancellationToken.None));

        Assert.Equal(15, (await app.PositionAsync(supplier)).WorstJurisdictionRisk);
        var note = Assert.Single(await NotesAsync(country));
        Assert.Equal("busy-instance", note.Holder);
        await using var db = await Contexts().CreateDbContextAsync();
        await db.JobLeases.Where(l => l.Name == note.Name).ExecuteDeleteAsync(); // the busy instance's work, which this test leaves undone
    }

    /// <summary>
    /// A new version that adds a knock-out is saved first, then noted for every supplier decided on an earlier version,
    /// batch by batch (thousands at portfolio scale), whether or not its figures moved.
    /// </summary>
    [Fact]
    public async Task PublishAsync_OfAVersionThatAddsAKnockOut_NotesItForEachSupplierDecidedOnTheTemplateAndLeavesNoNote()
    {
        var template = await app.PublishTemplateAsync($"Knock-out added {Guid.NewGuid():N}", evidenceRequired: false);
        Guid[] decided = [await app.NewSupplierAsync(LowCountry), await app.NewSupplierAsync(LowCountry)];
        foreach (var supplier in decided)
        {
            await app.DecidedAsync(supplier, maturity: 3, templateId: template);
        }

        var prospect = await app.NewSupplierAsync(LowCountry);

        await PublishWithKnockOutAsync(template);

        foreach (var supplier in decided)
        {
            var entry = Assert.Single(await ChangesAsync(supplier), c => c.What.Contains("adds knock-out SC-01", StringComparison.Ordinal));
            Assert.EndsWith("the decision was taken without it", entry.What, StringComparison.Ordinal);
        }

        Assert.Empty(await ChangesAsync(prospect));
        Assert.Empty(await NotesAsync("template:"));
    }

    [Fact]
    public async Task ResumeInterruptedAsync_OfANoteOfNewKnockOuts_NotesThemForTheSuppliersDecidedOnTheTemplate()
    {
        var template = await app.PublishTemplateAsync($"Knock-out resumed {Guid.NewGuid():N}", evidenceRequired: false);
        var supplier = await app.NewSupplierAsync(LowCountry);
        await app.DecidedAsync(supplier, maturity: 3, templateId: template);
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            var key = await db.TemplateVersions.Where(v => v.Id == template).Select(v => v.TemplateKey).SingleAsync();
            db.JobLeases.Add(new JobLease($"{SupplierPositionUpdater.NotePrefix}template:{key:N}:{Guid.NewGuid():N}", "stopped-instance", app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        await app.AsUserAsync("system", [], s => s.GetRequiredService<SupplierPositionUpdater>().ResumeInterruptedAsync(CancellationToken.None));

        Assert.Contains(await ChangesAsync(supplier), c => c.What.StartsWith("A newer version of the questionnaire adds a knock-out", StringComparison.Ordinal));
        Assert.Empty(await NotesAsync("template:"));
    }

    /// <summary>The admin starts a new version of the template, makes its question a knock-out at maturity 0 and publishes it.</summary>
    private Task PublishWithKnockOutAsync(Guid templateId) =>
        app.AsUserAsync(Admin, AdminRole, async s =>
        {
            var commands = s.GetRequiredService<TemplateCommands>();
            var draft = await commands.NewVersionAsync(templateId);
            await using var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var version = await db.TemplateVersions.AsNoTracking().SingleAsync(v => v.Id == draft);
            var definition = version.Definition;
            definition.Sections[0].Questions[0].KnockOut = new KnockOutRule { MaturityAtOrBelow = 0 };
            var stamp = await commands.SaveDraftAsync(draft, version.EditStamp, definition);
            await commands.PublishAsync(draft, stamp);
        });

    private async Task<List<SupplierPositionChange>> ChangesAsync(Guid supplier)
    {
        await using var db = await Contexts().CreateDbContextAsync();
        return await db.SupplierPositionChanges.AsNoTracking().Where(c => c.SupplierId == supplier).ToListAsync();
    }

    /// <summary>What a re-rating saves when its instance stops before recomputing anything: the rating and the note.</summary>
    private Task RateWithoutRecomputeAsync(string country, LegalRating rating, string holder, TimeSpan renewedFor) =>
        app.AsUserAsync(Legal, LegalRole, async s =>
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            var now = app.Clock.GetUtcNow().UtcDateTime;
            await using var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var code = Domain.Common.CountryCode.Parse(country);
            var jurisdiction = await db.Jurisdictions.Include(j => j.Ratings).SingleAsync(j => j.Country == code);
            jurisdiction.Rate(rating, "Rated by an instance that stopped.", app.Today.AddMonths(6), (await s.GetRequiredService<CurrentUser>().GetUserIdAsync())!, Legal, now);
            db.JobLeases.Add(new JobLease($"{SupplierPositionUpdater.NotePrefix}country:{country}:{Guid.NewGuid():N}", holder, now + renewedFor));
            await db.SaveChangesAsync();
        });

    /// <summary>The notes of recomputes of a country ("IS"), or of any set whose key starts so ("template:").</summary>
    private async Task<List<JobLease>> NotesAsync(string key)
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var prefix = SupplierPositionUpdater.NotePrefix + (key.EndsWith(':') ? key : $"country:{key}:");
        return await db.JobLeases.AsNoTracking().Where(l => l.Name.StartsWith(prefix)).ToListAsync();
    }

    private IDbContextFactory<AppDbContext> Contexts() => app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
}
