using System.Text;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.IpRights;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.IpRights;

/// <summary>The register's CSV import: all or nothing, every error with its line and a plain sentence, legal and administrators only.</summary>
public sealed class IpRightImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "Kind,Title,Number,Owner entity,Protects,Countries\n";

    [Fact]
    public async Task Import_OfAValidFile_AddsEveryRight()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = Csv(
            $"Trademark (word),ORCHID {tag},TM-9,Northwind Instruments GmbH,Brand assets,\"CN | Registered | 2020-01-05 | 2021-03-01 | 2031-03-01\nVN | Filed | 2025-02-01\"",
            $"Trade secret,Mixing order {tag},TS-9,Northwind Instruments GmbH,Formulas / recipes; Process know-how,");

        var added = await ImportAsync(file);

        Assert.Equal(2, added);
        await using var db = await app.CreateDbContextAsync();
        var mark = await db.IpRights.Include(r => r.Countries).SingleAsync(r => r.Title == $"ORCHID {tag}");
        Assert.Equal(["CN", "VN"], mark.Countries.Select(c => c.Country.Value).Order());
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "IpRight" && e.EntityKey == mark.Id.ToString() && e.Actor == "legal@test"));
    }

    [Fact]
    public async Task Import_WithOneBadLine_AddsNothingAndPreviewNamesEveryErrorWithItsLine()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = Csv(
            $"Trademark (word),GOOD {tag},TM-1,Northwind Instruments GmbH,Brand assets,CN | Registered | 2020-01-05 | 2021-03-01",
            $"Trademark (sticker),BAD {tag},TM-2,Northwind Instruments GmbH,Brand assets,XX | Registered | 2020-01-05 | 05/03/2021",
            $"Patent,NO DATE {tag},P-1,Northwind Instruments GmbH,Design files,VN | Registered");

        var preview = await app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightImport>().PreviewAsync(file));

        Assert.False(preview.CanImport);
        Assert.Empty(preview.Rows.Single(r => r.Line == 2).Errors);
        var bad = preview.Rows.Single(r => r.Line == 3).Errors;
        Assert.Contains(bad, e => e.StartsWith("“Trademark (sticker)” is not a kind of right: use Patent, Utility model", StringComparison.Ordinal));
        Assert.Contains("“XX” in Countries is not an ISO country code (two letters, e.g. CN, VN).", bad);
        Assert.Contains("“05/03/2021” in Countries is not a registration date: write it as yyyy-mm-dd, e.g. 2025-03-01.", bad);
        Assert.Equal(["Give the date the right was registered in Vietnam."], preview.Rows.Single(r => r.Line == 4).Errors);

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(file));
        Assert.StartsWith("Nothing was imported: the file has errors (first: line 3:", error.Message, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.IpRights.AnyAsync(r => r.Title.EndsWith(tag)));
    }

    [Fact]
    public async Task Import_OfARightAlreadyInTheRegisterOrTwiceInTheFile_IsRefused()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var line = $"Trademark (word),TWICE {tag},TM-2,Northwind Instruments GmbH,Brand assets,CN | Registered | 2020-01-05 | 2021-03-01";
        var twice = await app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightImport>().PreviewAsync(Csv(line, line)));
        Assert.Equal(["The same right (kind, title and number) is already on line 2."], twice.Rows.Single(r => r.Line == 3).Errors);

        await ImportAsync(Csv(line));
        var again = await app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightImport>().PreviewAsync(Csv(line)));

        Assert.Equal([$"“TWICE {tag}” (Trademark (word), TM-2) is already in the register: change it on its page."], again.Rows.Single().Errors);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.IpRights.CountAsync(r => r.Title == $"TWICE {tag}"));
    }

    [Fact]
    public async Task Import_OfAFileWithoutTheColumns_SaysWhichAreMissing()
    {
        var preview = await app.AsUserAsync("admin@test", [AppRoles.Admin], s => s.GetRequiredService<IpRightImport>().PreviewAsync(Encoding.UTF8.GetBytes("Name,Country\nX,CN\n")));

        Assert.Equal(["The header has no column “Kind”, “Title”, “Number”, “Owner entity”, “Protects”, “Countries”: the first line must name the columns Kind, Title, Number, Owner entity, Protects, Countries."], preview.FileErrors);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.Executive)]
    public async Task PreviewAndImport_WhenNotLegalOrAdmin_AreForbidden(string role)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = Csv($"Trademark (word),FORBIDDEN {tag},TM-3,Northwind Instruments GmbH,Brand assets,CN | Registered | 2020-01-05 | 2021-03-01");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<IpRightImport>().PreviewAsync(file)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<IpRightImport>().ImportAsync(file)));

        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.IpRights.AnyAsync(r => r.Title == $"FORBIDDEN {tag}"));
    }

    private Task<int> ImportAsync(byte[] file) =>
        app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<IpRightImport>().ImportAsync(file));

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(Header + string.Join("\n", lines) + "\n");
}
