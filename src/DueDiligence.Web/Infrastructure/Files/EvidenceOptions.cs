namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Where evidence is kept and the store's limits, bound from the configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>
    /// The evidence folder, absolute or relative to the content root; empty for <c>evidence/</c> in the data directory.
    /// Several app instances share one folder (a network share) by naming it here.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>The largest upload accepted, in bytes (default 25 MB).</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// How long an upload's temporary file must have gone unwritten before the start-up sweep removes it as interrupted
    /// (default 1 hour). A running upload writes to its file continuously; another instance's upload is never that old.
    /// </summary>
    public TimeSpan InterruptedUploadAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Limits on what a Word or Excel file (a ZIP archive) may unpack to: section <c>Evidence:Archives</c>.</summary>
    public ArchiveLimits Archives { get; set; } = new();
}
