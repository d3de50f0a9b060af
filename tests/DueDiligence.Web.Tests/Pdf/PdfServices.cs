using DueDiligence.Web.Infrastructure.Pdf;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>The PDF service alone, configured the way the app configures it, without the rest of the app.</summary>
public static class PdfServices
{
    public static readonly PdfDocumentInfo Info = new(
        "Sample supplier report",
        "CONFIDENTIAL — internal use only",
        new DateTimeOffset(2026, 11, 23, 15, 5, 0, TimeSpan.FromHours(1)));

    public static ServiceProvider Create(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Pdf:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPdfReports(configuration);
        services.AddScoped<ScopeMarker>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static Dictionary<string, object?> SampleParameters(int rowCount = 200) => new()
    {
        [nameof(SampleReport.Title)] = Info.Title,
        [nameof(SampleReport.RowCount)] = rowCount,
        [nameof(SampleReport.Chart)] = new List<Components.Shared.Report.BarChartItem>
        {
            new("Governance", 82.25),
            new("Access control", 48.15),
            new("Legal protection", null),
            new("Physical security", 100),
            new("Subcontractor and tooling-ownership controls", 63.75, "#b5651d"),
        },
    };
}

/// <summary>A scoped service, to show that report components are rendered in a scope of their own.</summary>
public sealed class ScopeMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}
