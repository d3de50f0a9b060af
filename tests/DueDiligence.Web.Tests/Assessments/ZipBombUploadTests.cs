using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// Hostile Word files uploaded as evidence by the owning analyst, through the use case the wizard calls, with the app's
/// default limits (200 MB unpacked, 10,000 parts, 100 to 1 above 1 MB, one level of nesting) and its real evidence folder.
/// </summary>
public sealed class ZipBombUploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Name = "nda-signed.docx";
    private const long MegaByte = 1024 * 1024;

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "300 MB of zeros", $"“{Name}” is refused because it unpacks to 300 MB, more than the limit of 200 MB." },
        { "20,000 parts", $"“{Name}” is refused because it holds 20,002 files, more than the limit of 10,000." },
        { "nested archives", $"“{Name}” is refused because it holds an archive nested 2 levels deep (“word/embeddings/book.xlsx” › “xl/embeddings/inner.zip”); the limit is 1 level." },
        { "encrypted", $"“{Name}” is refused because its part “[Content_Types].xml” is encrypted, so its content cannot be checked; remove the password and upload it again." },
        { "path traversal", $"“{Name}” is refused because its part name “../../../etc/cron.daily/x” points outside the archive." },
        { "absolute path", $"“{Name}” is refused because its part name “/etc/cron.daily/x” points outside the archive." },
        { "duplicate part", $"“{Name}” is refused because it holds the part “word/document.xml” twice, so that different programs would read different content." },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task ExecuteAsync_WhenTheWordFileIsAZipBomb_RefusesItWithTheLimitAndKeepsNothing(string hostile, string expected)
    {
        var refusal = await RefuseAsync(Hostile(hostile));

        Assert.Equal(EvidenceRejectionReason.UnsafeArchive, refusal.Reason);
        Assert.Equal(expected, refusal.Message);
    }

    [Fact]
    public async Task ExecuteAsync_WhenOnePartIsCompressedFarBeyondTheRatio_SaysItsRatioAndTheLimit()
    {
        var refusal = await RefuseAsync(HostileArchives.WordWithZeros(50 * MegaByte));

        Assert.Equal(EvidenceRejectionReason.UnsafeArchive, refusal.Reason);
        Assert.Matches(
            $"^“{Name}” is refused because its part “word/media/image1.png” unpacks to 50 MB from [0-9.]+ KB, a compression ratio of [0-9,]+ to 1; the limit is 100 to 1\\.$",
            refusal.Message);
    }

    [Fact]
    public async Task ExecuteAsync_WhenAPartDeclaresLessThanItsPackedDataCanHold_SaysItsHeaderIsFalse()
    {
        var refusal = await RefuseAsync(HostileArchives.WordWithFalseHeader());

        Assert.Equal(EvidenceRejectionReason.UnsafeArchive, refusal.Reason);
        Assert.Matches(
            $"^“{Name}” is refused because its part “word/media/image1.png” declares 100 bytes unpacked but carries [0-9.]+ KB of packed data, so its header is false\\.$",
            refusal.Message);
    }

    [Theory]
    [InlineData("renamed VBA project")]
    [InlineData("macro-enabled main part")]
    public async Task ExecuteAsync_WhenContentTypesDeclareMacros_RefusesItWhateverThePartsAreCalled(string hostile)
    {
        var refusal = await RefuseAsync(Hostile(hostile));

        Assert.Equal(EvidenceRejectionReason.ContentMismatch, refusal.Reason);
        Assert.Equal(
            $"“{Name}” is named .docx but its content is not a Word document: it is an Office document with macros. "
            + "Macros can run code on the computer of whoever opens it: save it without macros (as .docx or .xlsx) and upload that.",
            refusal.Message);
    }

    [Theory]
    [InlineData("nda-signed.docx", "plain")]
    [InlineData("controls.xlsx", "workbook")]
    [InlineData("nda-signed.docx", "embedded workbook")]
    [InlineData("nda-signed.docx", "10 MB of text")]
    public async Task ExecuteAsync_WhenTheOfficeFileIsOrdinary_AttachesIt(string fileName, string content)
    {
        var id = await NewDraftAsync(app);
        var bytes = content switch
        {
            "plain" => SampleFiles.Docx(),
            "workbook" => SampleFiles.Xlsx(),
            "embedded workbook" => HostileArchives.WordEmbeddingWorkbook(),
            _ => HostileArchives.WordWithText(10 * MegaByte),
        };

        await UploadAsync(id, fileName, bytes);

        Assert.Equal([fileName], (await LoadAsync(app, id)).Assessment.Evidence.Select(e => e.OriginalFileName));
    }

    private static byte[] Hostile(string hostile) => hostile switch
    {
        "300 MB of zeros" => HostileArchives.WordWithZeros(300 * MegaByte),
        "20,000 parts" => HostileArchives.WordWithParts(20_000),
        "nested archives" => HostileArchives.WordEmbeddingNestedArchives(),
        "encrypted" => HostileArchives.EncryptedWord(),
        "path traversal" => HostileArchives.WordWithPart("../../../etc/cron.daily/x"),
        "absolute path" => HostileArchives.WordWithPart("/etc/cron.daily/x"),
        "duplicate part" => HostileArchives.WordWithDuplicatePart(),
        "renamed VBA project" => HostileArchives.WordWithRenamedVbaProject(),
        "macro-enabled main part" => HostileArchives.MacroEnabledWordRenamed(),
        _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, "No such hostile file."),
    };

    /// <summary>Uploads to a fresh draft with one piece of evidence, expects a refusal and checks that nothing changed.</summary>
    private async Task<EvidenceRejectedException> RefuseAsync(byte[] content)
    {
        var id = await NewDraftAsync(app);
        await UploadAsync(id, "certificate.pdf", SampleFiles.Pdf());
        var filesBefore = EvidenceFolder();

        var refusal = await Assert.ThrowsAsync<EvidenceRejectedException>(() => UploadAsync(id, Name, content));

        Assert.Equal(["certificate.pdf"], (await LoadAsync(app, id)).Assessment.Evidence.Select(e => e.OriginalFileName));
        Assert.Equal(filesBefore, EvidenceFolder());
        return refusal;
    }

    private Task<EvidenceFile> UploadAsync(Guid id, string fileName, byte[] content) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, "DS-01", fileName, new MemoryStream(content), null));

    /// <summary>Every file in the app's evidence folder, upload temporary files included.</summary>
    private List<string> EvidenceFolder() =>
        Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
