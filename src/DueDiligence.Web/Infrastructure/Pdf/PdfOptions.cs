namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>Settings of the PDF service, configuration section <c>Pdf</c>.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium executable; Debian's package installs it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// How many PDFs are printed at the same time; each one keeps a Chromium renderer busy. 0 (the default) sets it from
    /// the machine: one per two cores, at least one (<see cref="Concurrency"/>).
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>How long one PDF may take, waiting for a free slot included.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Whether Chromium is started and a first page printed in the background at start-up, so the first report is not slow.</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>The number of print slots in force.</summary>
    public int Concurrency => SlotsFor(MaxConcurrency, Environment.ProcessorCount);

    public static int SlotsFor(int setting, int cores) => setting > 0 ? setting : Math.Max(1, cores / 2);
}
