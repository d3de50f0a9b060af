using DueDiligence.Web.Infrastructure.Pdf;

using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>One PDF service (one Chromium) for a test class, and the 200-row sample report printed once.</summary>
public sealed class PdfFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PdfFile>> _longReport;

    public PdfFixture()
    {
        Services = PdfServices.Create(("MaxConcurrency", "2"));
        _longReport = new Lazy<Task<PdfFile>>(PrintLongReportAsync);
    }

    public ServiceProvider Services { get; }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "dd-pdf-tests", Guid.NewGuid().ToString("N"));

    public PdfRenderer Renderer => Services.GetRequiredService<PdfRenderer>();

    public ChromiumBrowserHost Host => Services.GetRequiredService<ChromiumBrowserHost>();

    /// <summary>The sample report with a 200-row table, printed by the shared service.</summary>
    public Task<PdfFile> LongReport => _longReport.Value;

    private async Task<PdfFile> PrintLongReportAsync()
    {
        var bytes = await Renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(), PdfServices.Info, CancellationToken.None);
        return await PdfFile.WriteAsync(bytes, Directory, "long-report.pdf");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
