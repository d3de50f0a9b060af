using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Settings every app this test run starts shares, through the environment the app's configuration reads.</summary>
internal static class TestRunSettings
{
    /// <summary>
    /// No background Chromium for each of the many apps the tests start: the PDF tests start it when they need it, and
    /// <see cref="Pdf.PdfWarmUpAndMetricsTests"/> tests the warm-up itself.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: set before any app starts.")]
    internal static void Apply() => Environment.SetEnvironmentVariable("Pdf__WarmUpAtStart", "false");
}
