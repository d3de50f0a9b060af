using System.Globalization;
using System.Text;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>A printed report ready to send: its bytes and an ASCII file name.</summary>
public sealed record PdfFile(byte[] Content, string FileName);

/// <summary>How report downloads are named and answered, the same for every report.</summary>
public static class PdfDownload
{
    /// <summary>"risk-summary-brightpath-precision-moulding-co-ltd-2026-11-23.pdf": ASCII only, so every browser keeps it.</summary>
    public static string FileName(string prefix, string name, string fallback, DateTimeOffset generatedAt)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > 60)
        {
            text = text[..60].TrimEnd('-');
        }

        var date = generatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{prefix}-{(text.Length == 0 ? fallback : text)}-{date}.pdf";
    }

    /// <summary>
    /// Produces the report and answers: the PDF as a confidential attachment, 404 when the record does not exist, an
    /// empty 403 (rendered as the friendly "no access" page) when the user may not have it, and the given page with 503
    /// when Chromium cannot print or a rule refuses the report (such as a score that is not a finite number).
    /// </summary>
    public static async Task<IResult> ServeAsync(HttpContext context, Func<Task<PdfFile?>> produce, Func<string, IResult> unavailablePage)
    {
        PdfFile? file;
        try
        {
            file = await produce();
        }
        catch (ForbiddenException e)
        {
            await context.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(e);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (PdfUnavailableException e)
        {
            return unavailablePage(e.Message);
        }
        catch (DomainException e)
        {
            // E.g. a score that is not a finite number: the report is refused with the reason, never printed with a tier.
            return unavailablePage(e.Message);
        }

        if (file is null)
        {
            return Results.NotFound();
        }

        // Reports are confidential: no shared or browser cache keeps a copy.
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.Content, "application/pdf", file.FileName);
    }
}
