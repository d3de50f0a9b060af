using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Agreements;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Agreements.AgreementsApp;

namespace DueDiligence.Web.Tests.Agreements;

/// <summary>Agreements through the app: who may record and read them, the checklist's suggested conditions, the signed copy's checks.</summary>
public sealed class AgreementUseCaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DemoNnn_ShowsTheMissingToolingClauseAsASuggestion_AndTaiwanAsNotAParty()
    {
        var supplier = await SupplierAsync(app);

        var data = await app.AsAsync("exec@test", Executive, s => s.Queries().AgreementsAsync(supplier.Id));

        var nnn = Assert.Single(data!.Agreements);
        Assert.Equal(DemoAgreements.NnnTitle, nnn.Agreement.Title);
        var suggestion = Assert.Single(nnn.Suggestions);
        Assert.Contains("Tooling ownership and return", suggestion.Description, StringComparison.Ordinal);
        Assert.Equal("not a party", nnn.Enforceability.Places.Single(p => p.Country.Value == "TW").Convention.Describe());
        Assert.Equal("party since 1995", nnn.Enforceability.Places.Single(p => p.Country.Value == "VN").Convention.Describe());
        Assert.Contains(nnn.Enforceability.Flags, f => f.Contains("Taiwan", StringComparison.Ordinal));
        Assert.False(data.CanEdit);
        Assert.False(data.Target.CanAdd);
    }

    [Fact]
    public async Task RiskSummary_CarriesTheAgreementsTheirGapsAndTheFlaggedReleases()
    {
        var supplier = await SupplierAsync(app);
        await using var db = await app.CreateDbContextAsync();
        var assessmentId = await db.Assessments.Where(a => a.SupplierId == supplier.Id).Select(a => a.Id).FirstAsync();

        var summary = await app.AsAsync("exec@test", Executive, s => s.GetRequiredService<DueDiligence.Web.Features.Assessments.RiskSummary.DownloadRiskSummary>().SummaryAsync(assessmentId));

        var report = summary!.Agreements!;
        Assert.Equal("Tooling ownership and return", Assert.Single(Assert.Single(report.Agreements).Gaps).Clause.Name);
        Assert.Equal(DemoAgreements.EarlyReleaseFile, Assert.Single(report.FlaggedReleases).Release.FileName);
    }

    [Fact]
    public async Task TreatyData_ABlankConventionYear_IsUnknown_NeverNotAParty()
    {
        await using var db = await app.CreateDbContextAsync();
        var years = await NewYorkConventionYears.LoadAsync(db, CancellationToken.None);

        Assert.Equal(ConventionStanding.Unknown, years(Country("LK")).Standing);
        Assert.Equal(ConventionStanding.Unknown, years(Country("AF")).Standing);
        Assert.Equal(ConventionStanding.NotParty, years(Country("TW")).Standing);
        Assert.Equal(NewYorkConventionStatus.PartySince(1986), years(Country("SG")));
    }

    [Fact]
    public async Task SuggestedCondition_OneClickByLegal_AddsTheConditionToTheAssessmentInReview_Audited_Once()
    {
        var supplier = await SupplierAsync(app);
        var before = await app.AsAsync("lee@test", Legal, s => s.Queries().AgreementsAsync(supplier.Id));
        var suggestion = before!.Agreements.Single().Suggestions.Single();
        Assert.True(before.Target.CanAdd);

        var analystRefused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsAsync(supplier.OwnerId, Analyst, s => s.Commands().AddSuggestedConditionAsync(suggestion.AgreementId, suggestion.ClauseId)));
        var condition = await app.AsAsync("lee@test", Legal, s => s.Commands().AddSuggestedConditionAsync(suggestion.AgreementId, suggestion.ClauseId));
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            app.AsAsync("lee@test", Legal, s => s.Commands().AddSuggestedConditionAsync(suggestion.AgreementId, suggestion.ClauseId)));

        Assert.Equal("This needs the role Legal reviewer or Executive.", analystRefused.Message);
        Assert.Equal("This condition is already on the assessment.", again.Message);
        Assert.Equal(suggestion.Description, condition.Description);
        Assert.Equal((supplier.OwnerId, supplier.OwnerName), (condition.OwnerId, condition.OwnerLabel));
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Conditions).AsSplitQuery().SingleAsync(a => a.SupplierId == supplier.Id && a.Status == AssessmentStatus.LegalReview);
        Assert.Single(assessment.Conditions, c => c.Description == suggestion.Description);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ContractCondition) && e.EntityKey.Contains(condition.Id.ToString()) && e.Actor == "lee@test"));
        var after = await app.AsAsync("lee@test", Legal, s => s.Queries().AgreementsAsync(supplier.Id));
        Assert.True(after!.Agreements.Single().Suggestions.Single().AlreadyAdded);
    }

    [Fact]
    public async Task SuggestedCondition_ForAClauseNotMarkedMissing_IsRefused()
    {
        var supplier = await SupplierAsync(app);
        var data = await app.AsAsync("lee@test", Legal, s => s.Queries().AgreementsAsync(supplier.Id));
        var present = data!.Agreements.Single().Lines.First(l => l.Standing == ClauseStanding.Present);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            app.AsAsync("lee@test", Legal, s => s.Commands().AddSuggestedConditionAsync(data.Agreements.Single().Agreement.Id, present.Clause.Id)));

        Assert.Contains("is not marked missing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByTheOwnerOrLegal_IsAllowed_ByAnotherAnalystExecutiveOrAdmin_IsRefused_AndAudited()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.DraftSupplier);
        var input = Nda("Mutual NDA", supplier.LegalName, DateTime.UtcNow.Date.AddDays(-3));

        var other = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("someone@test", Analyst, s => s.Commands().CreateAsync(supplier.Id, input)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("exec@test", Executive, s => s.Commands().CreateAsync(supplier.Id, input)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("admin@test", Admin, s => s.Commands().CreateAsync(supplier.Id, input)));
        var byOwner = await app.AsAsync(supplier.OwnerId, Analyst, s => s.Commands().CreateAsync(supplier.Id, input));
        var byLegal = await app.AsAsync("lee@test", Legal, s => s.Commands().CreateAsync(supplier.Id, Nda("NDA 2", supplier.LegalName, null)));

        Assert.Equal($"Only legal reviewers and the supplier's owner and collaborators can record its agreements for {supplier.LegalName}.", other.Message);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(2, await db.Agreements.CountAsync(a => a.SupplierId == supplier.Id && (a.Id == byOwner.Id || a.Id == byLegal.Id)));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Agreement) && e.EntityKey.Contains(byOwner.Id.ToString())));
    }

    [Fact]
    public async Task Read_ByAnAdministrator_IsRefused()
    {
        var supplier = await SupplierAsync(app);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("admin@test", Admin, s => s.Queries().AgreementsAsync(supplier.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("admin@test", Admin, s => s.Queries().ReleasesAsync(supplier.Id)));
    }

    [Fact]
    public async Task CheckClause_ByLegal_MarksItMissing_AndAConcurrentEditIsRefused()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.SubmittedSupplier);
        var agreement = await app.AsAsync("lee@test", Legal, s => s.Commands().CreateAsync(supplier.Id, Nda("NDA", supplier.LegalName, null)));
        var clauses = await app.AsAsync("admin@test", Admin, s => s.GetRequiredService<ClauseLibrary>().ListAsync());
        var confidentiality = clauses.Single(c => c.Name == "Confidentiality");

        var checkedOnce = await app.AsAsync("lee@test", Legal, s => s.Commands().CheckClauseAsync(agreement.Id, agreement.Version, confidentiality.Id, ClauseStatus.Missing, null));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync("lee@test", Legal, s => s.Commands().CheckClauseAsync(agreement.Id, agreement.Version, confidentiality.Id, ClauseStatus.Present, "2")));

        Assert.Equal(ClauseStatus.Missing, checkedOnce.Clauses.Single().Status);
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedCopy_ARenamedExecutable_IsRefusedWithItsReason_AndNothingIsAttached()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.ApprovedSupplier);
        var agreement = await app.AsAsync("lee@test", Legal, s => s.Commands().CreateAsync(supplier.Id, Nda("NDA", supplier.LegalName, null)));
        byte[] executable = [.. "MZ"u8.ToArray(), .. new byte[200]];

        var refused = await Assert.ThrowsAsync<DomainException>(() => app.AsAsync("lee@test", Legal, s =>
            s.Commands().AttachSignedFileAsync(agreement.Id, agreement.Version, "signed-nda.pdf", new MemoryStream(executable))));
        var attached = await app.AsAsync("lee@test", Legal, s =>
            s.Commands().AttachSignedFileAsync(agreement.Id, agreement.Version, "signed-nda.pdf", new MemoryStream(SampleFiles.Pdf())));

        Assert.StartsWith("“signed-nda.pdf” is named .pdf but its content is not", refused.Message, StringComparison.Ordinal);
        Assert.Equal("signed-nda.pdf", attached.SignedFile!.OriginalFileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Pdf())), attached.SignedFile.Sha256);
    }

    [Fact]
    public async Task ClauseLibrary_IsKeptByAdministratorsOnly_AndANewClauseIsExpectedWhereChosen()
    {
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsAsync("lee@test", Legal, s => s.GetRequiredService<ClauseLibrary>().AddAsync("Export control", "x", AgreementKinds.Msa)));
        var added = await app.AsAsync("admin@test", Admin, s =>
            s.GetRequiredService<ClauseLibrary>().AddAsync("Export control", "The supplier follows export-control law for our technology.", AgreementKinds.Msa));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() =>
            app.AsAsync("admin@test", Admin, s => s.GetRequiredService<ClauseLibrary>().AddAsync("export CONTROL", "again", AgreementKinds.Nda)));

        Assert.Equal("This needs the role Administrator.", refused.Message);
        Assert.True(added.IsExpectedIn(AgreementKind.Msa));
        Assert.False(added.IsExpectedIn(AgreementKind.Nda));
        Assert.Equal("The library already has a clause named “export CONTROL”.", duplicate.Message);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Clause) && e.Actor == "admin@test"));
    }
}
