using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Suppliers;

public sealed class SupplierCommandTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Analyst = [AppRoles.Analyst];

    [Fact]
    public async Task Create_WithSitesAndExposure_StoresTheSupplierOwnedByTheAnalyst()
    {
        var input = Sample("Harbourview Plastics Ltd.");

        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input));

        var detail = await app.AsUserAsync("lee@test", [AppRoles.LegalReviewer], s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        Assert.NotNull(detail);
        Assert.Equal("Harbourview Plastics Ltd.", detail.Supplier.LegalName);
        Assert.Equal("ana@test", detail.Supplier.OwnerId);
        Assert.Equal(SupplierStatus.Prospect, detail.Supplier.Status);
        Assert.Equal(["CN", "VN"], detail.Supplier.Sites.Select(x => x.Country.Value).Order());
        Assert.Equal(100, detail.Exposure);
        Assert.Equal(["CN", "VN"], detail.Countries.Select(c => c.Jurisdiction.Country.Value).Order());
    }

    [Fact]
    public async Task Create_WithInvalidInput_IsRefusedWithEverySpecificMessage()
    {
        var input = Sample("");
        input.HqCountry = "XX";
        input.Duns = "12345";
        input.Lei = "NOTANLEI";
        input.Website = "example";
        input.Sites[0].City = "";
        input.Exposure.Add(new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 9 });

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input)));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Enter the supplier's legal name.", messages);
        Assert.Contains("“XX” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).", messages);
        Assert.Contains("A DUNS number has exactly 9 digits.", messages);
        Assert.Contains("An LEI has 20 letters and digits with valid check digits (ISO 17442).", messages);
        Assert.Contains("Enter the website as a full address starting with https:// or http://.", messages);
        Assert.Contains("Enter the city of the site.", messages);
        Assert.Contains("Rate sensitivity from 1 (low) to 5 (crown jewels).", messages);
        Assert.Contains("Each kind of IP appears once in the exposure profile; give the highest sensitivity for it.", messages);
    }

    [Fact]
    public async Task Create_WithTheSameLegalNameAndCountry_IsRefusedWithTheExistingSupplier()
    {
        var first = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("Twin Rivers Tooling Co.")));

        var duplicate = await Assert.ThrowsAsync<DuplicateSupplierException>(() =>
            app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("  twin rivers   TOOLING co. "))));

        Assert.Equal(first, duplicate.ExistingId);
        Assert.Contains("already in the register", duplicate.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Saigon Precision Mouldings Pte Ltd")]
    [InlineData("SAIGON PRECISION MOULDINGS PRIVATE LIMITED")]
    [InlineData("Saigon Precision Mouldings, Pte. Ltd")]
    public async Task Create_WhenOnlyPunctuationCaseOrTheLegalFormsSpellingDiffer_IsRefusedWithTheExistingSupplier(string spelling)
    {
        var existing = await ExistingAsync("Saigon Precision Mouldings Pte. Ltd.", "VN");
        var input = Sample(spelling);
        input.HqCountry = "VN";

        var duplicate = await Assert.ThrowsAsync<DuplicateSupplierException>(() =>
            app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input)));

        Assert.Equal(existing, duplicate.ExistingId);
        Assert.Equal("Saigon Precision Mouldings Pte. Ltd. (Vietnam) is already in the register. Open the existing supplier instead of creating a second one.", duplicate.Message);
    }

    [Fact]
    public async Task Update_WhenRenamedToAnExistingSuppliersNameInAnotherSpelling_IsRefused()
    {
        await ExistingAsync("Mekong Cable Assemblies Co., Ltd.", "VN");
        var other = Sample("Mekong Wire Harness Co., Ltd.");
        other.HqCountry = "VN";
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(other));
        var loaded = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        var edit = SupplierInput.From(loaded!.Supplier);
        edit.LegalName = "MEKONG CABLE ASSEMBLIES COMPANY LIMITED";

        await Assert.ThrowsAsync<DuplicateSupplierException>(() =>
            app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(edit)));
    }

    [Fact]
    public async Task Similar_WhenTheNameIsTheSameOrAlike_ListsTheDuplicateFirstThenTheLookalikes()
    {
        var duplicate = await ExistingAsync("Red River Optics Co., Ltd.", "VN");
        var abroad = await ExistingAsync("Red River Optics Pte. Ltd.", "SG");
        var typo = await ExistingAsync("Red Rivers Optics JSC", "VN");
        await ExistingAsync("Blue River Plastics JSC", "VN");

        var found = await app.AsUserAsync("ana@test", Analyst, s =>
            s.GetRequiredService<SupplierQueries>().SimilarAsync("red river optics company limited", "VN", null));

        Assert.Equal(
            [(duplicate, NameMatch.Duplicate), (abroad, NameMatch.SameName), (typo, NameMatch.SimilarName)],
            found.Select(f => (f.Id, f.Match)));
    }

    [Fact]
    public async Task Similar_WhenMoreStemsAreAlikeThanOneQueryReads_ReadsThemAll()
    {
        // 600 stems a typo or two apart: read 500 per query, the supplier of the entered name is in the second read.
        await using (var db = await app.CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            db.Suppliers.AddRange(Enumerable.Range(0, 600).Select(n => new Domain.Suppliers.Supplier(
                new SupplierProfile($"Chunked Optics Precision Mouldings Group {n:D4} Ltd", CountryCode.Parse("KR"), SupplierCategory.ContractManufacturer),
                "ana@test", "Ana", now)));
            await db.SaveChangesAsync();
        }

        var found = await app.AsUserAsync("ana@test", Analyst, s =>
            s.GetRequiredService<SupplierQueries>().SimilarAsync("CHUNKED OPTICS PRECISION MOULDINGS GROUP 0599 LIMITED", "KR", null));

        Assert.Equal(5, found.Count);
        Assert.Equal(("Chunked Optics Precision Mouldings Group 0599 Ltd", NameMatch.Duplicate), (found[0].LegalName, found[0].Match));
        Assert.Equal(
            ["Chunked Optics Precision Mouldings Group 0000 Ltd", "Chunked Optics Precision Mouldings Group 0001 Ltd", "Chunked Optics Precision Mouldings Group 0002 Ltd", "Chunked Optics Precision Mouldings Group 0003 Ltd"],
            found.Skip(1).Select(f => f.LegalName));
    }

    [Fact]
    public async Task Similar_WhenEditingASupplier_DoesNotListTheSupplierItself()
    {
        var id = await ExistingAsync("Solitary Springs Manufacturing Ltd.", "MY");

        var found = await app.AsUserAsync("ana@test", Analyst, s =>
            s.GetRequiredService<SupplierQueries>().SimilarAsync("Solitary Springs Manufacturing Ltd.", "MY", id));

        Assert.Empty(found);
    }

    [Fact]
    public async Task Create_WithTheSameLegalNameInAnotherCountry_IsAllowed()
    {
        await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("Global Fasteners Ltd.")));
        var other = Sample("Global Fasteners Ltd.");
        other.HqCountry = "TH";

        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(other));

        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Update_FromAStaleVersion_IsRefusedAndTheFirstSaveIsKept()
    {
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("Stale Edit Industries")));
        var loaded = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        var first = SupplierInput.From(loaded!.Supplier);
        var second = SupplierInput.From(loaded.Supplier);
        first.Description = "First editor's description";
        second.Description = "Second editor's description";

        await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(first));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsUserAsync("bob@test", Analyst, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(second)));

        Assert.Contains("Nothing was overwritten", conflict.Message, StringComparison.Ordinal);
        var stored = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        Assert.Equal("First editor's description", stored!.Supplier.Description);
    }

    [Fact]
    public async Task Update_ReplacesSitesAndRecordsTheChangeInTheHistory()
    {
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("History Makers Ltd.")));
        var loaded = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        var edit = SupplierInput.From(loaded!.Supplier);
        edit.Sites.RemoveAll(site => site.Country == "VN");
        edit.Sites.Add(new SiteInput { Country = "MX", City = "Monterrey", Activities = SiteActivity.FinalAssembly });

        await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().UpdateAsync(edit));

        var stored = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        Assert.Equal(["CN", "MX"], stored!.Supplier.Sites.Select(x => x.Country.Value).Order());
        var history = (await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierQueries>().HistoryAsync(id))).Events;
        Assert.Contains(history, e => e.EntityType == "Site" && e.Action == Domain.Auditing.AuditAction.Insert && e.Changes.Contains("Monterrey", StringComparison.Ordinal));
        Assert.Contains(history, e => e.EntityType == "Site" && e.Action == Domain.Auditing.AuditAction.Delete);
        Assert.Contains(history, e => e.EntityType == "Supplier" && e.Action == Domain.Auditing.AuditAction.Insert && e.Actor == "ana@test");
    }

    [Theory]
    [InlineData(AppRoles.Executive)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Admin)]
    public async Task Create_WhenNotAnAnalyst_IsForbidden(string role)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("someone@test", [role], s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("Forbidden Works"))));
    }

    [Fact]
    public async Task Update_WhenExecutive_IsForbiddenAndNothingChanges()
    {
        var id = await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(Sample("Read Only For Executives")));
        var loaded = await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<SupplierQueries>().GetAsync(id));
        var edit = SupplierInput.From(loaded!.Supplier);
        edit.LegalName = "Renamed by an executive";

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<SupplierCommands>().UpdateAsync(edit)));

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal("Read Only For Executives", (await db.Suppliers.SingleAsync(x => x.Id == id)).LegalName);
    }

    [Fact]
    public async Task EditPage_WhenExecutive_Returns403()
    {
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        var client = await app.SignInAsync(executive.Email, executive.Password);

        var response = await client.GetAsync("/suppliers/new");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Search_FiltersByCountryOfAnySiteAndByStatus()
    {
        var input = Sample("Filterable Components Ltd.");
        input.HqCountry = "JP";
        input.Sites = [new SiteInput { Country = "KH", City = "Phnom Penh", Activities = SiteActivity.Packaging }];
        await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input));

        var byCountry = await app.AsUserAsync("eve@test", [AppRoles.Executive], s =>
            s.GetRequiredService<SupplierQueries>().SearchAsync(new SupplierFilter { Country = "KH" }, 0, 25));
        var byStatus = await app.AsUserAsync("eve@test", [AppRoles.Executive], s =>
            s.GetRequiredService<SupplierQueries>().SearchAsync(new SupplierFilter { Country = "KH", Status = SupplierStatus.Rejected }, 0, 25));

        var row = Assert.Single(byCountry.Rows);
        Assert.Equal("Filterable Components Ltd.", row.LegalName);
        Assert.Equal("KH", row.WorstJurisdiction!.Jurisdiction.Country.Value);
        Assert.Empty(byStatus.Rows);
    }

    [Theory]
    [InlineData("country")]
    [InlineData("-country")]
    public async Task Search_SortedByHqCountry_OrdersByTheCountrysNameAsAReaderExpects(string sort)
    {
        // Åland (AX) sorts with the A's and Türkiye (TR) before Tuvalu (TV), not by code point.
        await ExistingAsync("Mariehamn Marine Fittings Ab", "AX");
        await ExistingAsync("Funafuti Nets Ltd.", "TV");

        var page = await app.AsUserAsync("eve@test", [AppRoles.Executive], s =>
            s.GetRequiredService<SupplierQueries>().SearchAsync(new SupplierFilter { Sort = sort }, 0, 500));

        var names = page.Rows.Select(r => r.HqCountry.Name).Distinct().ToList();
        var expected = names.Order(Domain.Common.Countries.NameOrder).ToList();
        if (sort.StartsWith('-'))
        {
            expected.Reverse();
        }

        Assert.Equal(expected, names);
        Assert.True(names.IndexOf("Türkiye") < names.IndexOf("Tuvalu") == !sort.StartsWith('-'));
        Assert.True(names.IndexOf("Åland Islands") < names.IndexOf("Brazil") == !sort.StartsWith('-'));
    }

    private async Task<Guid> ExistingAsync(string name, string country)
    {
        await using (var db = await app.CreateDbContextAsync())
        {
            var key = Domain.Suppliers.Supplier.KeyOf(name);
            var found = await db.Suppliers.Where(x => x.LegalNameKey == key).Select(x => (Guid?)x.Id).FirstOrDefaultAsync();
            if (found is { } id)
            {
                return id;
            }
        }

        var input = Sample(name);
        input.HqCountry = country;
        return await app.AsUserAsync("ana@test", Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(input));
    }

    private static SupplierInput Sample(string name) => new()
    {
        LegalName = name,
        HqCountry = "CN",
        Category = SupplierCategory.ContractManufacturer,
        Sites =
        [
            new SiteInput { Country = "CN", City = "Shenzhen", Activities = SiteActivity.Tooling },
            new SiteInput { Country = "VN", City = "Hanoi", Activities = SiteActivity.FinalAssembly },
        ],
        Exposure = [new ExposureInput { Category = IpAssetCategory.SourceCodeFirmware, Sensitivity = 5 }],
    };
}
