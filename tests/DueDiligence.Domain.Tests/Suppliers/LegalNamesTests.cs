using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tests.Suppliers;

/// <summary>How the register compares legal names: what counts as the same name, and what is only similar.</summary>
public sealed class LegalNamesTests
{
    [Theory]
    [InlineData("Saigon Precision Mouldings Pte. Ltd.", "Saigon Precision Mouldings Pte Ltd")]
    [InlineData("Saigon Precision Mouldings Pte. Ltd.", "SAIGON  PRECISION MOULDINGS PRIVATE LIMITED")]
    [InlineData("Kinetic Design Studio Pvt. Ltd.", "Kinetic Design Studio Private Limited")]
    [InlineData("Brightpath Precision Moulding Co., Ltd.", "brightpath precision moulding company limited")]
    [InlineData("Sierra Alloy Castings S.A. de C.V.", "Sierra Alloy Castings SA de CV")]
    [InlineData("Sierra Alloy Castings S.A. de C.V.", "Sierra Alloy Castings, Sociedad Anónima de Capital Variable")]
    [InlineData("Microline Components Sdn. Bhd.", "Microline Components Sendirian Berhad")]
    [InlineData("Anatolia Technical Textiles A.Ş.", "Anatolia Technical Textiles AS")]
    [InlineData("Oder Embedded Systems sp. z o.o.", "Oder Embedded Systems Sp. z.o.o.")]
    [InlineData("Oder Embedded Systems sp. z o.o.", "ODER EMBEDDED SYSTEMS SPZOO")]
    [InlineData("Paulista Polymer Compounds Ltda.", "Paulista Polymer Compounds Limitada")]
    [InlineData("Waferlink Semiconductor Corp.", "Waferlink Semiconductor Corporation")]
    [InlineData("Visayas Cloudworks Inc.", "Visayas Cloudworks, Incorporated")]
    [InlineData("Lotus Delta Electronics JSC", "Lotus Delta Electronics Joint Stock Company")]
    [InlineData("Lotus Delta Electronics JSC", "Lotus Delta Electronics J.S.C.")]
    [InlineData("Münchner Formenbau GmbH", "Munchner Formenbau G.m.b.H.")]
    [InlineData("Harbour Test Services LLC", "Harbour Test Services L.L.C.")]
    [InlineData("Smith & Sons Ltd", "Smith and Sons Limited")]
    [InlineData("O'Neil Tooling Co.", "ONeil Tooling Company")]
    [InlineData("Hai-Phong Packaging", "Hai Phong Packaging")]
    [InlineData("Wrocław Łódź Components", "Wroclaw Lodz Components")]
    public void Key_WhenOnlyPunctuationCaseSpacingOrTheLegalFormsSpellingDiffer_IsTheSame(string first, string second)
    {
        Assert.Equal(LegalNames.Key(first), LegalNames.Key(second));
    }

    [Theory]
    [InlineData("Acme GmbH", "Acme AG")]
    [InlineData("Acme Ltd.", "Acme Inc.")]
    [InlineData("Saigon Precision Mouldings Pte Ltd", "Saigon Precision Moulding Pte Ltd")]
    [InlineData("Dr.Oetker Parts", "Dr Oetker Parts Ltd")]
    public void Key_WhenTheLegalFormOrALetterDiffers_IsNotTheSame(string first, string second)
    {
        Assert.NotEqual(LegalNames.Key(first), LegalNames.Key(second));
    }

    [Theory]
    [InlineData("Saigon Precision Mouldings Pte. Ltd.", "SAIGON PRECISION MOULDINGS")]
    [InlineData("Sierra Alloy Castings S.A. de C.V.", "SIERRA ALLOY CASTINGS")]
    [InlineData("Eastern Seaboard AutoParts Co., Ltd.", "EASTERN SEABOARD AUTOPARTS")]
    [InlineData("Smith & Co. KG", "SMITH")]
    [InlineData("The Coating Company Ltd", "COATING")]
    [InlineData("Limited", "LTD")]
    public void Stem_LeavesOutTheLegalFormAndALeadingThe(string name, string stem)
    {
        Assert.Equal(stem, LegalNames.Stem(name));
    }

    [Theory]
    [InlineData("Acme GmbH", "Acme AG")]
    [InlineData("Saigon Precision Mouldings Pte Ltd", "Saigon Precision Moulding Co.")]
    [InlineData("Brightway Electronics Shenzhen Co., Ltd.", "Shenzhen Brightway Electronics Ltd")]
    [InlineData("Global Fasteners Ltd.", "Global Fastners Ltd.")]
    public void AreSimilar_WhenTheNamesDifferByALegalFormATypoOrTheWordOrder_IsTrue(string first, string second)
    {
        Assert.True(LegalNames.AreSimilar(first, second));
    }

    [Theory]
    [InlineData("Acme Ltd", "Acne Ltd")]
    [InlineData("Orient Tooling Co.", "Orient Trading Co.")]
    [InlineData("Lotus Delta Electronics JSC", "Delta Plastics JSC")]
    [InlineData("Brno Tooling s.r.o.", "Brno Firmware s.r.o.")]
    public void AreSimilar_WhenTheNamesNameDifferentCompanies_IsFalse(string first, string second)
    {
        Assert.False(LegalNames.AreSimilar(first, second));
    }

    [Fact]
    public void ASupplier_StoresTheKeyAndStemOfItsName()
    {
        var supplier = new Supplier(new SupplierProfile("The Brightway Shenzhen Sp. z o.o.", CountryCode.Parse("PL"), SupplierCategory.ContractManufacturer),
            "ana@test", "Ana", new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(("THE BRIGHTWAY SHENZHEN SP Z OO", "BRIGHTWAY SHENZHEN"), (supplier.MatchKey, supplier.MatchStem));

        supplier.UpdateProfile(new SupplierProfile("Brightway Shenzhen GmbH", CountryCode.Parse("DE"), SupplierCategory.ContractManufacturer), supplier.CreatedAtUtc);

        Assert.Equal(("BRIGHTWAY SHENZHEN GMBH", "BRIGHTWAY SHENZHEN"), (supplier.MatchKey, supplier.MatchStem));
    }
}
