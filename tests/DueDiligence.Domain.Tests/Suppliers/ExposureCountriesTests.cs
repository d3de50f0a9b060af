using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tests.Scoring;

namespace DueDiligence.Domain.Tests.Suppliers;

/// <summary>
/// SCORING.md §5 and §10 (policy ipdd-2026.2): the worst J is taken over the HQ, every site and every subcontractor that
/// handles our IP — or has not been confirmed not to. The worked example of §10, from the supplier's record to R.
/// </summary>
public sealed class ExposureCountriesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    // §9: HQ baseline 30 (CPI 70 alone), site rated High by legal (65); §10: a subcontractor's country rated Severe (90).
    private static readonly Dictionary<string, JurisdictionRiskResult> Risks = new()
    {
        ["DE"] = JurisdictionRisk.Compute("DE", new JurisdictionIndicators { Cpi = 70 }, null, ScoringPolicy.Default),
        ["CN"] = JurisdictionRisk.Compute("CN", new JurisdictionIndicators { Cpi = 43 }, LegalRating.High, ScoringPolicy.Default),
        ["VN"] = JurisdictionRisk.Compute("VN", new JurisdictionIndicators { Cpi = 40 }, LegalRating.Severe, ScoringPolicy.Default),
    };

    [Fact]
    public void Score_WhenASubcontractorInASevereCountryHandlesOurIp_WorstJIsNinetyAndRIs55Point48High()
    {
        var supplier = WorkedExampleSupplier(SubcontractorIpHandling.HandlesOurIp);

        var result = ScoreOf(supplier);

        Assert.Equal(["DE", "CN", "VN"], supplier.ExposureCountries().Select(c => c.Value));
        Assert.Equal(90, result.JurisdictionRisk);
        Assert.Equal("VN", result.Jurisdiction!.CountryCode);
        Assert.Equal(95, result.InherentRisk, 9);
        Assert.Equal(55.48, result.ResidualRisk, 9);
        Assert.Equal(55.5, Display.Round1(result.ResidualRisk));
        Assert.Equal(RiskTier.High, result.Tier);
    }

    [Fact]
    public void Score_WhenThatSubcontractorDoesNotHandleOurIp_TheFiguresOfTheFirstWorkedExampleStand()
    {
        var supplier = WorkedExampleSupplier(SubcontractorIpHandling.DoesNotHandleOurIp);

        var result = ScoreOf(supplier);

        Assert.Equal(["DE", "CN"], supplier.ExposureCountries().Select(c => c.Value));
        Assert.Equal(65, result.JurisdictionRisk);
        Assert.Equal(82.5, result.InherentRisk, 9);
        Assert.Equal(48.18, result.ResidualRisk, 9);
        Assert.Equal(RiskTier.High, result.Tier);
    }

    [Fact]
    public void Score_WhenThatSubcontractorIsNotConfirmed_ItCountsAsHandlingOurIp()
    {
        var supplier = WorkedExampleSupplier(SubcontractorIpHandling.NotConfirmed);

        var result = ScoreOf(supplier);

        Assert.Equal(90, result.JurisdictionRisk);
        Assert.Equal(55.48, result.ResidualRisk, 9);
        Assert.Equal(["Pearl Moulds"], supplier.UnconfirmedSubcontractors().Select(s => s.Name));
    }

    [Fact]
    public void Subcontractor_WhenRecordedWithoutAnAnswer_StartsNotConfirmed()
    {
        var subcontractor = new Subcontractor("Pearl Moulds", CountryCode.Parse("VN"), "Moulds from our CAD files");

        Assert.Equal(SubcontractorIpHandling.NotConfirmed, subcontractor.IpHandling);
        Assert.True(subcontractor.CountsInJurisdiction);
    }

    [Fact]
    public void Subcontractor_WhenTheAnswerIsNotOneOfTheThree_Refuses()
    {
        var error = Assert.Throws<DomainException>(() => new Subcontractor("Pearl Moulds", CountryCode.Parse("VN"), "Moulds", (SubcontractorIpHandling)7));

        Assert.Equal("Say whether the subcontractor handles our IP, or leave it not confirmed.", error.Message);
    }

    [Fact]
    public void ExposureSources_SayWhyEachCountryCounts()
    {
        var supplier = WorkedExampleSupplier(SubcontractorIpHandling.HandlesOurIp);
        supplier.ReplaceSubcontractors(
        [
            .. supplier.Subcontractors,
            new Subcontractor("Harbour Cartons", CountryCode.Parse("TH"), "Packaging", SubcontractorIpHandling.DoesNotHandleOurIp),
            new Subcontractor("Delta Coatings", CountryCode.Parse("CN"), "Painting"),
        ], Now);

        Assert.Equal(
            [
                "DE: HQ",
                "CN: site: Shenzhen",
                "VN: subcontractor Pearl Moulds — Moulds from our CAD files — handles our IP",
                "CN: subcontractor Delta Coatings — Painting — not confirmed — counted as handling our IP",
            ],
            supplier.ExposureSources().Select(s => $"{s.Country.Value}: {s.Description}"));
        Assert.Equal(["DE", "CN", "VN"], supplier.ExposureCountries().Select(c => c.Value));
    }

    private static Supplier WorkedExampleSupplier(SubcontractorIpHandling ipHandling)
    {
        var supplier = new Supplier(new SupplierProfile("Worked Example GmbH", CountryCode.Parse("DE"), SupplierCategory.ContractManufacturer), "u-1", "Ana Analyst", Now);
        supplier.ReplaceSites([new Site(CountryCode.Parse("CN"), "Shenzhen", SiteActivity.None)], Now);
        supplier.ReplaceSubcontractors([new Subcontractor("Pearl Moulds", CountryCode.Parse("VN"), "Moulds from our CAD files", ipHandling)], Now);
        supplier.ReplaceExposure([new ExposureItem(IpAssetCategory.SourceCodeFirmware, 5, null)], Now);
        return supplier;
    }

    private static ScoreResult ScoreOf(Supplier supplier) =>
        ScoringEngine.Score(WorkedExampleTests.WorkedExample.Input() with
        {
            MaxSensitivity = supplier.MaxSensitivity,
            Jurisdictions = supplier.ExposureCountries().Select(c => Risks[c.Value]).ToList(),
        });
}
