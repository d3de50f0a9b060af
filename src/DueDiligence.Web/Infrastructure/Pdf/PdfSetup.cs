namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>Registers the PDF service: options from the <c>Pdf</c> section, the shared browser, the renderer, its metrics and its warm-up.</summary>
public static class PdfSetup
{
    public static IServiceCollection AddPdfReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Pdf:ChromiumPath must name the Chromium executable.")
            .Validate(o => o.MaxConcurrency >= 0, "Pdf:MaxConcurrency must be 0 (one per two cores) or a number of PDFs printed at once.")
            .Validate(o => o.TimeoutSeconds >= 1, "Pdf:TimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PdfMetrics>();
        services.AddSingleton<ChromiumBrowserHost>();
        services.AddSingleton<PdfRenderer>();
        services.AddHostedService<PdfWarmUp>();
        return services;
    }
}
