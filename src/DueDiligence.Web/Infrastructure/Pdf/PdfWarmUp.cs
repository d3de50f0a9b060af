using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>
/// At start-up, in the background (the app answers meanwhile): starts Chromium and prints a blank page through the
/// normal path, so that the first report someone downloads does not wait for the browser. Off with
/// <c>Pdf:WarmUpAtStart=false</c>. A missing Chromium is logged, not thrown: the report pages say so when asked.
/// </summary>
public sealed class PdfWarmUp(PdfRenderer renderer, IOptions<PdfOptions> options, ILogger<PdfWarmUp> logger) : BackgroundService
{
    private const string BlankPage = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Warm-up</title></head><body><p>Ready.</p></body></html>";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            return;
        }

        await Task.Yield(); // start-up goes on while Chromium starts
        var started = Stopwatch.GetTimestamp();
        try
        {
            await renderer.RenderHtmlAsync(BlankPage, new PdfDocumentInfo("Warm-up", "", DateTimeOffset.UnixEpoch), stoppingToken);
            logger.LogInformation(
                "Chromium is ready for PDF reports ({Elapsed:F0} ms; {Slots} print at a time).",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, options.Value.Concurrency);
        }
        catch (PdfUnavailableException e)
        {
            logger.LogWarning("Chromium could not be warmed up at start-up: {Reason}", e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stopped first.
        }
    }
}
