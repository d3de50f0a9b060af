using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Features.IpRights;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.IpRights;

/// <summary>The shipped IP treaty data (blanks stay unknown) and legal's audited corrections.</summary>
public sealed class TreatyDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ReferenceData_IsSeededWithSourcesAndBlanksReadAsUnknownNotNo()
    {
        var vietnam = await TreatiesAsync("VN");
        var taiwan = await TreatiesAsync("TW");

        Assert.True(vietnam.Reading(TreatyFact.Paris).IsUnknown);
        Assert.Equal("unknown", vietnam.Reading(TreatyFact.Paris).Describe());
        Assert.Equal("since 2006", vietnam.Reading(TreatyFact.MadridProtocol).Describe());
        Assert.Equal("WIPO Madrid status list, 2026", vietnam.Value(TreatyFact.MadridProtocol)!.Citation);
        Assert.Equal("yes", vietnam.Reading(TreatyFact.TrademarkFirstToFile).Describe());
        Assert.Equal("no", taiwan.Reading(TreatyFact.MadridProtocol).Describe());
        Assert.Contains("WIPO-MADRID-2026", vietnam.SourceIds, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(42, await db.CountryTreaties.CountAsync(t => t.SourceIds != null));
    }

    [Theory]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Admin)]
    public async Task Correct_AsLegalOrAdmin_ChangesTheValueAndTheAuditKeepsTheReason(string role)
    {
        var reason = $"UN Treaty Collection shows accession {Guid.NewGuid():N}"[..48];
        var before = await TreatiesAsync("ID");

        await app.AsUserAsync($"{role}@test", [role], s => s.GetRequiredService<CorrectTreatyFact>().ExecuteAsync("ID", before.Version, new TreatyFactInput
        {
            Fact = TreatyFact.Paris,
            Value = "1950",
            Source = "WIPO Paris status list",
            SourceYear = 2026,
            Reason = reason,
        }));

        var after = await TreatiesAsync("ID");
        Assert.Equal("since 1950", after.Reading(TreatyFact.Paris).Describe());
        Assert.Contains($"corrected by {role}@test", after.Value(TreatyFact.Paris)!.Provenance, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(TreatyValue) && e.Actor == $"{role}@test" && e.Changes.Contains(reason)));
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.Executive)]
    public async Task Correct_WhenNotLegalOrAdmin_IsForbiddenAndNothingChanges(string role)
    {
        var before = await TreatiesAsync("TH");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<CorrectTreatyFact>().ExecuteAsync("TH", before.Version, new TreatyFactInput
        {
            Fact = TreatyFact.HagueGenevaAct,
            Value = "2020",
            Source = "made up",
            SourceYear = 2026,
            Reason = "testing",
        })));

        Assert.Equal("no", (await TreatiesAsync("TH")).Reading(TreatyFact.HagueGenevaAct).Describe());
    }

    [Fact]
    public async Task Correct_WithoutReasonOrWithAValueThatIsNotAYear_IsRefusedWithSpecificMessages()
    {
        var before = await TreatiesAsync("MY");

        var error = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<CorrectTreatyFact>().ExecuteAsync("MY", before.Version, new TreatyFactInput
        {
            Fact = TreatyFact.MadridProtocol,
            Value = "maybe",
            Source = "WIPO",
            SourceYear = 2026,
            Reason = " ",
        })));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Say why the value is corrected: the audit trail keeps it.", messages);
        Assert.Contains("“maybe” is not a membership for Madrid Protocol: give the year it entered into force, no, or leave it blank (unknown).", messages);
        Assert.Equal("since 2019", (await TreatiesAsync("MY")).Reading(TreatyFact.MadridProtocol).Describe());
    }

    [Fact]
    public async Task Correct_FromAnOlderVersion_IsRefused()
    {
        var stale = (await TreatiesAsync("PH")).Version;
        await Correct("PH", stale, "1965");

        await Assert.ThrowsAsync<DueDiligence.Web.Infrastructure.ConcurrencyConflictException>(() => Correct("PH", stale, "1970"));

        Assert.Equal("since 1965", (await TreatiesAsync("PH")).Reading(TreatyFact.Paris).Describe());
    }

    private Task Correct(string country, Guid version, string value) =>
        app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<CorrectTreatyFact>().ExecuteAsync(country, version, new TreatyFactInput
        {
            Fact = TreatyFact.Paris,
            Value = value,
            Source = "WIPO Paris status list",
            SourceYear = 2026,
            Reason = "Checked against WIPO.",
        }));

    private async Task<CountryTreaties> TreatiesAsync(string country) =>
        (await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<IpRightQueries>().TreatiesAsync(country)))!;
}
