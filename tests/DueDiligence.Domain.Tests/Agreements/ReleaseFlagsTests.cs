using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tests.Agreements;

/// <summary>The release ledger's flags, at their boundary dates.</summary>
public sealed class ReleaseFlagsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Signed = new(2026, 5, 1);
    private static readonly SupplierStanding Decided = new(HasDecision: true, HasUnwaivedKnockOut: false);
    private static readonly string Hash = new('a', 64);

    private static FileRelease Release(DateOnly on, int sensitivity = 3, Guid? agreementId = null, DateOnly? returnBy = null) =>
        new(Guid.NewGuid(), new ReleaseDetails("layout.gds", Hash, IpAssetCategory.DesignFiles, sensitivity, on, "lee", "Lee Legal", agreementId, returnBy), "ana", Today, Now);

    private static Agreement Nnn(DateOnly? signedOn = null) => AgreementChecksTests.Nnn(signedOn: signedOn ?? Signed);

    [Fact]
    public void Release_OnTheDayOfSignature_IsCovered_AndTheDayBefore_IsFlagged()
    {
        var nnn = Nnn();

        Assert.Empty(ReleaseFlags.Of(Release(Signed), [nnn], Decided, Today));
        Assert.Equal(["Released on 2026-04-30, before “NNN” was signed on 2026-05-01."], ReleaseFlags.Of(Release(Signed.AddDays(-1)), [nnn], Decided, Today));
    }

    [Fact]
    public void Release_WithNoNdaOrNnn_IsFlagged_EvenUnderAnotherAgreement()
    {
        var msa = new Agreement(Guid.NewGuid(), new AgreementDetails(AgreementKind.Msa, "MSA", "Us", "Them", CountryCode.Parse("CN"), Signed, null, null, null, null, null), "lee", Today, Now);

        Assert.Equal(["Released with no NDA or NNN on record."], ReleaseFlags.Of(Release(Today, agreementId: msa.Id), [msa], Decided, Today));
    }

    [Fact]
    public void Release_UnderAnUnsignedNnn_IsFlagged()
    {
        var unsigned = new Agreement(Guid.NewGuid(), new AgreementDetails(AgreementKind.Nnn, "Draft NNN", "Us", "Them", CountryCode.Parse("CN"), null, null, null, null, null, null), "lee", Today, Now);

        Assert.Equal(["Released while “Draft NNN” is not signed."], ReleaseFlags.Of(Release(Today, agreementId: unsigned.Id), [unsigned], Decided, Today));
    }

    [Fact]
    public void Sensitivity5_ToASupplierWithAnUnwaivedKnockOut_OrNoDecision_IsFlagged_AndSensitivity4IsNot()
    {
        var nnn = Nnn();

        Assert.Equal(["Sensitivity 5 released to a supplier whose latest assessment has a knock-out nobody waived."],
            ReleaseFlags.Of(Release(Today, 5), [nnn], new SupplierStanding(true, true), Today));
        Assert.Equal(["Sensitivity 5 released to a supplier with no decision."], ReleaseFlags.Of(Release(Today, 5), [nnn], new SupplierStanding(false, false), Today));
        Assert.Empty(ReleaseFlags.Of(Release(Today, 4), [nnn], new SupplierStanding(false, true), Today));
        Assert.Empty(ReleaseFlags.Of(Release(Today, 5), [nnn], Decided, Today));
    }

    [Fact]
    public void Return_IsOverdueFromTheDayAfterItsDate_AndNotOnceConfirmed()
    {
        var nnn = Nnn();
        var release = Release(Signed, returnBy: Today);

        Assert.Empty(ReleaseFlags.Of(release, [nnn], Decided, Today));
        Assert.Equal(["Return or destruction overdue since 2026-06-01."], ReleaseFlags.Of(release, [nnn], Decided, Today.AddDays(1)));
        release.ConfirmReturned(Today, Today);
        Assert.Empty(ReleaseFlags.Of(release, [nnn], Decided, Today.AddDays(1)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("")]
    public void Sha256_NotSixtyFourHexDigits_IsRefused(string entered)
    {
        var error = Assert.Throws<DomainException>(() => FileRelease.NormaliseSha256(entered));
        Assert.StartsWith("A SHA-256 is 64 hexadecimal digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha256_InUpperCaseWithSpaces_IsStoredLowerCase()
    {
        Assert.Equal(new string('a', 64), FileRelease.NormaliseSha256($"  {new string('A', 64)} "));
    }

    [Fact]
    public void Release_InTheFuture_OrReturnedBeforeItLeft_IsRefused()
    {
        Assert.Contains("in the future", Assert.Throws<DomainException>(() => Release(Today.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Contains("before the release", Assert.Throws<DomainException>(() => Release(Today, returnBy: Today.AddDays(-1))).Message, StringComparison.Ordinal);
    }
}
