namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>Settings of the PDF service, configuration section <c>Pdf</c>.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium executable; Debian's package installs it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many PDFs are printed at the same time; each one costs a Chromium renderer process.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How long one PDF may take, waiting for a free slot included.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
