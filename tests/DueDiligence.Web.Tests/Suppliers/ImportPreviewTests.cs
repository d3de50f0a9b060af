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
            "Harbour Moulding Ltd.,cn,Contract manufacturer,REG-1,123456789,,CN123,https://harbour.example.com,Housings,"
                + Lines("CN | Shenzhen", "VN | Hanoi") + "," + Lines("Pearl Finishing | CN | Painting") + "," + Lines("Lin Wei", "Tran Minh") + ","
                + Lines("DesignFiles | 4", "Source code / firmware | 5"));

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
        Assert.Equal("1 subcontractor · 2 contacts", row.PeopleText);
    }

    [Fact]
    public async Task Preview_WhenBytesAreNotUtf8_RefusesTheFileNamingTheLine()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\r\nKinetic Design,IN,DesignHouse\r\nMünchner Formenbau GmbH,DE,Component maker\r\n");

        var preview = await app.PreviewAsync(latin1);

        Assert.False(preview.CanImport);
        Assert.Equal(["The file is not UTF-8 text: invalid bytes on line 3. Save it as CSV UTF-8 and upload again."], preview.FileErrors);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task Preview_WhenTheFileStartsWithAByteOrderMark_ReadsTheHeader()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Csv("Legal name,HQ country,Kind", "Brno Tooling s.r.o.,CZ,Component maker")).ToArray();

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
        Assert.Equal(["The file is empty. Download the template, fill in one supplier per row and upload it again."], preview.FileErrors);
    }

    [Fact]
    public async Task Preview_WhenARequiredColumnIsMissing_RefusesTheFileNamingTheColumn()
    {
        var preview = await app.PreviewAsync(Csv("Legal name,Kind", "Harbour Moulding Ltd.,ContractManufacturer"));

        Assert.False(preview.CanImport);
        var error = Assert.Single(preview.FileErrors);
        Assert.StartsWith("The required column HQ country is missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenAColumnIsUnknown_WarnsAndStillAllowsTheImport()
    {
        // Headers match on their letters and digits: legal_name, HQ_COUNTRY and Kind name the register's columns.
        var preview = await app.PreviewAsync(Csv("legal_name,HQ_COUNTRY,kind,Notes", "Harbour Moulding Ltd.,CN,ContractManufacturer,call back"));

        Assert.True(preview.CanImport);
        var warning = Assert.Single(preview.Warnings);
        Assert.StartsWith("The column “Notes” is ignored", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenTheCountryCodeIsUnknown_ReportsItOnThatLine()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Good Parts Ltd.,VN,ComponentMaker,,,,,,,,,,",
            "Nowhere Parts Ltd.,XX,ComponentMaker,,,,,,," + Lines("VN | Hanoi", "ZZ | Atlantis") + ",,,"));

        Assert.False(preview.CanImport);
        Assert.True(preview.Rows[0].IsReady);
        var bad = preview.Rows[1];
        Assert.Equal(3, bad.LineNumber);
        Assert.Contains("HQ country: “XX” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).", bad.Errors);
        Assert.Contains("Sites, entry 2 (“ZZ | Atlantis”): “ZZ” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).", bad.Errors);
    }

    [Fact]
    public async Task Preview_WhenCellsCannotBeRead_ReportsEveryErrorOfTheLineByColumnAndEntry()
    {
        var preview = await app.PreviewAsync(Csv(
            Header,
            "Odd Parts Ltd.,CN,Wholesaler,,12345,,,www.example.com,,"
                + Lines("Shenzhen", "CN | Dongguan | Welding", "CN | Foshan | Tooling | extra") + ","
                + Lines("Pearl Finishing | CN") + ","
                + Lines("Lin Wei | Sales | not-an-address") + ","
                + Lines("Drawings | 3", "Design files | high", "Tooling / moulds | 7")));

        var row = Assert.Single(preview.Rows);
        Assert.Equal(
            [
                "Kind: “Wholesaler” is not a kind of supplier; use one of Contract manufacturer, Component maker, Design house, Outsourcing partner, Distributor, Other.",
                "DUNS: A DUNS number has exactly 9 digits.",
                "Website: Enter the website as a full address starting with https:// or http://.",
                "Sites, entry 2 (“CN | Dongguan | Welding”): “Welding” is not an activity; use Design, Tooling, Component manufacturing, Final assembly, Testing, Packaging, Warehousing, Distribution, Software development, Office, separated by commas.",
                "Sites, entry 3 (“CN | Foshan | Tooling | extra”): has 4 parts separated by “|”; write country | city | activities. A “|” inside a value is written twice (“||”).",
                "Sites, entry 1 (“Shenzhen”): “Shenzhen” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).",
                "Sites, entry 1 (“Shenzhen”): Enter the city of the site.",
                "Subcontractors, entry 1 (“Pearl Finishing | CN”): Say what the subcontractor does for the supplier.",
                "Contacts, entry 1 (“Lin Wei | Sales | not-an-address”): This is not an e-mail address.",
                "IP exposure, entry 1 (“Drawings | 3”): “Drawings” is not a kind of IP; use one of Design files, Source code / firmware, Formulas / recipes, Tooling / moulds, Process know-how, Brand assets, Customer data.",
                "IP exposure, entry 2 (“Design files | high”): give the sensitivity as a number from 1 (low) to 5 (crown jewels), e.g. Design files | 4.",
                "IP exposure, entry 3 (“Tooling / moulds | 7”): Rate sensitivity from 1 (low) to 5 (crown jewels).",
            ],
            row.Errors);
        Assert.Equal("Wholesaler", row.CategoryText);
        Assert.Equal("Shenzhen\nCN | Dongguan | Welding\nCN | Foshan | Tooling | extra", row.SitesText);
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
        var preview = await app.PreviewAsync(Csv("Legal name,HQ country,Kind", "Acme, Inc.,US,Distributor"));

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
            "TWIN   plastics limited,cn,ComponentMaker"));

        Assert.False(preview.CanImport);
        Assert.Contains("Legal name: the same supplier (same name and HQ country) is also on line 4; list each supplier once.", preview.Rows[0].Errors);
        Assert.True(preview.Rows[1].IsReady);
        Assert.Contains("Legal name: the same supplier (same name and HQ country) is also on line 2; list each supplier once.", preview.Rows[2].Errors);
    }

    [Fact]
    public async Task Preview_WhenTheSupplierIsAlreadyInTheRegister_LinksTheExistingSupplier()
    {
        var preview = await app.PreviewAsync(Csv(Header, "LOTUS DELTA ELECTRONICS J.S.C.,VN,ContractManufacturer"));

        var row = Assert.Single(preview.Rows);
        Assert.False(preview.CanImport);
        Assert.Equal(["Legal name: Lotus Delta Electronics JSC (Vietnam) is already in the register."], row.Errors);
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
    public async Task Preview_WhenANameIsLikeOneInTheRegister_WarnsWithLinksAndStillAllowsTheImport()
    {
        var preview = await app.PreviewAsync(Csv(Header, "Lotus Delta Electronic Co.,VN,ContractManufacturer", "Lotus Delta Electronics JSC,TH,ContractManufacturer"));

        Assert.True(preview.CanImport);
        Assert.Equal(2, preview.RowsWithSimilarNames);
        var similar = Assert.Single(preview.Rows[0].Similar);
        Assert.Equal(("Lotus Delta Electronics JSC", NameMatch.SimilarName), (similar.LegalName, similar.Match));
        Assert.Equal(NameMatch.SameName, Assert.Single(preview.Rows[1].Similar).Match);
    }

    [Fact]
    public void CheckUpload_WhenTheFileIsTooLargeOrNeitherCsvNorExcel_SaysWhy()
    {
        Assert.Equal("“register.csv” is 6 MB; an import file may be at most 5 MB. Split it into smaller files.", SupplierImport.CheckUpload("register.csv", 6 * 1024 * 1024));
        Assert.StartsWith("“register.xls” is neither a CSV file nor an Excel workbook.", SupplierImport.CheckUpload("register.xls", 1000), StringComparison.Ordinal);
        Assert.Null(SupplierImport.CheckUpload("REGISTER.CSV", SupplierImport.MaxFileBytes));
        Assert.Null(SupplierImport.CheckUpload("register.xlsx", 1000));
    }
}
