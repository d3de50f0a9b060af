using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tests.IpRights;

/// <summary>The rights × exposure-country matrix: gaps in words, unknown treaty data never read as "no", the cheapest route.</summary>
public sealed class RightsMatrixTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly CountryCode China = CountryCode.Parse("CN");
    private static readonly CountryCode Vietnam = CountryCode.Parse("VN");

    [Fact]
    public void For_WhenTrademarkRegisteredInChinaOnly_VietnamGapSaysFirstToFileAndMadridRouteWithSource()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.BrandAssets, 3));
        var mark = Right(IpRightKind.TrademarkWord, "NORTHWIND", IpAssetCategory.BrandAssets, Registered("CN"));

        var matrix = RightsMatrix.For(supplier, [mark], Treaties(Vn(madrid: "2006", firstToFile: "yes")), Today);

        var gap = Assert.Single(matrix.Gaps);
        Assert.Equal(Vietnam, gap.Country);
        Assert.Contains("Our trademark “NORTHWIND” (word mark), which protects brand assets, is not registered in Vietnam.", gap.Text, StringComparison.Ordinal);
        Assert.Contains("Vietnam registers trademarks first-to-file", gap.Text, StringComparison.Ordinal);
        Assert.Contains("(TM practitioner lists, 2024)", gap.Text, StringComparison.Ordinal);
        Assert.Contains("Cheapest route: designate it through the Madrid Protocol (Vietnam a Madrid member since 2006; WIPO Madrid status, 2026).", gap.Text, StringComparison.Ordinal);
        var row = Assert.Single(matrix.Rows);
        Assert.Equal(RightStatus.Registered, Assert.Single(row.Cells.Single(c => c.Country == China).Rights).Status);
        Assert.Equal(RightStatus.NotFiled, Assert.Single(row.Cells.Single(c => c.Country == Vietnam).Rights).Status);
    }

    [Fact]
    public void For_WhenTreatyDataIsBlank_GapSaysUnknownNeverNo()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.BrandAssets, 3));
        var mark = Right(IpRightKind.TrademarkLogo, "N-logo", IpAssetCategory.BrandAssets, Registered("CN"));

        var matrix = RightsMatrix.For(supplier, [mark], Treaties(Vn(madrid: null, firstToFile: null)), Today);

        var text = Assert.Single(matrix.Gaps).Text;
        Assert.Contains("Whether Vietnam registers trademarks first-to-file is unknown", text, StringComparison.Ordinal);
        Assert.Contains("Whether Vietnam is a Madrid member is unknown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not a Madrid member", text, StringComparison.Ordinal);
        Assert.DoesNotContain("first use", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenCountryHasNoTreatyRowAtAll_RouteIsUnknown()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.DesignFiles, 4));
        var patent = Right(IpRightKind.Patent, "Sealed housing", IpAssetCategory.DesignFiles, Registered("CN"));

        var matrix = RightsMatrix.For(supplier, [patent], Treaties(), Today);

        Assert.Contains("Whether Vietnam is a PCT member is unknown", Assert.Single(matrix.Gaps).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenTreatySaysNo_GapSaysNotAMemberAndFileNationally()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.ToolingMoulds, 4));
        var design = Right(IpRightKind.IndustrialDesign, "Meter housing", IpAssetCategory.ToolingMoulds, Registered("CN"));

        var matrix = RightsMatrix.For(supplier, [design], Treaties(Vn(hague: "no")), Today);

        Assert.Contains("Vietnam is not a Hague member (WIPO Hague status, 2026): file nationally.", Assert.Single(matrix.Gaps).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenPatentIsNotFiledInVietnam_SuggestsPctNationalPhaseWithMembershipYear()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.DesignFiles, 4));
        var patent = Right(IpRightKind.Patent, "Sealed housing", IpAssetCategory.DesignFiles, Registered("CN"));

        var matrix = RightsMatrix.For(supplier, [patent], Treaties(Vn(pct: "1993")), Today);

        var text = Assert.Single(matrix.Gaps).Text;
        Assert.Contains("Our patent “Sealed housing”, which protects design files, is not registered in Vietnam.", text, StringComparison.Ordinal);
        Assert.Contains("PCT national phase", text, StringComparison.Ordinal);
        Assert.Contains("Vietnam a PCT member since 1993", text, StringComparison.Ordinal);
        Assert.DoesNotContain("first-to-file", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenRegistrationHasPassedItsExpiryDate_ItIsExpiredNotRegistered()
    {
        var supplier = SupplierIn("CN", null, (IpAssetCategory.DesignFiles, 4));
        var lapsed = new IpRightCountryDetails(China, RightStatus.Registered, new DateOnly(2004, 1, 5), new DateOnly(2006, 1, 5), new DateOnly(2024, 1, 5));
        var patent = Right(IpRightKind.Patent, "Old hinge", IpAssetCategory.DesignFiles, lapsed, Registered("DE"));

        var matrix = RightsMatrix.For(supplier, [patent], Treaties(), Today);

        Assert.Equal(RightStatus.Expired, Assert.Single(Assert.Single(Assert.Single(matrix.Rows).Cells).Rights).Status);
        Assert.Contains("has expired in China (on 5 Jan 2024)", Assert.Single(matrix.Gaps).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenExpiredEverywhere_OneGapSaysItProtectsNothingAndSuggestsNoRoute()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.DesignFiles, 4));
        var lapsed = new IpRightCountryDetails(China, RightStatus.Registered, new DateOnly(2004, 1, 5), new DateOnly(2006, 1, 5), new DateOnly(2024, 1, 5));
        var model = Right(IpRightKind.UtilityModel, "Battery latch", IpAssetCategory.DesignFiles, lapsed);

        var matrix = RightsMatrix.For(supplier, [model], Treaties(Vn(pct: "1993")), Today);

        var gap = Assert.Single(matrix.Gaps);
        Assert.Null(gap.Country);
        Assert.Equal("Our utility model “Battery latch”, which protects design files, has expired everywhere it was registered (China on 5 Jan 2024): it protects nothing in any country any more.", gap.Text);
    }

    [Fact]
    public void For_WhenRecordedAsExpired_GapIsReportedEvenWithoutADate()
    {
        var supplier = SupplierIn("CN", null, (IpAssetCategory.DesignFiles, 4));
        var patent = Right(IpRightKind.Patent, "Old hinge", IpAssetCategory.DesignFiles, new IpRightCountryDetails(China, RightStatus.Expired, null, null, null), Registered("DE"));

        var matrix = RightsMatrix.For(supplier, [patent], Treaties(), Today);

        Assert.Contains("has expired in China.", Assert.Single(matrix.Gaps).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenOnlyFiled_GapSaysFiledButNotYetRegistered()
    {
        var supplier = SupplierIn("CN", null, (IpAssetCategory.DesignFiles, 4));
        var patent = Right(IpRightKind.Patent, "Hinge", IpAssetCategory.DesignFiles, new IpRightCountryDetails(China, RightStatus.Filed, new DateOnly(2025, 6, 1), null, null));

        var matrix = RightsMatrix.For(supplier, [patent], Treaties(), Today);

        Assert.Contains("is filed but not yet registered in China (filed 1 Jun 2025)", Assert.Single(matrix.Gaps).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenTrademarkCountryIsFirstToUse_SaysFirstUseNotFirstToFile()
    {
        var supplier = SupplierIn("CN", "IN", (IpAssetCategory.BrandAssets, 3));
        var mark = Right(IpRightKind.TrademarkWord, "NORTHWIND", IpAssetCategory.BrandAssets, Registered("CN"));
        var india = new CountryTreaties(CountryCode.Parse("IN"), null, null);
        india.Set(TreatyFact.TrademarkFirstToFile, "no", "TM practitioner lists", 2024, null, "test", Now);

        var matrix = RightsMatrix.For(supplier, [mark], new Dictionary<CountryCode, CountryTreaties> { [india.Country] = india }, Today);

        var text = Assert.Single(matrix.Gaps).Text;
        Assert.Contains("India grants trademark rights from first use", text, StringComparison.Ordinal);
        Assert.DoesNotContain("registers trademarks first-to-file", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenOnlyTradeSecretAndCopyrightProtectAnAsset_NoGapButANoteThatTheyAreNotRegistered()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.SourceCodeFirmware, 5));
        var secret = Right(IpRightKind.TradeSecret, "Calibration routine", IpAssetCategory.SourceCodeFirmware);
        var copyright = Right(IpRightKind.Copyright, "Controller firmware", IpAssetCategory.SourceCodeFirmware);

        var matrix = RightsMatrix.For(supplier, [secret, copyright], Treaties(), Today);

        Assert.Empty(matrix.Gaps);
        var note = Assert.Single(matrix.Notes);
        Assert.Contains("not a registered right", note, StringComparison.Ordinal);
        Assert.Contains("agreements and the measures", note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenNothingProtectsAnAsset_OneGapNamesTheAsset()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.FormulasRecipes, 5));

        var matrix = RightsMatrix.For(supplier, [], Treaties(), Today);

        var gap = Assert.Single(matrix.Gaps);
        Assert.Null(gap.Country);
        Assert.StartsWith("Nothing in our register protects formulas / recipes", gap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RightsProtectingAssetsWeDoNotHandOver_AreLeftOut()
    {
        var supplier = SupplierIn("CN", "VN", (IpAssetCategory.DesignFiles, 4));
        var mark = Right(IpRightKind.TrademarkWord, "NORTHWIND", IpAssetCategory.BrandAssets, Registered("CN"));
        var patent = Right(IpRightKind.Patent, "Sealed housing", IpAssetCategory.DesignFiles, Registered("CN"), Registered("VN"));

        var matrix = RightsMatrix.For(supplier, [mark, patent], Treaties(), Today);

        Assert.Empty(matrix.Gaps);
        Assert.Equal(["CN", "VN"], matrix.Countries.Select(c => c.Country.Value));
    }

    [Fact]
    public void TreatyReading_BlankAndUnknown_AreUnknownWhileNoIsNo()
    {
        Assert.True(TreatyReading.Parse(TreatyFact.Paris, "").IsUnknown);
        Assert.True(TreatyReading.Parse(TreatyFact.Paris, null).IsUnknown);
        Assert.Equal("unknown", TreatyReading.Parse(TreatyFact.Paris, " ").Describe());
        Assert.Equal("no", TreatyReading.Parse(TreatyFact.Paris, "no").Describe());
        Assert.Equal("since 1985", TreatyReading.Parse(TreatyFact.Paris, "1985").Describe());
        Assert.Throws<DomainException>(() => TreatyReading.Parse(TreatyFact.MadridProtocol, "maybe"));
    }

    private static Supplier SupplierIn(string hq, string? site, params (IpAssetCategory Category, int Sensitivity)[] exposure)
    {
        var supplier = new Supplier(new SupplierProfile("Test Supplier Ltd.", CountryCode.Parse(hq), SupplierCategory.ContractManufacturer), "owner", "Ana Analyst", Now);
        if (site is not null)
        {
            supplier.ReplaceSites([new Site(CountryCode.Parse(site), "Bac Ninh", SiteActivity.FinalAssembly)], Now);
        }

        supplier.ReplaceExposure([.. exposure.Select(e => new ExposureItem(e.Category, e.Sensitivity, null))], Now);
        return supplier;
    }

    private static IpRightCountryDetails Registered(string country) =>
        new(CountryCode.Parse(country), RightStatus.Registered, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), null);

    private static IpRight Right(IpRightKind kind, string title, IpAssetCategory protects, params IpRightCountryDetails[] countries) =>
        new(new IpRightDetails(kind, title, "X-1", "Northwind Instruments GmbH", [protects], countries), Now);

    private static CountryTreaties Vn(string? madrid = null, string? firstToFile = null, string? pct = null, string? hague = null)
    {
        var vn = new CountryTreaties(Vietnam, null, null);
        vn.Set(TreatyFact.MadridProtocol, madrid, "WIPO Madrid status", 2026, null, "test", Now);
        vn.Set(TreatyFact.TrademarkFirstToFile, firstToFile, "TM practitioner lists", 2024, null, "test", Now);
        vn.Set(TreatyFact.Pct, pct, "WIPO PCT list", 2020, null, "test", Now);
        vn.Set(TreatyFact.HagueGenevaAct, hague, "WIPO Hague status", 2026, null, "test", Now);
        return vn;
    }

    private static Dictionary<CountryCode, CountryTreaties> Treaties(params CountryTreaties[] rows) => rows.ToDictionary(r => r.Country);
}
