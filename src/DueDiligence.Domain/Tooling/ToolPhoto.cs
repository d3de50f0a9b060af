namespace DueDiligence.Domain.Tooling;

/// <summary>A photo of a tool, stored by the evidence store under a random key; never changed once attached.</summary>
public sealed class ToolPhoto
{
    private ToolPhoto()
    {
    }

    internal ToolPhoto(string originalFileName, string storageKey, string sha256, long length, string contentType, string uploadedByName, DateTime uploadedAtUtc)
    {
        Id = Guid.NewGuid();
        OriginalFileName = originalFileName;
        StorageKey = storageKey;
        Sha256 = sha256;
        Length = length;
        ContentType = contentType;
        UploadedByName = uploadedByName;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; }

    public string OriginalFileName { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public long Length { get; private set; }

    public string ContentType { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }
}
