namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Why an upload was refused.</summary>
public enum EvidenceRejectionReason
{
    TooLarge,
    Empty,
    ExtensionNotAllowed,
    ContentMismatch,
    InvalidFileName,
    UnsafeArchive,
}

/// <summary>An upload was refused; the message tells the analyst exactly why and what to do.</summary>
public sealed class EvidenceRejectedException(EvidenceRejectionReason reason, string message) : Exception(message)
{
    public EvidenceRejectionReason Reason { get; } = reason;

    internal static EvidenceRejectedException InvalidName(string problem) =>
        new(EvidenceRejectionReason.InvalidFileName, $"{problem}; rename the file and upload it again.");

    internal static EvidenceRejectedException ExtensionNotAllowed(string name, string extension) =>
        new(EvidenceRejectionReason.ExtensionNotAllowed, extension.Length == 0
            ? $"“{name}” has no file extension, so its type cannot be checked. Accepted: {EvidenceFileTypes.AcceptedSummary}."
            : $"“{name}”: files of type {extension.ToLowerInvariant()} are not accepted. Accepted: {EvidenceFileTypes.AcceptedSummary}.");

    /// <param name="length">The full size when the upload said it in advance; null when reading stopped at the limit.</param>
    internal static EvidenceRejectedException TooLarge(string name, long? length, long limit)
    {
        var size = length is { } known ? FileSize.Format(known) : null;
        // "25 MB; the limit is 25 MB" would read as a contradiction, so a size that rounds to the limit is not shown.
        return new(EvidenceRejectionReason.TooLarge, size is null || size == FileSize.Format(limit)
            ? $"“{name}” is larger than the limit of {FileSize.Format(limit)}."
            : $"“{name}” is {size}; the limit is {FileSize.Format(limit)}.");
    }

    internal static EvidenceRejectedException WrongKind(string name, EvidenceFileType wanted) =>
        new(EvidenceRejectionReason.ExtensionNotAllowed, $"“{name}” is not {wanted.Expected}: choose the {wanted.Extensions[0]} file.");

    internal static EvidenceRejectedException Empty(string name) =>
        new(EvidenceRejectionReason.Empty, $"“{name}” is empty.");

    /// <param name="hazard">What is wrong with the archive, with the limit and the archive's figure: "it unpacks to 300 MB, …".</param>
    internal static EvidenceRejectedException UnsafeArchive(string name, string hazard) =>
        new(EvidenceRejectionReason.UnsafeArchive, $"“{name}” is refused because {hazard}.");

    /// <param name="suggestRename">False where only the one kind of file is wanted, so that renaming it would not help.</param>
    internal static EvidenceRejectedException ContentMismatch(string name, EvidenceFileType expected, FileContent actual, bool suggestRename = true)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var message = $"“{name}” is named {extension} but its content is not {expected.Expected}: it is {actual.Describe()}.";
        return new(EvidenceRejectionReason.ContentMismatch, message + Advice(actual, suggestRename));
    }

    private static string Advice(FileContent actual, bool suggestRename)
    {
        if (actual == FileContent.NonUtf8Text)
        {
            return " Save it as UTF-8 and upload it again.";
        }

        if (actual == FileContent.OfficeDocumentWithMacros)
        {
            return " Macros can run code on the computer of whoever opens it: save it without macros (as .docx or .xlsx) and upload that.";
        }

        if (actual == FileContent.DamagedZipArchive)
        {
            return " It may be damaged: open it, save it again and upload the new copy.";
        }

        // An old .doc/.xls looks like a .msg from the outside, so no rename is suggested for OLE files.
        return suggestRename && actual != FileContent.OleCompoundFile && EvidenceFileTypes.FindByContent(actual) is { } right
            ? $" Rename it to {right.Extensions[0]} and upload it again."
            : "";
    }
}
