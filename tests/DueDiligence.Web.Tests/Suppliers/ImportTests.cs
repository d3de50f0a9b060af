using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DueDiligence.Web.Tests.Suppliers.ImportFiles;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>Importing stores every line of a clean file in one go, owned by the importing analyst, or nothing at all.</summary>
public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Import_WhenTheFileIsValid_StoresEverySupplierWithItsListsAndTheAnalystAsOwner()
    {
        var moulding = UniqueName("Harbour Moulding Ltd.");
        var firmware = UniqueName("Brno Firmware s.r.o.");
        var file = Csv(
            Header,
            $"{moulding},CN,Contract manufacturer,REG-1,123456789,,CN123,https://harbour.example.com,Housings,"
                + Lines("CN | Shenzhen | Tooling, Component manufacturing", "Viet Nam | Hanoi") + ","
                + Lines("Pearl Finishing | CN | Painting") + ","
                + Lines("Lin Wei | Account manager | lin@harbour.example.com | +86 755 1234", "Tran Minh") + ","
                + Lines("Design files | 4 | 3D CAD", "ToolingMoulds | 3"),
            $"\"{firmware}\",cz,OutsourcingPartner,,,,,,\"Firmware, drivers\",CZ | Brno | Software development,,,Source code / firmware | 5");

        var result = await app.ImportAsync(file);

        Assert.True(result.Imported, string.Join(" ", result.Preview.Rows.SelectMany(r => r.Errors)));
        Assert.Equal(2, result.ImportedCount);
        var stored = await StoredAsync(moulding, firmware);
        var first = stored.Single(s => s.LegalName == moulding);
        Assert.Equal("CN", first.HqCountry.Value);
        Assert.Equal(SupplierCategory.ContractManufacturer, first.Category);
        Assert.Equal(("REG-1", "123456789", "CN123"), (first.RegistrationNumber, first.Duns, first.VatNumber));
        Assert.Equal("https://harbour.example.com", first.Website);
        Assert.Equal(SupplierStatus.Prospect, first.Status);
        Assert.Equal(["CN Shenzhen Tooling, ComponentManufacturing", "VN Hanoi None"], first.Sites.Select(s => $"{s.Country.Value} {s.City} {s.Activities}").Order());
        Assert.Equal(["Pearl Finishing CN Painting"], first.Subcontractors.Select(s => $"{s.Name} {s.Country.Value} {s.Activity}"));
        Assert.Equal(["Lin Wei|Account manager|lin@harbour.example.com|+86 755 1234", "Tran Minh|||"], first.Contacts.Select(c => $"{c.Name}|{c.Role}|{c.Email}|{c.Phone}").Order());
        Assert.Equal(["DesignFiles 4 3D CAD", "ToolingMoulds 3 "], first.Exposure.Select(e => $"{e.Category} {e.Sensitivity} {e.Note}").Order());
        var second = stored.Single(s => s.LegalName == firmware);
        Assert.Equal(("CZ", SupplierCategory.OutsourcingPartner, "Firmware, drivers"), (second.HqCountry.Value, second.Category, second.Description));
        Assert.Equal(SiteActivity.SoftwareDevelopment, Assert.Single(second.Sites).Activities);
        Assert.Equal(5, second.MaxSensitivity);
        Assert.All(stored, s => Assert.Equal((Analyst, Analyst), (s.OwnerId, s.OwnerName)));
    }

    [Fact]
    public async Task Import_WhenOneLineHasAnError_StoresNothingAndSaysWhy()
    {
        var good = UniqueName("Good Parts Ltd.");
        var alsoGood = UniqueName("Fine Parts Ltd.");
        var file = Csv(Header, $"{good},VN,Component maker", $"{UniqueName("Bad Parts Ltd.")},XX,Component maker", $"{alsoGood},TH,Component maker");

        var result = await app.ImportAsync(file);

        Assert.False(result.Imported);
        Assert.Equal(0, result.ImportedCount);
        Assert.StartsWith("Nothing was imported", result.Problem, StringComparison.Ordinal);
        Assert.Equal(1, result.Preview.RowsWithErrors);
        Assert.Empty(await StoredAsync(good, alsoGood));
    }

    [Fact]
    public async Task Import_WhenALineDuplicatesAnExistingSupplier_StoresNothing()
    {
        var fresh = UniqueName("Fresh Parts Ltd.");
        var file = Csv(Header, $"{fresh},MY,Component maker", "Microline Components Sdn Bhd,MY,Component maker");

        var result = await app.ImportAsync(file);

        Assert.False(result.Imported);
        Assert.NotNull(result.Preview.Rows[1].Existing);
        Assert.Empty(await StoredAsync(fresh));
    }

    [Fact]
    public async Task Import_WhenCellsLookLikeFormulas_StoresThemAsPlainText()
    {
        var formula = $"=HYPERLINK(\"\"https://attacker.example\"\",\"\"{Guid.NewGuid():N}\"\")";
        var stored = formula.Replace("\"\"", "\"", StringComparison.Ordinal);
        var file = Csv(Header, $"\"{formula}\",DE,Other,,,,,,\"+cmd|' /C calc'!A0\",,,,");

        var result = await app.ImportAsync(file);

        Assert.True(result.Imported);
        var supplier = Assert.Single(await StoredAsync(stored));
        Assert.Equal("+cmd|' /C calc'!A0", supplier.Description);
    }

    [Theory]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    [InlineData(AppRoles.Admin)]
    public async Task Import_WhenNotAnAnalyst_IsRefusedAndStoresNothing(string role)
    {
        var name = UniqueName("Refused Parts Ltd.");
        var file = Csv(Header, $"{name},VN,Component maker");

        var preview = await Assert.ThrowsAsync<ForbiddenException>(() => app.PreviewAsync(file, role));
        var import = await Assert.ThrowsAsync<ForbiddenException>(() => app.ImportAsync(file, role));

        Assert.Equal("This needs the role Procurement analyst.", preview.Message);
        Assert.Equal(preview.Message, import.Message);
        Assert.Empty(await StoredAsync(name));
    }

    [Fact]
    public async Task Import_WhenDone_WritesAuditEventsByTheAnalyst()
    {
        var name = UniqueName("Audited Parts Ltd.");

        await app.ImportAsync(Csv(Header, $"{name},VN,Component maker,,,,,,,VN | Hanoi,,,Design files | 2"));

        await using var db = await app.CreateDbContextAsync();
        var id = (await db.Suppliers.SingleAsync(s => s.LegalName == name)).Id.ToString();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityKey == id && e.Actor == Analyst));
    }

    private async Task<List<Supplier>> StoredAsync(params string[] names)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Exposure).Include(s => s.Subcontractors).Include(s => s.Contacts)
            .Where(s => names.Contains(s.LegalName)).AsSplitQuery().ToListAsync();
    }
}
