using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>
/// The register file is one shape both ways: a file exported from one register imports into another as exactly the
/// same suppliers, field by field, in CSV as in Excel; imported again where they already are, every row is refused.
/// </summary>
public sealed class RoundTripTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Analyst = [AppRoles.Analyst];

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportThenImport_IntoAnEmptyRegister_RestoresEveryFieldOfEverySupplier(string format)
    {
        await EnsureAwkwardSupplierAsync();
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var file = await client.GetByteArrayAsync($"/suppliers/export.{format}");
        var exported = await ProfilesAsync(app.Services);

        await using var empty = new AppFactory(TestDatabase.Current, demoData: false);
        var result = await AppFactory.AsUserAsync(empty.Services, "ana@test", Analyst, s => s.GetRequiredService<SupplierImport>().ImportAsync(file));

        Assert.True(result.Imported, string.Join("\n", result.Preview.FileErrors.Concat(result.Preview.Warnings).Concat(result.Preview.Rows.SelectMany(r => r.Errors.Select(e => $"{r.Place}: {e}")))));
        Assert.Empty(result.Preview.Warnings);
        Assert.Equal(exported.Count, result.ImportedCount);
        var imported = await ProfilesAsync(empty.Services);
        Assert.Equal(exported.Count, imported.Count);
        for (var i = 0; i < exported.Count; i++)
        {
            Assert.Equal(exported[i], imported[i]);
        }
    }

    [Fact]
    public async Task ExportThenImport_IntoTheSameRegister_RefusesEveryRowWithALinkAndStoresNothing()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var file = await client.GetByteArrayAsync("/suppliers/export.csv?country=VN");
        var before = await CountAsync();

        var result = await app.ImportAsync(file);

        Assert.False(result.Imported);
        Assert.NotEmpty(result.Preview.Rows);
        Assert.All(result.Preview.Rows, row => Assert.NotNull(row.Existing));
        Assert.All(result.Preview.Rows, row => Assert.EndsWith("is already in the register.", Assert.Single(row.Errors), StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public void Cells_WhenValuesHoldTheSeparator_ReadBackExactly()
    {
        string?[][] entries = [["VN", "Zone A | Gate 3|", "Testing"], ["|x", "", "y"], ["only"]];

        var cell = SupplierCells.Write(entries);
        var read = SupplierCells.Read(cell);

        Assert.Equal("VN | Zone A || Gate 3|| | Testing\n||x |  | y\nonly", cell);
        Assert.Equal(["VN", "Zone A | Gate 3|", "Testing"], read[0].Parts);
        Assert.Equal(["|x", "", "y"], read[1].Parts);
        Assert.Equal(["only"], read[2].Parts);
    }

    /// <summary>Every field filled, with what a spreadsheet or the cell format could trip over.</summary>
    private async Task EnsureAwkwardSupplierAsync()
    {
        const string name = "=Łódź “Quoted”, Precision | Tools Sp. z o.o.";
        await using (var db = await app.CreateDbContextAsync())
        {
            if (await db.Suppliers.AnyAsync(s => s.LegalName == name))
            {
                return;
            }
        }

        var input = new SupplierInput
        {
            LegalName = name,
            HqCountry = "PL",
            Category = SupplierCategory.DesignHouse,
            RegistrationNumber = "0000123456",
            Duns = "012345678",
            Lei = "5493001KJTIIGC8Y1R12",
            VatNumber = "PL1234567890",
            Website = "https://lodz-tools.example.com/about?lang=en&x=1",
            Description = "Line one, with \"quotes\" and a comma\nLine two: -5 °C; +20 %\n\n@ the end",
            Sites =
            [
                new SiteInput { Country = "PL", City = "Łódź", Activities = (SiteActivity)1023 },
                new SiteInput { Country = "AX", City = "Mariehamn | Harbour", Activities = SiteActivity.None },
                new SiteInput { Country = "TR", City = "İzmir", Activities = SiteActivity.Testing | SiteActivity.Office },
            ],
            Subcontractors =
            [
                new SubcontractorInput { Name = "+Plus Coatings", Country = "DE", Activity = "Painting, pad printing; drying" },
                new SubcontractorInput { Name = "Zeta || Double", Country = "CZ", Activity = "-" },
            ],
            Contacts =
            [
                new ContactInput { Name = "Zofia Nowak", Role = "Head of sales", Email = "zofia@lodz-tools.example.com", Phone = "+48 42 123 45 67" },
                new ContactInput { Name = "Piotr", Phone = "=1+1" },
                new ContactInput { Name = "Anna | B", Role = "QA", Email = null, Phone = null },
            ],
            Exposure = Enum.GetValues<IpAssetCategory>().Select((c, i) => new ExposureInput { Category = c, Sensitivity = (i % 5) + 1, Note = i == 0 ? "CAD | drawings, 3D" : i == 1 ? null : $"Note {i}" }).ToList(),
        };
        await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input));
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.CountAsync();
    }

    /// <summary>Every supplier's profile as plain values, lists sorted, suppliers by name.</summary>
    private static async Task<List<string>> ProfilesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DueDiligence.Web.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync();
        var suppliers = await db.Suppliers.AsNoTracking()
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Contacts).Include(s => s.Exposure)
            .AsSplitQuery().ToListAsync();
        return suppliers.Select(Profile).Order(StringComparer.Ordinal).ToList();
    }

    private static string Profile(Supplier s) => string.Join("\n",
    [
        $"name: {s.LegalName}", $"hq: {s.HqCountry}", $"kind: {s.Category}", $"reg: {s.RegistrationNumber}", $"duns: {s.Duns}", $"lei: {s.Lei}",
        $"vat: {s.VatNumber}", $"web: {s.Website}", $"description: {s.Description}",
        .. s.Sites.Select(x => $"site: {x.Country} · {x.City} · {x.Activities}").Order(StringComparer.Ordinal),
        .. s.Subcontractors.Select(x => $"subcontractor: {x.Name} · {x.Country} · {x.Activity}").Order(StringComparer.Ordinal),
        .. s.Contacts.Select(x => $"contact: {x.Name} · {x.Role} · {x.Email} · {x.Phone}").Order(StringComparer.Ordinal),
        .. s.Exposure.Select(x => $"exposure: {x.Category} · {x.Sensitivity} · {x.Note}").Order(StringComparer.Ordinal),
    ]);
}
