using System.Net;
using System.Security.Cryptography;
using System.Text;
using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Features.Agreements;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DueDiligence.Web.Tests.Agreements.AgreementsApp;

namespace DueDiligence.Web.Tests.Agreements;

/// <summary>The release ledger through the app: hashes computed or entered, copies kept only through the evidence checks, flags on the app's clock, the export and who may have it.</summary>
public sealed class ReleaseLedgerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ReleaseInput Input(string approverId, string fileName = "housing-v3.step", int sensitivity = 3, Guid? agreementId = null, string? sha = null) => new()
    {
        FileName = fileName,
        Sha256 = sha,
        AssetKind = IpAssetCategory.DesignFiles,
        Sensitivity = sensitivity,
        ReleasedOn = DateTime.UtcNow.Date,
        ApprovedById = approverId,
        AgreementId = agreementId,
    };

    [Fact]
    public async Task DemoRelease_OfSensitivity5BeforeTheNnnWasSigned_IsFlagged()
    {
        var supplier = await SupplierAsync(app);

        var releases = await app.AsAsync("exec@test", Executive, s => s.Queries().ReleasesAsync(supplier.Id));

        var row = Assert.Single(releases!.Rows, r => r.Release.FileName == DemoAgreements.EarlyReleaseFile);
        Assert.Contains(row.Flags, f => f.StartsWith("Released on ", StringComparison.Ordinal) && f.Contains($"before “{DemoAgreements.NnnTitle}” was signed", StringComparison.Ordinal));
        Assert.Contains("Sensitivity 5 released to a supplier with no decision.", row.Flags);
    }

    [Fact]
    public async Task Record_WithTheFile_ComputesItsSha256_AndKeepsNoFile()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.DraftSupplier);
        var legal = await UserIdAsync(app, AppRoles.LegalReviewer);
        var content = Encoding.ASCII.GetBytes("ISO-10303-21; a STEP model of the housing");
        var evidenceBefore = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Count();

        var release = await app.AsAsync(supplier.OwnerId, Analyst, s => s.Ledger().RecordAsync(supplier.Id, Input(legal), new MemoryStream(content), keepCopy: false));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), release.Sha256);
        Assert.Null(release.EvidenceStorageKey);
        Assert.Equal(evidenceBefore, Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Count());
        Assert.Equal("Lee Legal", release.ApprovedByName);
    }

    [Fact]
    public async Task Record_RefusesABadHash_AMismatchedHash_ACopyOfADisallowedType_AndAnApproverWhoIsNotLegalOrExecutive()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.DraftSupplier);
        var legal = await UserIdAsync(app, AppRoles.LegalReviewer);
        var analyst = await UserIdAsync(app, AppRoles.Analyst);
        var content = Encoding.ASCII.GetBytes("layout data");

        async Task<string> RefusalAsync(ReleaseInput input, Stream? file = null, bool keep = false) =>
            (await Assert.ThrowsAsync<DomainException>(() => app.AsAsync(supplier.OwnerId, Analyst, s => s.Ledger().RecordAsync(supplier.Id, input, file, keep)))).Message;

        Assert.StartsWith("A SHA-256 is 64 hexadecimal digits", await RefusalAsync(Input(legal, sha: "12ab")), StringComparison.Ordinal);
        Assert.StartsWith("The SHA-256 entered does not match the file chosen", await RefusalAsync(Input(legal, sha: new string('0', 64)), new MemoryStream(content)), StringComparison.Ordinal);
        Assert.StartsWith("“layout.gds”: files of type .gds are not accepted.", await RefusalAsync(Input(legal, "layout.gds"), new MemoryStream(content), keep: true), StringComparison.Ordinal);
        Assert.Equal("Choose who approved the release: a legal reviewer or an executive whose account is active.", await RefusalAsync(Input(analyst, sha: new string('0', 64))));
        Assert.Equal("Enter the file's SHA-256, or choose the file so that the app computes it.", await RefusalAsync(Input(legal)));
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.FileReleases.AnyAsync(r => r.SupplierId == supplier.Id && r.FileName == "layout.gds"));
    }

    [Fact]
    public async Task Record_WithACopyKept_StoresItThroughTheEvidenceStore()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.DraftSupplier);
        var legal = await UserIdAsync(app, AppRoles.LegalReviewer);

        var release = await app.AsAsync("lee@test", Legal, s => s.Ledger().RecordAsync(supplier.Id, Input(legal, "drawing.pdf"), new MemoryStream(SampleFiles.Pdf()), keepCopy: true));

        Assert.NotNull(release.EvidenceStorageKey);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf())), release.Sha256);
    }

    [Fact]
    public async Task Record_ByAnotherAnalystOrAnExecutive_IsRefused()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.DraftSupplier);
        var legal = await UserIdAsync(app, AppRoles.LegalReviewer);
        var input = Input(legal, sha: new string('b', 64));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("someone@test", Analyst, s => s.Ledger().RecordAsync(supplier.Id, input, null, false)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("exec@test", Executive, s => s.Ledger().RecordAsync(supplier.Id, input, null, false)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAsync("someone@test", Analyst, s => s.Ledger().ExportCsvAsync(supplier.Id)));
    }

    [Fact]
    public async Task Return_IsOverdueOnTheAppsClock_FromTheDayAfterItsDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero));
        await using var onClock = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var services = onClock.Services;
        var supplier = await SupplierAsync(app, DemoAssessmentStories.ApprovedSupplier);
        var legal = await UserIdAsync(app, AppRoles.LegalReviewer);
        var input = Input(legal, "return-me.step", sha: new string('c', 64));
        input.ReleasedOn = new DateTime(2026, 8, 1);
        input.ReturnOrDestroyBy = new DateTime(2026, 9, 1);
        await AppFactory.AsUserAsync(services, "lee@test", Legal, s => s.Ledger().RecordAsync(supplier.Id, input, null, false));

        var onTheDay = await AppFactory.AsUserAsync(services, "lee@test", Legal, s => s.Queries().ReleasesAsync(supplier.Id));
        clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = await AppFactory.AsUserAsync(services, "lee@test", Legal, s => s.Queries().ReleasesAsync(supplier.Id));

        Assert.DoesNotContain(onTheDay!.Rows.Single(r => r.Release.FileName == "return-me.step").Flags, f => f.Contains("overdue", StringComparison.Ordinal));
        Assert.Contains("Return or destruction overdue since 2026-09-01.", dayAfter!.Rows.Single(r => r.Release.FileName == "return-me.step").Flags);
    }

    [Fact]
    public async Task Export_ForAnExecutive_IsTheLedgerAsCsvWithFlags_AndForAnAdministratorIsForbidden()
    {
        var supplier = await SupplierAsync(app);
        var executive = await app.SignInAsync(DemoAccounts.ForRole(AppRoles.Executive).Email, DemoAccounts.ForRole(AppRoles.Executive).Password);
        var admin = await app.SignInAsync(DemoAccounts.ForRole(AppRoles.Admin).Email, DemoAccounts.ForRole(AppRoles.Admin).Password);

        var response = await executive.GetAsync($"/suppliers/{supplier.Id}/file-releases.csv");
        var refused = await admin.GetAsync($"/suppliers/{supplier.Id}/file-releases.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(string.Join(",", ReleaseCsv.Header), csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(DemoAgreements.EarlyReleaseFile, csv, StringComparison.Ordinal);
        Assert.Contains("Sensitivity 5 released to a supplier with no decision.", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task SignedCopy_DownloadsForTheOwnerAndExecutives_AndIsForbiddenToAnotherAnalystAndToAdministrators()
    {
        var supplier = await SupplierAsync(app, DemoAssessmentStories.RejectedSupplier);
        var agreement = await app.AsAsync("lee@test", Legal, s => s.Commands().CreateAsync(supplier.Id, Nda("NDA", supplier.LegalName, null)));
        await app.AsAsync("lee@test", Legal, s => s.Commands().AttachSignedFileAsync(agreement.Id, agreement.Version, "nda.pdf", new MemoryStream(SampleFiles.Pdf())));
        var other = await OtherAnalystAsync();
        var url = $"/suppliers/{supplier.Id}/agreements/{agreement.Id}/signed-copy";

        var owner = await (await SignInAsync(AppRoles.Analyst)).GetAsync(url);
        var executive = await (await SignInAsync(AppRoles.Executive)).GetAsync(url);
        var admin = await (await SignInAsync(AppRoles.Admin)).GetAsync(url);
        var stranger = await (await app.SignInAsync(other, OtherPassword)).GetAsync(url);
        var wrongSupplier = await (await SignInAsync(AppRoles.Executive)).GetAsync($"/suppliers/{Guid.NewGuid()}/agreements/{agreement.Id}/signed-copy");

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await owner.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", owner.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.OK, executive.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongSupplier.StatusCode);
    }

    private const string OtherPassword = "copper-meadow-falcon-73";

    private Task<HttpClient> SignInAsync(string role) => app.SignInAsync(DemoAccounts.ForRole(role).Email, DemoAccounts.ForRole(role).Password);

    private async Task<string> OtherAnalystAsync()
    {
        var email = $"other-{Guid.NewGuid():N}@test.local";
        var result = await app.AsUserAsync("admin@test", Admin, s => s.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
        {
            Email = email,
            DisplayName = "Olga Other",
            Password = OtherPassword,
            Roles = [AppRoles.Analyst],
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }
}
