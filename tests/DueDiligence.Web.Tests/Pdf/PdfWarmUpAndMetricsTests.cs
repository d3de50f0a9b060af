using System.Diagnostics.Metrics;
using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>Chromium started before the first report is asked for; the print queue measured; slots set from the machine.</summary>
public sealed class PdfWarmUpAndMetricsTests
{
    [Fact]
    public async Task WarmUp_StartsChromiumInTheBackground_AndTheFirstReportUsesThatBrowser()
    {
        await using var services = PdfServices.Create(("WarmUpAtStart", "true"));
        var host = services.GetRequiredService<ChromiumBrowserHost>();
        var warmUp = services.GetServices<IHostedService>().OfType<PdfWarmUp>().Single();

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        var launchedBeforeAnyReport = host.Launches;
        await services.GetRequiredService<PdfRenderer>().RenderAsync<SampleReport>(PdfServices.SampleParameters(5), PdfServices.Info, CancellationToken.None);

        Assert.Equal(1, launchedBeforeAnyReport);
        Assert.Equal(1, host.Launches);
        await warmUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WarmUp_WhenTurnedOff_StartsNothing()
    {
        await using var services = PdfServices.Create(("WarmUpAtStart", "false"));
        var warmUp = services.GetServices<IHostedService>().OfType<PdfWarmUp>().Single();

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!;

        Assert.Equal(0, services.GetRequiredService<ChromiumBrowserHost>().Launches);
    }

    [Fact]
    public async Task WarmUp_WithoutChromium_IsLoggedAndDoesNotStopTheApp()
    {
        await using var services = PdfServices.Create(("WarmUpAtStart", "true"), ("ChromiumPath", "/nonexistent/chromium"));
        var warmUp = services.GetServices<IHostedService>().OfType<PdfWarmUp>().Single();

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(warmUp.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task EveryReport_RecordsItsWaitForASlotAndItsPrintingTime_AndTheQueueEmptiesAfterwards()
    {
        await using var services = PdfServices.Create(("MaxConcurrency", "1"));
        var metrics = services.GetRequiredService<PdfMetrics>();
        var factory = services.GetRequiredService<IMeterFactory>();
        var measured = new List<(string Instrument, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PdfMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (measured) { measured.Add((instrument.Name, value)); } });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => { lock (measured) { measured.Add((instrument.Name, value)); } });
        listener.Start();
        var renderer = services.GetRequiredService<PdfRenderer>();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            renderer.RenderAsync<SampleReport>(PdfServices.SampleParameters(5), PdfServices.Info, CancellationToken.None)));

        Assert.Equal(3, measured.Count(m => m.Instrument == "duediligence.pdf.queue.wait"));
        Assert.Equal(3, measured.Count(m => m.Instrument == "duediligence.pdf.duration"));
        Assert.All(measured.Where(m => m.Instrument == "duediligence.pdf.duration"), m => Assert.True(m.Value > 0));
        Assert.Equal(0, measured.Where(m => m.Instrument == "duediligence.pdf.queue.length").Sum(m => m.Value));
        Assert.Equal(6, measured.Count(m => m.Instrument == "duediligence.pdf.queue.length"));
        // With one slot, the later reports waited for the earlier ones to print.
        Assert.True(measured.Where(m => m.Instrument == "duediligence.pdf.queue.wait").Max(m => m.Value) > 0);
        Assert.Equal(0, metrics.Waiting);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(0, 2, 1)]
    [InlineData(0, 8, 4)]
    [InlineData(3, 2, 3)]
    public void Concurrency_ByDefault_IsOnePerTwoCores_UnlessSet(int setting, int cores, int expected)
    {
        var options = new PdfOptions { MaxConcurrency = setting };

        Assert.Equal(expected, PdfOptions.SlotsFor(options.MaxConcurrency, cores));
    }
}
