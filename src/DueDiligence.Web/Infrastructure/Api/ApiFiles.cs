using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure.Pdf;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>Reports through the API: the PDF as the page's download gives it, or a problem (a refusal goes to <see cref="ApiErrors"/>).</summary>
public static class ApiFiles
{
    public static async Task<IResult> PdfAsync(HttpResponse response, Func<Task<PdfFile?>> produce, string notFound)
    {
        PdfFile? file;
        try
        {
            file = await produce();
        }
        catch (PdfUnavailableException e)
        {
            return ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, "Report unavailable", e.Message);
        }
        catch (DomainException e)
        {
            // E.g. a score that is not a finite number: refused with the reason, never printed with a tier.
            return ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, "Report unavailable", e.Message);
        }

        if (file is null)
        {
            return ApiErrors.Problem(StatusCodes.Status404NotFound, "Not found", notFound);
        }

        // Reports are confidential: no shared cache keeps a copy.
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, "application/pdf", file.FileName);
    }
}
