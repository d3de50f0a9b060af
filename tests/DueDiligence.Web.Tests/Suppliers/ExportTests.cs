using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Suppliers.ExportFiles;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>The register's CSV and Excel exports, downloaded as the supplier list links to them.</summary>
public sealed class ExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExportCsv_WhenExecutive_DownloadsEverySupplierAsADatedUtf8Attachment()
    {
        var client = await SignInAsync(AppRoles.Executive);

        var response = await client.GetAsync("/suppliers/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"suppliers-{Today()}.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = CsvRecords(bytes);
        Assert.Equal(HeaderNames, records[0]);
        Assert.Equal(await SupplierCountAsync(), records.Count - 1);
        Assert.Contains(records, r => r[0] == "Anatolia Technical Textiles A.Ş." && r[1] == "TR");
    }

    [Fact]
    public async Task ExportCsv_ForADemoSupplier_ShowsWhatTheRegisterShows()
    {
        var client = await SignInAsync(AppRoles.LegalReviewer);
        var listed = await ListedAsync("Lotus Delta Electronics JSC");
        var supplier = await SupplierAsync("Lotus Delta Electronics JSC");

        var records = CsvRecords(await client.GetByteArrayAsync("/suppliers/export.csv"));

        var row = Assert.Single(records, r => r[0] == "Lotus Delta Electronics JSC");
        var worst = listed.WorstJurisdiction!;
        Assert.Equal(
            [
                "Lotus Delta Electronics JSC", "VN", "Contract manufacturer", "", "", "", "", "", "PCB assembly and final test of controller boards (fictional demo supplier).",
                "VN | Bac Ninh | Final assembly\nVN | Ho Chi Minh City | Component manufacturing, Testing", "", "Tran Minh | operations",
                "Source code / firmware | 5 | Controller firmware images for programming\nDesign files | 3 | Gerbers and BOM",
                SupplierLabels.Of(listed.Status), "Ana Analyst", "5", "100.0", "Vietnam", OneDecimal(worst.Risk.Value), worst.Risk.Level.ToString(),
                listed.LatestTier?.ToString() ?? "", listed.LatestResidualRisk is { } risk ? OneDecimal(risk) : "",
                supplier.ReassessmentDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ],
            row);
    }

    [Fact]
    public async Task ExportCsv_WithTheListsFilters_ListsOnlyTheMatchingSuppliers()
    {
        var client = await SignInAsync(AppRoles.Analyst);
        var status = (await SupplierAsync("Lotus Delta Electronics JSC")).Status;

        var inVietnam = CsvRecords(await client.GetByteArrayAsync("/suppliers/export.csv?country=VN")).Skip(1).Select(r => r[0]);
        var namedLotus = CsvRecords(await client.GetByteArrayAsync($"/suppliers/export.csv?q=lotus&status={status}")).Skip(1).Select(r => r[0]);
        var lotusInAnotherStatus = CsvRecords(await client.GetByteArrayAsync($"/suppliers/export.csv?q=lotus&status={(status == SupplierStatus.Offboarded ? SupplierStatus.Prospect : SupplierStatus.Offboarded)}"));

        // Waferlink has its HQ in Taiwan and a packaging site in Vietnam.
        Assert.Equal(["Lotus Delta Electronics JSC", "Waferlink Semiconductor Corp."], inVietnam);
        Assert.Equal(["Lotus Delta Electronics JSC"], namedLotus);
        Assert.Equal([HeaderNames], lotusInAnotherStatus);
    }

    [Fact]
    public async Task ExportCsv_WhenANameLooksLikeAFormula_WritesItAsText()
    {
        var name = $"=HYPERLINK(\"https://attacker.example\",\"Click {Guid.NewGuid():N}\")";
        await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<SupplierCommands>().CreateAsync(
            new SupplierInput { LegalName = name, HqCountry = "DE", Category = SupplierCategory.Other }));
        var client = await SignInAsync(AppRoles.Analyst);

        var bytes = await client.GetByteArrayAsync($"/suppliers/export.csv?q={Uri.EscapeDataString(name)}");

        Assert.Contains("\"'=HYPERLINK(\"\"https://attacker.example\"\",", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("'" + name, CsvRecords(bytes)[1][0]);
    }

    [Fact]
    public async Task ExportXlsx_WhenOpenedWithOpenXml_HasABoldFrozenHeaderAndNumbersAsNumbers()
    {
        var client = await SignInAsync(AppRoles.Executive);

        var response = await client.GetAsync("/suppliers/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"suppliers-{Today()}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        var rows = SheetRows(workbook);
        Assert.Equal(HeaderNames, rows[0].Select(Text));
        Assert.Equal(await SupplierCountAsync(), rows.Count - 1);
        var headerFormat = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)rows[0][0].StyleIndex!.Value);
        Assert.NotNull(workbook.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value).Bold);
        Assert.Equal(PaneStateValues.Frozen, Sheet(workbook).Worksheet.Descendants<Pane>().Single().State!.Value);
        var lotus = rows.Single(r => Text(r[0]) == "Lotus Delta Electronics JSC");
        var exposure = lotus.Single(c => c.CellReference!.Value!.StartsWith('Q'));
        Assert.Null(exposure.DataType);
        Assert.Equal("100", exposure.CellValue!.Text);
    }

    [Fact]
    public void ExportFiles_ForADecidedSupplier_RoundFiguresToOneDecimalAndWriteTheDueDate()
    {
        var supplier = new Supplier(new SupplierProfile("Decided Parts Ltd.", CountryCode.Parse("CN"), SupplierCategory.ComponentMaker), "ana", "Ana Analyst", DateTime.UtcNow);
        supplier.ReplaceExposure([new ExposureItem(IpAssetCategory.DesignFiles, 4, null)], DateTime.UtcNow);
        supplier.RecordDecision(SupplierStatus.Approved, RiskTier.High, 48.15, new DateOnly(2027, 11, 23), DateTime.UtcNow);
        var row = new SupplierExportRow(supplier, CountryRisk.Unknown(CountryCode.Parse("CN")));

        var csv = CsvRecords(SupplierCsvExport.Create([row]))[1];
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(SupplierXlsxExport.Create([row])), isEditable: false);
        var cells = SheetRows(workbook)[1].ToDictionary(c => c.CellReference!.Value!);

        Assert.Equal(["4", "80.0", "China", "50.0", "Unknown", "High", "48.2", "2027-11-23"], csv[15..]);
        Assert.Equal("48.2", cells["V2"].CellValue!.Text);
        Assert.Equal(new DateTime(2027, 11, 23).ToOADate().ToString(CultureInfo.InvariantCulture), cells["W2"].CellValue!.Text);
        Assert.False(cells.ContainsKey("J2"));
    }

    [Fact]
    public async Task ImportTemplate_InBothFormats_HasTheImportedColumnsAndTwoExamplesThatPassTheChecks()
    {
        var client = await SignInAsync(AppRoles.Analyst);

        var csv = await client.GetByteArrayAsync("/suppliers/import-template.csv");
        var xlsx = await client.GetByteArrayAsync("/suppliers/import-template.xlsx");

        Assert.Equal(HeaderNames[..13], CsvRecords(csv)[0]);
        foreach (var file in new[] { csv, xlsx })
        {
            var preview = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<SupplierImport>().PreviewAsync(file));
            Assert.True(preview.CanImport, string.Join(" ", preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors))));
            Assert.Equal(2, preview.Rows.Count);
            Assert.Equal(SupplierCategory.OutsourcingPartner, preview.Rows[1].Input.Category);
        }
    }

    [Theory]
    [InlineData("/suppliers/export.csv")]
    [InlineData("/suppliers/export.xlsx")]
    [InlineData("/suppliers/import-template.csv")]
    [InlineData("/suppliers/import-template.xlsx")]
    public async Task Download_WhenAnonymous_RedirectsToSignIn(string url)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ImportTemplate_WhenExecutive_IsForbidden()
    {
        var client = await SignInAsync(AppRoles.Executive);

        var response = await client.GetAsync("/suppliers/import-template.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Rows_WhenTheUserHasNoRole_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("nobody@test", [], s => s.GetRequiredService<SupplierExport>().RowsAsync(new SupplierFilter())));

        Assert.StartsWith("This needs the role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WhenDownloaded_WritesNoAuditEvent()
    {
        var client = await SignInAsync(AppRoles.Executive);
        var before = await AuditEventCountAsync();

        await client.GetByteArrayAsync("/suppliers/export.csv");
        await client.GetByteArrayAsync("/suppliers/export.xlsx");

        Assert.Equal(before, await AuditEventCountAsync());
    }

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpClient> SignInAsync(string role)
    {
        var user = DemoAccounts.ForRole(role);
        return await app.SignInAsync(user.Email, user.Password);
    }

    private static string OneDecimal(double value) => Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);

    private async Task<Supplier> SupplierAsync(string name)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().SingleAsync(s => s.LegalName == name);
    }

    private Task<SupplierRow> ListedAsync(string name) =>
        app.AsUserAsync("eve@test", [AppRoles.Executive], async s =>
            (await s.GetRequiredService<SupplierQueries>().SearchAsync(new SupplierFilter { Search = name }, 0, 10)).Rows.Single());

    private async Task<int> SupplierCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.CountAsync();
    }

    private async Task<int> AuditEventCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync();
    }
}
