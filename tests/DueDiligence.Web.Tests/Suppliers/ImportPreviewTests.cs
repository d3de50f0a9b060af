using System.Text;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Suppliers.ImportFiles;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>What the analyst sees in the preview of an import file, before anything is stored.</summary>
public sealed class ImportPreviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Preview_WhenEveryLineIsValid_ShowsParsedValuesAndAllowsTheImport()
    {
        var file = Csv(
            Header,
            "Harbour Moulding Ltd.,cn,Contract manufacturer,REG-1,123456789,,CN123,https://harbour.example.com,Housings,CN:Shenzhen;VN:Hanoi,DesignFiles:4;Source code / firmware:5");

        var preview = await app.PreviewAsync(file);

        Assert.True(preview.CanImport);
        var row = Assert.Single(preview.Rows);
        Assert.Equal(2, row.LineNumber);
        Assert.Empty(row.Errors);
        Assert.Equal("China (CN)", row.HqCountryText);
        Assert.Equal("Contract manufacturer", row.CategoryText);
        Assert.Equal("Shenzhen, CN; Hanoi, VN", row.SitesText);
        Assert.Equal("Design files 4; Source code / firmware 5", row.ExposureText);
        Assert.Equal("Reg. REG-1 · DUNS 123456789 · VAT CN123", row.IdentifiersText);
    }

    [Fact]
    public async Task Preview_WhenBytesAreNotUtf8_RefusesTheFileNamingTheLine()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\r\nKinetic Design,IN,DesignHouse\r\nMünchner Formenbau GmbH,DE,ComponentMaker\r\n");

        var preview = await app.PreviewAsync(latin1);

        Assert.False(preview.CanImport);
        Assert.Equal(["The file is not UTF-8 text: invalid bytes on line 3. Save it as CSV UTF-8 and upload again."], preview.FileErrors);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task Preview_WhenTheFileStartsWithAByteOrderMark_ReadsTheHeader()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Csv("legal_name,hq_country,category", "Brno Tooling s.r.o.,CZ,ComponentMaker")).ToArray();

        var preview = await app.PreviewAsync(withBom);

        Assert.True(preview.CanImport);
        Assert.Equal("Brno Tooling s.r.o.", Assert.Single(preview.Rows).Input.LegalName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public async Task Preview_WhenTheFileHasNothingInIt_SaysItIsEmpty(string text)
    {
        var preview = await app.PreviewAsync(Encoding.UTF8.GetBytes(text));

        Assert.False(preview.CanImport);
        Assert.Equal(["The file is empty. Download the template, fill in one supplier per line and upload it again."], preview.FileErrors);
    }

    [Fact]
    public async Task Preview_WhenARequiredColumnIsMissing_RefusesTheFileNamingTheColumn()
    {
        var preview = await app.PreviewAsync(Csv("legal_name,category", "Harbour Moulding Ltd.,ContractManufacturer"));

        Assert.False(preview.CanImport);
        var error = Assert.Single(preview.FileErrors);
        Assert.StartsWith("The required column hq_country is missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenAColumnIsUnknown_WarnsAndStillAllowsTheImport()
    {
        var preview = await app.PreviewAsync(Csv("Legal_Name,HQ_Country,Category,Notes", "Harbour Moulding Ltd.,CN,ContractManufacturer,call back"));

        Assert.True(preview.CanImport);
        var warning = Assert.Single(preview.Warnings);
        Assert.StartsWith("The column “Notes” is ignored", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheCountryCodeIsUnknown_ReportsItOnThatLine()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Good Parts Ltd.,VN,ComponentMaker,,,,,,,,",
            "Nowhere Parts Ltd.,XX,ComponentMaker,,,,,,,VN:Hanoi;ZZ:Atlantis,"));

        Assert.False(preview.CanImport);
        Assert.True(preview.Rows[0].IsReady);
        var bad = preview.Rows[1];
        Assert.Equal(3, bad.LineNumber);
        Assert.Contains("hq_country: “XX” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).", bad.Errors);
        Assert.Contains("sites: “ZZ” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).", bad.Errors);
    }

    [Fact]
    public async Task Preview_WhenCellsCannotBeRead_ReportsEveryErrorOfTheLineByColumn()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Odd Parts Ltd.,CN,Wholesaler,,12345,,,www.example.com,,Shenzhen,Drawings:3;DesignFiles:high;ToolingMoulds:7"));

        var row = Assert.Single(preview.Rows);
        Assert.Equal(
            [
                "category: “Wholesaler” is not a kind of supplier; use one of ContractManufacturer, ComponentMaker, DesignHouse, OutsourcingPartner, Distributor, Other.",
                "duns: A DUNS number has exactly 9 digits.",
                "website: Enter the website as a full address starting with https:// or http://.",
                "sites: “Shenzhen” needs a country code and a city, e.g. CN:Shenzhen.",
                "exposure: “Drawings” is not a kind of IP; use one of DesignFiles, SourceCodeFirmware, FormulasRecipes, ToolingMoulds, ProcessKnowHow, BrandAssets, CustomerData.",
                "exposure: “DesignFiles:high” needs a sensitivity from 1 (low) to 5 (crown jewels), e.g. DesignFiles:4.",
                "exposure: “ToolingMoulds:7”: rate sensitivity from 1 (low) to 5 (crown jewels).",
            ],
            row.Errors);
        Assert.Equal("Wholesaler", row.CategoryText);
        Assert.Equal("Shenzhen", row.SitesText);
    }

    [Fact]
    public async Task Preview_WhenQuotingIsMalformed_RefusesTheFileNamingTheLine()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Good Parts Ltd.,VN,ComponentMaker",
            "The \"Best\" Parts Ltd.,VN,ComponentMaker",
            "Other Parts Ltd.,VN,ComponentMaker"));

        Assert.False(preview.CanImport);
        var error = Assert.Single(preview.FileErrors);
        Assert.StartsWith("Malformed quoting on line 3:", error, StringComparison.Ordinal);
        Assert.Equal([2, 4], preview.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Preview_WhenALineHasMoreValuesThanColumns_SaysToQuoteTheValue()
    {
        var preview = await app.PreviewAsync(Csv("legal_name,hq_country,category", "Acme, Inc.,US,Distributor"));

        var row = Assert.Single(preview.Rows);
        Assert.Contains("The line has 4 values but the header names 3 columns: put quotes around any value that contains “,”.", row.Errors);
    }

    [Fact]
    public async Task Preview_WhenTwoLinesNameTheSameSupplier_ReportsItOnBothLines()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Twin Plastics Ltd.,CN,ComponentMaker",
            "Other Parts Ltd.,VN,ComponentMaker",
            "TWIN   plastics ltd.,cn,ComponentMaker"));

        Assert.False(preview.CanImport);
        Assert.Contains("legal_name: the same legal name and HQ country are also on line 4; list each supplier once.", preview.Rows[0].Errors);
        Assert.True(preview.Rows[1].IsReady);
        Assert.Contains("legal_name: the same legal name and HQ country are also on line 2; list each supplier once.", preview.Rows[2].Errors);
    }

    [Fact]
    public async Task Preview_WhenTheSupplierIsAlreadyInTheRegister_LinksTheExistingSupplier()
    {
        var preview = await app.PreviewAsync(Csv(Header, "Lotus Delta Electronics JSC,VN,ContractManufacturer"));

        var row = Assert.Single(preview.Rows);
        Assert.False(preview.CanImport);
        Assert.Equal(["legal_name: Lotus Delta Electronics JSC (Vietnam) is already in the register."], row.Errors);
        Assert.NotNull(row.Existing);
        Assert.Equal("Lotus Delta Electronics JSC", row.Existing.LegalName);
    }

    [Fact]
    public async Task Preview_WhenTheFileIsTheTemplate_ShowsItsTwoExamplesReady()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var template = await client.GetByteArrayAsync("/suppliers/import-template.csv");

        var preview = await app.PreviewAsync(template);

        Assert.True(preview.CanImport);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Equal(SupplierCategory.OutsourcingPartner, preview.Rows[1].Input.Category);
    }

    [Fact]
    public void CheckUpload_WhenTheFileIsTooLargeOrNotCsv_SaysWhy()
    {
        Assert.Equal("“register.csv” is 6 MB; an import file may be at most 5 MB. Split it into smaller files.", SupplierCsvImport.CheckUpload("register.csv", 6 * 1024 * 1024));
        Assert.StartsWith("“register.xlsx” is not a CSV file.", SupplierCsvImport.CheckUpload("register.xlsx", 1000), StringComparison.Ordinal);
        Assert.Null(SupplierCsvImport.CheckUpload("REGISTER.CSV", SupplierCsvImport.MaxFileBytes));
    }
}
