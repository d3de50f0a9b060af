namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Limits of the evidence store, bound from the configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The largest upload accepted, in bytes (default 25 MB).</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;
}
