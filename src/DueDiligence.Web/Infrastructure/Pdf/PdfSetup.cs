namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>Registers the PDF service: options from the <c>Pdf</c> section, the shared browser and the renderer.</summary>
public static class PdfSetup
{
    public static IServiceCollection AddPdfReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Pdf:ChromiumPath must name the Chromium executable.")
            .Validate(o => o.MaxConcurrency >= 1, "Pdf:MaxConcurrency must be at least 1.")
            .Validate(o => o.TimeoutSeconds >= 1, "Pdf:TimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ChromiumBrowserHost>();
        services.AddSingleton<PdfRenderer>();
        return services;
    }
}
