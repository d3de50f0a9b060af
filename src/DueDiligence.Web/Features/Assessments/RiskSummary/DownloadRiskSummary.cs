using System.Globalization;
using System.Security.Claims;
using System.Text;

using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.IpRights;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>
/// The executive risk summary of one assessment as a PDF, for executives, legal reviewers and the analyst who owns it.
/// Its figures are those of <see cref="AssessmentQueries.GetAsync"/>: what the assessment page shows.
/// </summary>
public sealed class DownloadRiskSummary(AssessmentQueries queries, IpRightQueries rights, Agreements.AgreementQueries agreements, CurrentUser currentUser, PdfRenderer pdf, TimeProvider time)
{
    public const string ConfidentialityMarking = "CONFIDENTIAL — internal use only";

    /// <summary>In the header of every page of a summary whose assessment is not decided yet, beside the confidentiality marking.</summary>
    public const string DraftMarking = "DRAFT — not decided";

    /// <summary>Printed large and faint across every page of a summary whose assessment is not decided yet.</summary>
    public const string DraftWatermark = "DRAFT";

    /// <summary>The report's content, or null when the assessment does not exist.</summary>
    /// <exception cref="ForbiddenException">The user may not download this assessment's summary.</exception>
    public async Task<RiskSummary?> SummaryAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive, AppRoles.LegalReviewer, AppRoles.Analyst);
        var view = await queries.GetAsync(assessmentId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        AssessmentAccess.Require(
            MayDownload(await currentUser.GetPrincipalAsync(), view.Assessment, view.Supplier),
            "Only executives, legal reviewers, the analyst who started this assessment and the supplier's owner and collaborators may download its risk summary.");
        var summary = RiskSummaryBuilder.Build(view, await rights.MatrixOfAsync(view.Supplier, cancellationToken), time.GetUtcNow());
        return summary with { Agreements = await agreements.ReportAsync(view.Supplier.Id, cancellationToken) };
    }

    /// <summary>The printed summary, or null when the assessment does not exist.</summary>
    /// <exception cref="ForbiddenException">The user may not download this assessment's summary.</exception>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed or took too long; the message says what to do.</exception>
    public async Task<PdfFile?> ExecuteAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var summary = await SummaryAsync(assessmentId, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var content = await pdf.RenderAsync<RiskSummaryDocument>(Parameters(summary), DocumentInfo(summary), cancellationToken);
        return new PdfFile(content, FileName(summary.SupplierName, summary.GeneratedAt));
    }

    public static bool MayDownload(ClaimsPrincipal user, Assessment assessment, Domain.Common.IOwnedRecord supplier) =>
        user.IsInRole(AppRoles.Executive) || user.IsInRole(AppRoles.LegalReviewer) || AssessmentAccess.WorksOn(user, assessment, supplier);

    public static Dictionary<string, object?> Parameters(RiskSummary summary) => new() { [nameof(RiskSummaryDocument.Summary)] = summary };

    public static PdfDocumentInfo DocumentInfo(RiskSummary summary) =>
        new(summary.Title, summary.IsDraft ? $"{DraftMarking} · {ConfidentialityMarking}" : ConfidentialityMarking, summary.GeneratedAt);

    public static string FileName(string supplierName, DateTimeOffset generatedAt) =>
        PdfDownload.FileName("risk-summary", supplierName, "supplier", generatedAt);
}
