using System.Globalization;
using System.Text;
using DueDiligence.Web.Infrastructure.Pdf;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>A printed partner-selection report and the name it is downloaded under.</summary>

/// <summary>
/// The partner-selection report of one sourcing project as a PDF, for everyone who reads the project.
/// Its figures are those of <see cref="SourcingQueries.GetAsync"/>: what the project page shows.
/// </summary>
public sealed class DownloadPartnerSelection(SourcingQueries queries, PlannerQueries planner, PdfRenderer pdf, TimeProvider time)
{
    public const string ConfidentialityMarking = "CONFIDENTIAL — partner selection, internal use only";

    /// <summary>The printed report, or null when the project does not exist.</summary>
    /// <exception cref="Infrastructure.Identity.ForbiddenException">The user may not read sourcing projects.</exception>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or took too long; the message says what to do.</exception>
    public async Task<PdfFile?> ExecuteAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var view = await queries.GetAsync(projectId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var generatedAt = time.GetUtcNow();
        var title = Title(view.Project.Name);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(PartnerSelectionDocument.View)] = view,
            [nameof(PartnerSelectionDocument.Title)] = title,
            [nameof(PartnerSelectionDocument.Plan)] = await planner.GetAsync(projectId, cancellationToken),
        };
        var content = await pdf.RenderAsync<PartnerSelectionDocument>(parameters, new PdfDocumentInfo(title, ConfidentialityMarking, generatedAt), cancellationToken);
        return new PdfFile(content, FileName(view.Project.Name, generatedAt));
    }

    public static string Title(string projectName) => $"Partner selection — {projectName}";

    public static string FileName(string projectName, DateTimeOffset generatedAt) =>
        PdfDownload.FileName("partner-selection", projectName, "project", generatedAt);
}
