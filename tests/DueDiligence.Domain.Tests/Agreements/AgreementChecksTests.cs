using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tests.Agreements;

/// <summary>The clause checklist, the contracting-entity check and "enforceable where?".</summary>
public sealed class AgreementChecksTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly SupplierSeat Waferlink = new("Waferlink Semiconductor Corp.", CountryCode.Parse("TW"), [(CountryCode.Parse("VN"), "Hai Phong")]);

    private static readonly IReadOnlyList<Clause> Library =
        ClauseLibraryDefaults.Clauses.Select((c, i) => new Clause(c.Name, c.Purpose, c.ExpectedIn, i + 1)).ToList();

    internal static Agreement Nnn(
        string entity = "Waferlink Semiconductor Corp.", string country = "TW", ForumKind? forum = ForumKind.Arbitration, string? seat = "SG", DateOnly? signedOn = null) =>
        new(Guid.NewGuid(), new AgreementDetails(AgreementKind.Nnn, "NNN", "Meridian Instruments GmbH", entity, CountryCode.Parse(country),
            signedOn ?? Today.AddDays(-10), null, null, CountryCode.Parse("SG"), forum, seat is null ? null : CountryCode.Parse(seat)), "lee", Today, Now);

    private static Clause ClauseNamed(string prefix) => Library.First(c => c.Name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Checklist_OfAnNnn_ListsTheExpectedClausesAsNotChecked_AndOnlyAMissingOneIsAGap()
    {
        var nnn = Nnn();
        nnn.CheckClause(ClauseNamed("Tooling").Id, ClauseStatus.Missing, null, "lee", Now);
        nnn.CheckClause(ClauseNamed("Confidentiality").Id, ClauseStatus.Present, "clause 2", "lee", Now);

        var lines = ClauseReview.Lines(nnn, Library);

        Assert.Equal(Library.Count(c => c.IsExpectedIn(AgreementKind.Nnn)), lines.Count);
        Assert.DoesNotContain(lines, l => l.Clause.Name == "Audit rights");
        Assert.Equal(["Tooling ownership and return"], lines.Where(l => l.IsGap).Select(l => l.Clause.Name));
        Assert.Equal(ClauseStanding.NotChecked, lines.Single(l => l.Clause.Name == "Non-use").Standing);
        Assert.Equal("clause 2", lines.Single(l => l.Clause.Name == "Confidentiality").Reference);
    }

    [Fact]
    public void Checklist_KeepsAClauseCheckedOutsideItsKind_AndDropsARetiredUncheckedOne()
    {
        var nnn = Nnn();
        var audit = ClauseNamed("Audit rights");
        nnn.CheckClause(audit.Id, ClauseStatus.Present, "clause 9", "lee", Now);
        var damages = ClauseNamed("Liquidated");
        var library = Library.Select(c => c).ToList();
        damages.Retire(true);

        var lines = ClauseReview.Lines(nnn, library);

        Assert.Contains(lines, l => l.Clause.Id == audit.Id && !l.Expected && l.Standing == ClauseStanding.Present);
        Assert.DoesNotContain(lines, l => l.Clause.Id == damages.Id);
        damages.Retire(false);
    }

    [Fact]
    public void CheckClause_PresentWithoutAReference_IsRefused_AndASecondCheckReplacesTheFirst()
    {
        var nnn = Nnn();
        var clause = ClauseNamed("Non-use");

        var refused = Assert.Throws<DomainException>(() => nnn.CheckClause(clause.Id, ClauseStatus.Present, " ", "lee", Now));
        nnn.CheckClause(clause.Id, ClauseStatus.Missing, null, "lee", Now);
        nnn.CheckClause(clause.Id, ClauseStatus.Present, "7.2", "lee", Now);

        Assert.Equal("Say where the clause is in the agreement, e.g. “clause 7.2”.", refused.Message);
        Assert.Equal(ClauseStatus.Present, Assert.Single(nnn.Clauses).Status);
    }

    [Fact]
    public void Agreement_SignedInTheFuture_OrExpiringBeforeItStarts_OrWithAForumWithoutCountry_IsRefused()
    {
        Assert.Contains("in the future", Assert.Throws<DomainException>(() => Nnn(signedOn: Today.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Equal("Give both the kind of forum (courts or arbitration) and its country, or neither.",
            Assert.Throws<DomainException>(() => Nnn(seat: null)).Message);
        var details = new AgreementDetails(AgreementKind.Nda, "NDA", "Us", "Them", CountryCode.Parse("CN"), null, Today, Today.AddDays(-1), null, null, null);
        Assert.Contains("before it takes effect", Assert.Throws<DomainException>(() => new Agreement(Guid.NewGuid(), details, "lee", Today, Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContractingEntity_TheRegisteredNameInAnotherSpacingAndCase_IsNotFlagged()
    {
        Assert.Empty(Waferlink.ContractingEntityFlags(Nnn(entity: "  WAFERLINK  semiconductor corp. ")));
    }

    [Fact]
    public void ContractingEntity_AnotherEntityInACountryWithoutHqOrSite_IsFlaggedTwice()
    {
        var flags = Waferlink.ContractingEntityFlags(Nnn(entity: "Waferlink Holdings Ltd.", country: "VG"));

        Assert.Equal(2, flags.Count);
        Assert.StartsWith("Signed by Waferlink Holdings Ltd., not by Waferlink Semiconductor Corp.", flags[0], StringComparison.Ordinal);
        Assert.Contains("where the supplier has neither its HQ nor a site", flags[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Enforceability_ArbitrationWithTheSupplierInANonParty_IsFlagged_AndAnUnknownStandingIsOnlyACaution()
    {
        var standings = new Dictionary<string, NewYorkConventionStatus>
        {
            ["TW"] = NewYorkConventionStatus.NotParty,
            ["VN"] = NewYorkConventionStatus.PartySince(1995),
        };
        var seat = new SupplierSeat("Waferlink Semiconductor Corp.", CountryCode.Parse("TW"), [(CountryCode.Parse("VN"), "Hai Phong"), (CountryCode.Parse("LK"), "Colombo")]);

        var result = EnforceabilityCheck.Of(Nnn(), seat, c => standings.GetValueOrDefault(c.Value, NewYorkConventionStatus.Unknown));

        var flag = Assert.Single(result.Flags);
        Assert.Contains("Taiwan (HQ, contracting entity), which is not a party to the New York Convention", flag, StringComparison.Ordinal);
        var caution = Assert.Single(result.Cautions);
        Assert.Contains("Sri Lanka", caution, StringComparison.Ordinal);
        Assert.Contains("unknown", caution, StringComparison.Ordinal);
        Assert.Equal("unknown", result.Places.Single(p => p.Country.Value == "LK").Convention.Describe());
        Assert.Equal("party since 1995", result.Places.Single(p => p.Country.Value == "VN").Convention.Describe());
    }

    [Fact]
    public void Enforceability_ArbitrationWhereEveryPlaceIsAParty_HasNoFlag()
    {
        var result = EnforceabilityCheck.Of(Nnn(), Waferlink, _ => NewYorkConventionStatus.PartySince(1990));

        Assert.Empty(result.Flags);
        Assert.Empty(result.Cautions);
    }

    [Fact]
    public void Enforceability_CourtsAbroad_SayItDependsOnLocalLaw_WithoutAFlag()
    {
        var result = EnforceabilityCheck.Of(Nnn(forum: ForumKind.Courts, seat: "DE"), Waferlink, _ => NewYorkConventionStatus.NotParty);

        Assert.Empty(result.Flags);
        Assert.Equal(2, result.Cautions.Count);
        Assert.All(result.Cautions, c => Assert.Contains("depends on", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Enforceability_WithoutAForum_AsksForOne()
    {
        var result = EnforceabilityCheck.Of(Nnn(forum: null, seat: null), Waferlink, _ => NewYorkConventionStatus.NotParty);

        Assert.Empty(result.Flags);
        Assert.StartsWith("No forum is recorded", Assert.Single(result.Cautions), StringComparison.Ordinal);
    }
}
