using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;

using DueDiligence.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>
/// Turns a Razor report component into an A4 PDF: HtmlRenderer makes the HTML, the shared Chromium prints it
/// with the confidentiality marking in the header and "page X of Y" in the footer.
/// </summary>
public sealed class PdfRenderer(
    ChromiumBrowserHost browserHost,
    IServiceScopeFactory scopeFactory,
    ILoggerFactory loggerFactory,
    IOptions<PdfOptions> options,
    PdfMetrics metrics)
{
    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.Concurrency, options.Value.Concurrency);
    private readonly ILogger _logger = loggerFactory.CreateLogger<PdfRenderer>();

    /// <summary>Test seam: runs after the content is loaded and before printing, inside the concurrency slot.</summary>
    internal Func<IBrowser, CancellationToken, Task>? BeforePrint { get; set; }

    /// <summary>Renders <typeparamref name="TComponent"/> with these parameters and prints it.</summary>
    public async Task<byte[]> RenderAsync<TComponent>(
        IDictionary<string, object?> parameters, PdfDocumentInfo info, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        var html = await RenderComponentHtmlAsync<TComponent>(parameters, cancellationToken);
        return await RenderHtmlAsync(html, info, cancellationToken);
    }

    /// <summary>The HTML step alone: the component rendered in its own DI scope, as the printer will receive it.</summary>
    public async Task<string> RenderComponentHtmlAsync<TComponent>(
        IDictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A scope per render, so that scoped services work; it is not the caller's circuit scope,
        // so reports receive their data as parameters rather than reading the current user.
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>Prints a complete HTML document; the timeout covers waiting for a free slot and printing.</summary>
    public async Task<byte[]> RenderHtmlAsync(string html, PdfDocumentInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(info);

        using var span = Telemetry.Source.StartActivity("pdf render");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var token = timeout.Token;
        var acquired = false;
        try
        {
            var queued = Stopwatch.GetTimestamp();
            metrics.Queued();
            try
            {
                await _slots.WaitAsync(token);
                acquired = true;
            }
            finally
            {
                metrics.LeftQueue(Stopwatch.GetElapsedTime(queued), acquired);
            }

            var printing = Stopwatch.GetTimestamp();
            var pdf = await PrintWithOneRetryAsync(html, info, token);
            metrics.Printed(Stopwatch.GetElapsedTime(printing));
            return pdf;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTimeout(ex, token))
        {
            span?.SetStatus(ActivityStatusCode.Error, "timeout");
            _logger.LogWarning(ex, "A PDF took longer than {TimeoutSeconds} s and was stopped.", _options.TimeoutSeconds);
            throw new PdfUnavailableException(
                $"The PDF report took longer than {_options.TimeoutSeconds} seconds and was stopped. " +
                "The server may be busy with other reports; try again in a minute.",
                new TimeoutException($"PDF rendering exceeded {_options.TimeoutSeconds} s.", ex));
        }
        catch (PlaywrightException ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, "chromium failed");
            _logger.LogError(ex, "Chromium failed while printing a PDF.");
            throw new PdfUnavailableException(
                "The PDF report could not be produced because Chromium failed while printing it. " +
                "Try again; if it keeps happening, tell your administrator.",
                ex);
        }
        finally
        {
            if (acquired)
            {
                _slots.Release();
            }
        }
    }

    private static bool IsTimeout(Exception ex, CancellationToken token) =>
        (ex is OperationCanceledException && token.IsCancellationRequested) || ex is TimeoutException; // Playwright's own timeouts are System.TimeoutException

    private async Task<byte[]> PrintWithOneRetryAsync(string html, PdfDocumentInfo info, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            var page = await RentPageAsync(token);
            var browser = page.Context.Browser;
            var reusable = false;
            try
            {
                await Observed(page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load })).WaitAsync(token);
                if (BeforePrint is { } beforePrint && browser is not null)
                {
                    await beforePrint(browser, token);
                }

                var pdf = await Observed(page.PdfAsync(PrintOptions(info))).WaitAsync(token);
                reusable = true;
                return pdf;
            }
            catch (PlaywrightException ex) when (attempt == 1 && browser is { IsConnected: false } && !token.IsCancellationRequested)
            {
                // The browser died under this job (crash, out of memory); a fresh one gets one more try.
                _logger.LogWarning(ex, "Chromium died while printing a PDF; retrying once on a fresh browser.");
            }
            finally
            {
                await browserHost.ReturnPageAsync(page, reusable);
            }
        }
    }

    private async Task<IPage> RentPageAsync(CancellationToken token)
    {
        var renting = browserHost.RentPageAsync(token);
        try
        {
            return await renting.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            // The job gave up while a browser launched or a page opened for it: hand that page back rather than leak it.
            _ = renting.ContinueWith(
                static (rent, host) =>
                {
                    _ = rent.Exception;
                    return rent.IsCompletedSuccessfully ? ((ChromiumBrowserHost)host!).ReturnPageAsync(rent.Result, reusable: true) : Task.CompletedTask;
                },
                browserHost,
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
            throw;
        }
    }

    // A job abandoned by its timeout leaves its Playwright call running until its page closes; observe its
    // failure so that it does not surface as an unobserved task exception.
    private static Task<T> Observed<T>(Task<T> task)
    {
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }

    private static Task Observed(Task task)
    {
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }

    internal static PagePdfOptions PrintOptions(PdfDocumentInfo info) => new()
    {
        Format = "A4",
        PrintBackground = true,
        Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
        DisplayHeaderFooter = true,
        HeaderTemplate = HeaderTemplate(info),
        FooterTemplate = FooterTemplate(info),
    };

    // Header and footer are printed from separate documents without the report's CSS, so they carry their own
    // font and size (Chromium's default there is too small to read). Padding lines them up with the 15 mm margins.
    private const string BandStyle =
        "box-sizing:border-box; width:100%; padding:0 15mm; font-family:'DejaVu Sans','Liberation Sans',sans-serif; " +
        "font-size:7.5pt; color:#555; display:flex; justify-content:space-between; gap:8mm;";

    internal static string HeaderTemplate(PdfDocumentInfo info) =>
        $"<div style=\"{BandStyle}\"><span style=\"font-weight:bold; color:#a00;\">{Encode(info.ConfidentialityMarking)}</span>" +
        $"<span>{Encode(info.Title)}</span></div>";

    internal static string FooterTemplate(PdfDocumentInfo info)
    {
        var generated = info.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return $"<div style=\"{BandStyle} justify-content:center;\">" +
            $"<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span> · Generated {Encode(generated)}</span></div>";
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
