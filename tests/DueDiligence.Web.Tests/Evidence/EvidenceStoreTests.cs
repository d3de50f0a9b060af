using System.Security.Cryptography;
using DueDiligence.Web.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>The evidence store over a real temporary evidence folder: real files on disk, no mocks.</summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private const string Accepted = "Accepted: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), text (.txt), e-mail (.eml, .msg).";

    private readonly EvidenceFolder folder = new(Path.Combine(Path.GetTempPath(), "dd-evidence-tests", Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(folder.Path, recursive: true);

    public static TheoryData<string, string> AcceptedFiles => new()
    {
        { "certificate.pdf", "application/pdf" },
        { "site-photo.png", "image/png" },
        { "gate.jpg", "image/jpeg" },
        { "gate.jpeg", "image/jpeg" },
        { "SCAN.PDF", "application/pdf" },
        { "nda.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "controls.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "notes.txt", "text/plain; charset=utf-8" },
        { "confirmation.eml", "message/rfc822" },
        { "confirmation.msg", "application/vnd.ms-outlook" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task SaveAsync_WhenFileIsOfAnAcceptedType_StoresIdenticalBytesUnderARandomReadOnlyName(string name, string contentType)
    {
        var bytes = SampleFor(name);

        var stored = await Store().SaveAsync(name, new MemoryStream(bytes), CancellationToken.None);

        var path = Path.Combine(folder.Path, stored.StorageKey[..2], stored.StorageKey);
        Assert.True(File.Exists(path));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(name, stored.OriginalFileName);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageKey);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(name), stored.StorageKey, StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        }

        Assert.Single(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
        AssertOutsideWebRoot(path);
    }

    [Fact]
    public async Task SaveAsync_WhenTextIsUtf16WithByteOrderMark_StoresItAsUtf16Text()
    {
        var stored = await Store().SaveAsync("confirmation.txt", new MemoryStream(SampleFiles.Utf16Text()), CancellationToken.None);

        Assert.Equal("text/plain; charset=utf-16", stored.ContentType);
    }

    [Fact]
    public async Task SaveAsync_WhenTextFileHoldsACopiedEmail_AcceptsItAsText()
    {
        var stored = await Store().SaveAsync("mail.txt", new MemoryStream(SampleFiles.Eml()), CancellationToken.None);

        Assert.Equal("text/plain; charset=utf-8", stored.ContentType);
    }

    [Fact]
    public async Task SaveAsync_WhenSameContentIsUploadedTwice_StoresTwoDistinctItems()
    {
        var store = Store();
        var bytes = SampleFiles.Pdf();

        var first = await store.SaveAsync("contract.pdf", new MemoryStream(bytes), CancellationToken.None);
        var second = await store.SaveAsync("contract.pdf", new MemoryStream(bytes), CancellationToken.None);

        Assert.NotEqual(first.StorageKey, second.StorageKey);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task SaveAsync_WhenFileExceedsTheLimit_SaysItsSizeAndTheLimitAndKeepsNothing()
    {
        var store = Store(maxUploadBytes: 1024 * 1024);

        var rejection = await RejectAsync(store, "contract.pdf", SampleFiles.Sized(1536 * 1024));

        Assert.Equal(EvidenceRejectionReason.TooLarge, rejection.Reason);
        Assert.Equal("“contract.pdf” is 1.5 MB; the limit is 1 MB.", rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenUploadOfUnknownLengthExceedsTheLimit_StopsReadingAtTheLimitAndKeepsNothing()
    {
        var store = Store(maxUploadBytes: 100 * 1024);
        var upload = new UnknownLengthStream([.. SampleFiles.Pdf(), .. SampleFiles.Sized(1024 * 1024)]);

        var rejection = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync("contract.pdf", upload, CancellationToken.None));

        Assert.Equal(EvidenceRejectionReason.TooLarge, rejection.Reason);
        Assert.Equal("“contract.pdf” is larger than the limit of 100 KB.", rejection.Message);
        Assert.Equal((100 * 1024) + 1, upload.BytesRead);
        AssertEvidenceFolderEmpty();
    }

    [Fact]
    public async Task SaveAsync_WhenFileIsExactlyAtTheLimit_StoresIt()
    {
        var bytes = SampleFiles.Sized(4096, (byte)'x');

        var stored = await Store(maxUploadBytes: 4096).SaveAsync("notes.txt", new UnknownLengthStream(bytes), CancellationToken.None);

        Assert.Equal(4096, stored.Length);
    }

    [Fact]
    public async Task SaveAsync_WhenFileIsEmpty_SaysItIsEmpty()
    {
        var rejection = await RejectAsync(Store(), "empty.pdf", []);

        Assert.Equal(EvidenceRejectionReason.Empty, rejection.Reason);
        Assert.Equal("“empty.pdf” is empty.", rejection.Message);
    }

    [Theory]
    [InlineData("tool.exe", ".exe")]
    [InlineData("page.html", ".html")]
    [InlineData("logo.svg", ".svg")]
    [InlineData("app.js", ".js")]
    [InlineData("Setup.EXE", ".exe")]
    public async Task SaveAsync_WhenExtensionIsNotAccepted_NamesTheTypeAndListsTheAcceptedOnes(string name, string extension)
    {
        var rejection = await RejectAsync(Store(), name, SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.ExtensionNotAllowed, rejection.Reason);
        Assert.Equal($"“{name}”: files of type {extension} are not accepted. {Accepted}", rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenNameHasNoExtension_SaysTheTypeCannotBeChecked()
    {
        var rejection = await RejectAsync(Store(), "contract", SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.ExtensionNotAllowed, rejection.Reason);
        Assert.Equal($"“contract” has no file extension, so its type cannot be checked. {Accepted}", rejection.Message);
    }

    [Theory]
    [InlineData("report.pdf", "Windows", "“report.pdf” is named .pdf but its content is not a PDF: it is a Windows executable.")]
    [InlineData("photo.png", "Elf", "“photo.png” is named .png but its content is not a PNG image: it is a Linux executable (ELF).")]
    [InlineData("notes.txt", "Html", "“notes.txt” is named .txt but its content is not plain text (UTF-8 or UTF-16): it is an HTML page.")]
    [InlineData("notes.txt", "Svg", "“notes.txt” is named .txt but its content is not plain text (UTF-8 or UTF-16): it is an SVG image, which can contain scripts.")]
    [InlineData("notes.txt", "Script", "“notes.txt” is named .txt but its content is not plain text (UTF-8 or UTF-16): it is a script.")]
    [InlineData("nda.docx", "Zip", "“nda.docx” is named .docx but its content is not a Word document: it is a ZIP archive.")]
    [InlineData("nda.docx", "Macros", "“nda.docx” is named .docx but its content is not a Word document: it is an Office document with macros. Macros can run code on the computer of whoever opens it: save it without macros (as .docx or .xlsx) and upload that.")]
    [InlineData("controls.xlsx", "Docx", "“controls.xlsx” is named .xlsx but its content is not an Excel workbook: it is a Word document. Rename it to .docx and upload it again.")]
    [InlineData("scan.pdf", "Png", "“scan.pdf” is named .pdf but its content is not a PDF: it is a PNG image. Rename it to .png and upload it again.")]
    [InlineData("mail.eml", "Html", "“mail.eml” is named .eml but its content is not an e-mail message: it is an HTML page.")]
    [InlineData("mail.msg", "Pdf", "“mail.msg” is named .msg but its content is not an Outlook message: it is a PDF. Rename it to .pdf and upload it again.")]
    [InlineData("notes.txt", "Latin1", "“notes.txt” is named .txt but its content is not plain text (UTF-8 or UTF-16): it is text in an encoding other than UTF-8 or UTF-16. Save it as UTF-8 and upload it again.")]
    [InlineData("notes.txt", "Msg", "“notes.txt” is named .txt but its content is not plain text (UTF-8 or UTF-16): it is an Outlook message or an old-style Office file (.doc, .xls).")]
    public async Task SaveAsync_WhenContentDoesNotMatchTheExtension_SaysWhatTheContentReallyIs(string name, string content, string message)
    {
        var rejection = await RejectAsync(Store(), name, SampleByKind(content));

        Assert.Equal(EvidenceRejectionReason.ContentMismatch, rejection.Reason);
        Assert.Equal(message, rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenZipIsTruncated_SaysItIsDamaged()
    {
        var docx = SampleFiles.Docx();

        var rejection = await RejectAsync(Store(), "nda.docx", docx[..(docx.Length / 2)]);

        Assert.Equal("“nda.docx” is named .docx but its content is not a Word document: it is a damaged ZIP archive. It may be damaged: open it, save it again and upload the new copy.", rejection.Message);
    }

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("a/b.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("../../etc/passwd")]
    [InlineData("C:x.pdf")]
    [InlineData("..")]
    public async Task SaveAsync_WhenNameContainsPathCharacters_RefusesTheName(string name)
    {
        var rejection = await RejectAsync(Store(), name, SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.InvalidFileName, rejection.Reason);
        Assert.Equal($"The file name “{name}” contains path characters; rename the file and upload it again.", rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenNameContainsNul_RefusesTheNameAndShowsWhere()
    {
        var rejection = await RejectAsync(Store(), "x.pdf\0.exe", SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.InvalidFileName, rejection.Reason);
        Assert.Equal("The file name “x.pdf\uFFFD.exe” contains control characters; rename the file and upload it again.", rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenNameHidesItsTypeWithARightToLeftOverride_RefusesTheName()
    {
        var rejection = await RejectAsync(Store(), "invoice\u202Efdp.exe", SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.InvalidFileName, rejection.Reason);
        Assert.Equal("The file name “invoice\uFFFDfdp.exe” contains invisible text-direction characters that can disguise its type; rename the file and upload it again.", rejection.Message);
    }

    [Theory]
    [InlineData("", "The file has no name; rename the file and upload it again.")]
    [InlineData("   ", "The file has no name; rename the file and upload it again.")]
    [InlineData("report.pdf.", "The file name “report.pdf.” ends with a dot or a space; rename the file and upload it again.")]
    [InlineData("report.pdf ", "The file name “report.pdf ” ends with a dot or a space; rename the file and upload it again.")]
    [InlineData(".pdf", "The file name “.pdf” has nothing before its extension; rename the file and upload it again.")]
    public async Task SaveAsync_WhenNameIsUnusable_SaysWhy(string name, string message)
    {
        var rejection = await RejectAsync(Store(), name, SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.InvalidFileName, rejection.Reason);
        Assert.Equal(message, rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenNameIsLongerThan255Characters_SaysTheLimit()
    {
        var rejection = await RejectAsync(Store(), new string('a', 252) + ".pdf", SampleFiles.Pdf());

        Assert.Equal(EvidenceRejectionReason.InvalidFileName, rejection.Reason);
        Assert.Equal("The file name is 256 characters long, the limit is 255; rename the file and upload it again.", rejection.Message);
    }

    [Fact]
    public async Task SaveAsync_WhenCancelled_KeepsNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store().SaveAsync("contract.pdf", new UnknownLengthStream(SampleFiles.Pdf()), cancelled.Token));

        AssertEvidenceFolderEmpty();
    }

    [Fact]
    public async Task OpenRead_AfterSave_ReturnsTheStoredBytes()
    {
        var store = Store();
        var stored = await store.SaveAsync("nda.docx", new MemoryStream(SampleFiles.Docx()), CancellationToken.None);

        await using var read = store.OpenRead(stored.StorageKey);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(SampleFiles.Docx().Length, copy.Length);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("ab/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef/")]
    [InlineData("")]
    public void OpenRead_WhenKeyIsNotAStorageKey_RefusesIt(string key)
    {
        var refusal = Assert.Throws<ArgumentException>(() => Store().OpenRead(key));

        Assert.Contains("is not an evidence storage key", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenRead_WhenNoFileIsStoredUnderTheKey_ThrowsFileNotFoundThatNamesTheKey()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => Store().OpenRead("0123456789abcdef0123456789abcdef"));

        Assert.Equal("The evidence file 0123456789abcdef0123456789abcdef is missing from the evidence store; it was removed outside the app and must be restored from a backup.", missing.Message);
    }

    [Fact]
    public void DescribeLimit_WithDefaultOptions_NamesTheTypesAnd25Megabytes()
    {
        var store = new EvidenceStore(folder, Options.Create(new EvidenceOptions()));

        Assert.Equal("PDF, PNG, JPEG, Word, Excel, text or e-mail, up to 25 MB", store.DescribeLimit());
        Assert.Equal(25 * 1024 * 1024, store.MaxUploadBytes);
        Assert.Equal(".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.eml,.msg", store.AcceptAttribute);
    }

    [Fact]
    public void AcceptedSummary_ForEveryAcceptedExtension_NamesIt()
    {
        Assert.All(EvidenceFileTypes.Extensions, extension =>
            Assert.Contains(extension == ".jpg" || extension == ".jpeg" ? "JPEG" : extension.TrimStart('.'), EvidenceFileTypes.AcceptedSummary, StringComparison.OrdinalIgnoreCase));
    }

    private EvidenceStore Store(long maxUploadBytes = 25 * 1024 * 1024) =>
        new(folder, Options.Create(new EvidenceOptions { MaxUploadBytes = maxUploadBytes }));

    /// <summary>Uploads, expects a refusal, and checks that nothing of the upload was kept.</summary>
    private async Task<EvidenceRejectedException> RejectAsync(EvidenceStore store, string name, byte[] content)
    {
        var rejection = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(name, new MemoryStream(content), CancellationToken.None));
        AssertEvidenceFolderEmpty();
        return rejection;
    }

    private void AssertEvidenceFolderEmpty() =>
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));

    private void AssertOutsideWebRoot(string path)
    {
        var full = Path.GetFullPath(path);
        Assert.StartsWith(folder.Path + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        Assert.DoesNotContain("wwwroot", full.Split(Path.DirectorySeparatorChar));
    }

    private static byte[] SampleFor(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => SampleFiles.Pdf(),
        ".png" => SampleFiles.Png(),
        ".jpg" or ".jpeg" => SampleFiles.Jpeg(),
        ".docx" => SampleFiles.Docx(),
        ".xlsx" => SampleFiles.Xlsx(),
        ".txt" => SampleFiles.Text(),
        ".eml" => SampleFiles.Eml(),
        ".msg" => SampleFiles.Msg(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No sample for this type."),
    };

    private static byte[] SampleByKind(string kind) => kind switch
    {
        "Windows" => SampleFiles.WindowsExecutable(),
        "Elf" => SampleFiles.Elf(),
        "Html" => SampleFiles.Html(),
        "Svg" => SampleFiles.Svg(),
        "Script" => SampleFiles.ShellScript(),
        "Zip" => SampleFiles.PlainZip(),
        "Macros" => SampleFiles.DocxWithMacros(),
        "Docx" => SampleFiles.Docx(),
        "Png" => SampleFiles.Png(),
        "Pdf" => SampleFiles.Pdf(),
        "Latin1" => SampleFiles.Latin1Text(),
        "Msg" => SampleFiles.Msg(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample of this kind."),
    };
}
